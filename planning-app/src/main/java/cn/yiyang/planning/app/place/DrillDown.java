package cn.yiyang.planning.app.place;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.Consumer;

/**
 * The drill-down breadcrumb 益阳市 › 县 › 乡镇 › 村: each step goes back up to that unit, and a list
 * offers the units one level down. Every move is handed to the listener (which zooms the map and
 * filters the attribute table).
 */
public class DrillDown extends Div {

    private final PlaceService places;
    private final Consumer<Place> onChange;
    private final Div crumbs = new Div();
    private final Select<Place> down = new Select<>();
    private Place current;

    public DrillDown(PlaceService places, Consumer<Place> onChange) {
        this.places = places;
        this.onChange = onChange;
        addClassName("map-drill-down");
        setId("drill-down");
        crumbs.addClassName("map-breadcrumb");
        down.setId("drill-down-next");
        down.addClassName("map-drill-next");
        down.setPlaceholder(getTranslation("map.drill.next"));
        down.setAriaLabel(getTranslation("map.drill.next"));
        down.setItemLabelGenerator(p -> PlaceLabels.name(p, this::getTranslation));
        down.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go(e.getValue());
            }
        });
        add(crumbs, down);
    }

    /** Moves to a unit and tells the listener. */
    public void go(Place place) {
        show(place);
        onChange.accept(place);
    }

    /** Shows a unit's path and children without telling the listener. */
    public void show(Place place) {
        current = place;
        crumbs.removeAll();
        List<Place> path = places.path(place);
        for (int i = 0; i < path.size(); i++) {
            Place p = path.get(i);
            if (i > 0) {
                Span sep = new Span("›");
                sep.addClassName("map-breadcrumb-separator");
                crumbs.add(sep);
            }
            if (i == path.size() - 1) {
                Span last = new Span(PlaceLabels.name(p, this::getTranslation));
                last.addClassName("map-breadcrumb-current");
                crumbs.add(last);
            } else {
                Button up = new Button(PlaceLabels.name(p, this::getTranslation), e -> go(p));
                up.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                up.addClassName("map-breadcrumb-step");
                crumbs.add(up);
            }
        }
        List<Place> children = places.children(place);
        down.setItems(children);
        down.setVisible(!children.isEmpty());
    }

    /** The unit shown now. */
    public Place current() {
        return current;
    }
}
