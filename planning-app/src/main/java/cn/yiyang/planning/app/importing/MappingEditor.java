package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.importer.mapping.Derivations;
import cn.yiyang.planning.importer.mapping.FieldCandidate;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.mapping.FieldProposal;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
    private final Div proposals = new Div();
    private final Map<String, String> targets = new LinkedHashMap<>();
    private final Map<String, Select<String>> selects = new LinkedHashMap<>();
    private final Map<String, Span> decisions = new LinkedHashMap<>();
    private LayerDef layer;
    private boolean edited;
    private boolean editable;

    MappingEditor() {
        addClassName("import-mapping");
        missing.addClassName("import-mapping-missing");
        proposals.addClassName("import-mapping-proposals");
        proposals.setId("import-mapping-proposals");
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
        add(missing, proposals, grid);
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
            Span decision = new Span(ImportLabels.decision(this, e.decision()));
            if (e.decision() == FieldMapping.Decision.CONTENT) {
                decision.getElement().getThemeList().add("badge warning small");
            }
            decisions.put(e.source(), decision);
            selects.put(e.source(), targetSelect(e));
        }
        grid.setItems(mapping.entries());
        showProposals(mapping.proposals());
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

    /**
     * The columns proposed for each field by their values: an applied one with its evidence (to confirm, like an
     * inferred coordinate system), else the candidates best first, each with a button that maps it.
     */
    private void showProposals(List<FieldProposal> list) {
        proposals.removeAll();
        for (FieldProposal p : list) {
            FieldDef field = layer.field(p.field()).orElse(null);
            if (field == null) {
                continue;
            }
            Div line = new Div();
            line.addClassName("import-mapping-proposal");
            String fieldText = ImportLabels.field(this, field);
            if (p.applied()) {
                Span badge = new Span(getTranslation("import.detection.INFERRED"));
                badge.getElement().getThemeList().add("badge warning small");
                line.add(
                        badge,
                        new Span(getTranslation(
                                "import.mapping.inferred",
                                fieldText,
                                p.best().source(),
                                p.best().describe(ImportLabels.locale(this)))));
            } else {
                line.add(new Span(getTranslation("import.mapping.candidates", fieldText)));
                int rank = 0;
                for (FieldCandidate c : p.candidates()) {
                    Button accept = new Button(
                            getTranslation("import.mapping.accept", c.source(), c.describe(ImportLabels.locale(this))));
                    accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    accept.setId("import-accept-" + p.field() + "-" + rank++);
                    accept.setEnabled(editable);
                    accept.addClickListener(e -> selects.get(c.source()).setValue(p.field()));
                    line.add(accept);
                }
            }
            proposals.add(line);
        }
        proposals.setVisible(proposals.getComponentCount() > 0);
    }

    private void showMissing() {
        missing.removeAll();
        for (FieldDef f : layer.fields()) {
            if (f.required()
                    && !targets.containsValue(f.name())
                    && !Derivations.derives(layer, f.name(), targets.values())) {
                Span s = new Span(getTranslation("import.mapping.required-missing", ImportLabels.field(this, f)));
                s.getElement().getThemeList().add("badge error");
                missing.add(s);
            }
        }
        missing.setVisible(missing.getComponentCount() > 0);
    }
}
