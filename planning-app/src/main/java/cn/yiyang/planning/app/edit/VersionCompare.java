package cn.yiyang.planning.app.edit;

import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.app.map.OverlayFeature;
import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.Region;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An earlier version of the selected feature beside the current one: pick a version from its history, and the map
 * shows its shape dashed over the current one, with the attributes that differ listed (then → now).
 */
class VersionCompare extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PlanningMap map;
    private final MapEditService service;
    private final AppUser user;
    private final Locale locale;
    private final Select<FeatureVersion> versions = new Select<>();
    private final Div diff = new Div();
    private LayerDef layer;
    private EditedFeature current;

    VersionCompare(PlanningMap map, MapEditService service, AppUser user, Locale locale) {
        this.map = map;
        this.service = service;
        this.user = user;
        this.locale = locale;
        addClassName("edit-versions");
        setId("edit-versions");
        versions.setId("edit-history-versions");
        versions.setLabel(getTranslation("edit.history"));
        versions.setItemLabelGenerator(e -> e == null
                ? ""
                : getTranslation(
                        "edit.history.entry",
                        e.version() == null ? "" : e.version(),
                        operation(e),
                        e.user(),
                        TIME.format(e.at().atZoneSameInstant(Region.TIME_ZONE))));
        versions.setEmptySelectionAllowed(true);
        versions.addValueChangeListener(e -> compare(e.getValue()));
        diff.setId("edit-history-diff");
        add(versions, diff);
        setVisible(false);
    }

    private String operation(FeatureVersion e) {
        String key = "edit.history.op." + e.operation();
        return getTranslation(key);
    }

    /** The history of a stored feature (null: none, e.g. a new one). */
    void show(LayerDef layer, Long id) {
        clear();
        if (id == null) {
            return;
        }
        this.layer = layer;
        this.current = service.get(user, layer.id(), id);
        List<FeatureVersion> entries = service.history(user, layer.id(), id);
        versions.setItems(entries);
        setVisible(!entries.isEmpty());
    }

    void clear() {
        versions.clear();
        diff.removeAll();
        setVisible(false);
        map.setOverlay(List.of());
    }

    private void compare(FeatureVersion entry) {
        diff.removeAll();
        if (entry == null || current == null) {
            map.setOverlay(List.of());
            return;
        }
        FeatureVersion then = entry;
        if (then.geometry() != null) {
            map.setOverlay(List.of(new OverlayFeature(then.geometry(), OverlayFeature.Tone.HISTORY)));
        }
        int differences = 0;
        for (FieldDef f : layer.fields()) {
            Object a = then.attributes().get(f.name());
            Object b = current.attributes().get(f.name());
            if (!Objects.equals(a, b)) {
                differences++;
                Div row = new Div(new Span(getTranslation(
                        "edit.history.diff", AttributeFormat.label(f, locale), shown(f, a), shown(f, b))));
                row.addClassName("edit-history-change");
                diff.add(row);
            }
        }
        if (then.geometry() != null
                && current.geometry() != null
                && !then.geometry().equalsExact(current.geometry())) {
            differences++;
            diff.add(new Div(new Span(getTranslation("edit.history.shape"))));
        }
        if (differences == 0) {
            diff.add(new Span(getTranslation("edit.history.same")));
        }
    }

    private String shown(FieldDef f, Object v) {
        String text = AttributeFormat.display(f, v, locale, getTranslation("map.yes"), getTranslation("map.no"));
        return text.isEmpty() ? "—" : text;
    }
}
