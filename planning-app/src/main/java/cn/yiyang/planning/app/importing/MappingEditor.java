package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.importer.mapping.Derivations;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proposed field mapping as an editable table: each file field, where it goes (a layer field, kept as
 * an extra attribute, or ignored) and how that was decided; above it, the layer's required fields that
 * no file field gives yet.
 */
final class MappingEditor extends Div {

    private final Grid<FieldMapping.Entry> grid = new Grid<>();
    private final Div missing = new Div();
    private final Map<String, String> targets = new LinkedHashMap<>();
    private final Map<String, Select<String>> selects = new LinkedHashMap<>();
    private final Map<String, Span> decisions = new LinkedHashMap<>();
    private LayerDef layer;
    private boolean edited;
    private boolean editable;

    MappingEditor() {
        addClassName("import-mapping");
        missing.addClassName("import-mapping-missing");
        grid.addColumn(FieldMapping.Entry::source)
                .setHeader(getTranslation("import.mapping.source"))
                .setFlexGrow(2)
                .setAutoWidth(true);
        grid.addComponentColumn(e -> selects.get(e.source()))
                .setHeader(getTranslation("import.mapping.target"))
                .setFlexGrow(3)
                .setKey("target");
        grid.addComponentColumn(e -> decisions.get(e.source()))
                .setHeader(getTranslation("import.mapping.decision"))
                .setFlexGrow(1)
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setId("import-mapping-grid");
        add(missing, grid);
    }

    /** Shows a mapping for a layer; its targets can be changed when {@code editable}. */
    void show(LayerDef target, FieldMapping mapping, boolean canEdit) {
        this.layer = target;
        this.editable = canEdit;
        this.edited = false;
        targets.clear();
        selects.clear();
        decisions.clear();
        for (FieldMapping.Entry e : mapping.entries()) {
            targets.put(e.source(), e.target());
            decisions.put(e.source(), new Span(ImportLabels.decision(this, e.decision())));
            selects.put(e.source(), targetSelect(e));
        }
        grid.setItems(mapping.entries());
        showMissing();
    }

    /** The whole map as edited, or an empty map when the user changed nothing. */
    Map<String, String> editedMap() {
        return edited ? Collections.unmodifiableMap(new LinkedHashMap<>(targets)) : Map.of();
    }

    private Select<String> targetSelect(FieldMapping.Entry entry) {
        Select<String> select = new Select<>();
        List<String> items = new ArrayList<>();
        layer.fields().forEach(f -> items.add(f.name()));
        items.add(FieldMapping.EXTRA);
        items.add(FieldMapping.IGNORE);
        select.setItems(items);
        select.setItemLabelGenerator(t -> ImportLabels.target(this, layer, t));
        select.setValue(targets.get(entry.source()));
        select.setWidthFull();
        select.setReadOnly(!editable);
        select.addClassName("import-mapping-select");
        select.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                targets.put(entry.source(), e.getValue());
                edited = true;
                decisions
                        .get(entry.source())
                        .setText(ImportLabels.decision(
                                this,
                                e.getValue().equals(entry.target())
                                        ? entry.decision()
                                        : FieldMapping.Decision.EXPLICIT));
                showMissing();
            }
        });
        return select;
    }

    private void showMissing() {
        missing.removeAll();
        for (FieldDef f : layer.fields()) {
            if (f.required() && !targets.containsValue(f.name()) && !Derivations.derives(layer, f.name())) {
                Span s = new Span(getTranslation("import.mapping.required-missing", ImportLabels.field(this, f)));
                s.getElement().getThemeList().add("badge error");
                missing.add(s);
            }
        }
        missing.setVisible(missing.getComponentCount() > 0);
    }
}
