package cn.yiyang.planning.app.edit;

import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.Region;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a save was refused as stale: who changed the feature since this edit started, when, and what (the fields
 * and the shape), with the reassurance that everything typed is kept.
 */
class ConflictNote extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    ConflictNote(
            LayerDef layer, EditedFeature mine, EditedFeature theirs, List<FeatureVersion> history, Locale locale) {
        addClassName("edit-conflict-note");
        setId("edit-conflict-note");
        add(new Div(new Span(getTranslation("edit.conflict", mine.version(), theirs.version()))));
        for (FeatureVersion e : history) {
            if (e.version() != null && e.version() > mine.version()) {
                add(new Div(new Span(getTranslation(
                        "edit.conflict.by",
                        e.user(),
                        TIME.format(e.at().atZoneSameInstant(Region.TIME_ZONE)),
                        e.version()))));
            }
        }
        List<String> changed = changed(layer, mine, theirs, locale);
        if (!changed.isEmpty()) {
            add(new Div(new Span(getTranslation("edit.conflict.fields", String.join("; ", changed)))));
        }
        add(new Div(new Span(getTranslation("edit.conflict.kept"))));
    }

    /** The labels of the fields (and the shape) that differ between the two versions. */
    private List<String> changed(LayerDef layer, EditedFeature mine, EditedFeature theirs, Locale locale) {
        List<String> out = new ArrayList<>();
        for (FieldDef f : layer.fields()) {
            if (!Objects.equals(
                    mine.attributes().get(f.name()), theirs.attributes().get(f.name()))) {
                out.add(AttributeFormat.label(f, locale));
            }
        }
        if (mine.geometry() != null
                && theirs.geometry() != null
                && !mine.geometry().equalsExact(theirs.geometry())) {
            out.add(getTranslation("edit.geometry"));
        }
        return out;
    }
}
