package cn.yiyang.planning.app.place;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.function.Consumer;

/**
 * Search by village, township or county name or code: suggestions read "村名 · 乡镇 · 县" (names
 * repeat, the county and township tell them apart); picking one hands it to the listener, which
 * zooms the map to it.
 */
public class PlaceSearch extends ComboBox<Place> {

    /** Suggestions shown at most. */
    static final int MAX_RESULTS = 50;

    public PlaceSearch(PlaceService places, Consumer<Place> onPick) {
        setPlaceholder(getTranslation("map.search.placeholder"));
        setAriaLabel(getTranslation("map.search.label"));
        setId("place-search");
        addClassName("map-place-search");
        setClearButtonVisible(true);
        setWidthFull();
        setItemLabelGenerator(p -> PlaceLabels.qualified(p, places, this::getTranslation));
        setItems(query -> places.search(query.getFilter().orElse(""), MAX_RESULTS).stream()
                .skip(query.getOffset())
                .limit(query.getLimit()));
        addValueChangeListener(e -> {
            if (e.getValue() != null) {
                onPick.accept(e.getValue());
            }
        });
    }
}
