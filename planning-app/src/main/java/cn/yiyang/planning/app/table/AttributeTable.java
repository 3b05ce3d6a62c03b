package cn.yiyang.planning.app.table;

import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.layers.catalogue.Code;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * The attribute table of any layer: a lazy grid (the store pages it, so the 371,000 households load
 * a page at a time), sortable columns with a filter under each header (text fields match where they
 * contain the text, coded and yes/no fields by choice), an "only in the current map extent" toggle,
 * the drill-down unit as a further filter, and the number of matching rows. Selecting a row hands
 * layer and feature to the listener (which zooms the map to it and highlights it).
 */
public class AttributeTable extends Div {

    private final FeatureTableService service;
    private final Locale locale;
    private final Select<LayerDef> layerSelect = new Select<>();
    private final Checkbox inExtent = new Checkbox();
    private final Span count = new Span();
    private final Button export = new Button();
    private Predicate<LayerDef> mayExport = l -> false;
    private final Div gridHolder = new Div();
    private final Map<String, String> filters = new LinkedHashMap<>();
    private Grid<TableRow> grid;
    private LayerDef layer;
    private Envelope viewExtent;
    private String scopeCode;
    /** Whose rows: the table shows the user's counties and the fields it may see. */
    private final AppUser user;

    private BiConsumer<LayerDef, TableRow> onSelect = (l, r) -> {};

    public AttributeTable(FeatureTableService service, Locale locale, AppUser user) {
        this.service = service;
        this.user = user;
        this.locale = locale;
        addClassName("map-attribute-table");
        setId("attribute-table");

        layerSelect.setItems(service.layers(user));
        layerSelect.setItemLabelGenerator(l -> AttributeFormat.title(l, locale));
        layerSelect.setAriaLabel(getTranslation("table.layer"));
        layerSelect.setId("table-layer");
        layerSelect.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showLayer(e.getValue());
            }
        });
        inExtent.setLabel(getTranslation("table.in-extent"));
        inExtent.setId("table-in-extent");
        inExtent.addValueChangeListener(e -> refresh());
        count.setId("table-count");
        count.addClassName("map-table-count");

        export.setText(getTranslation("export.button"));
        export.setId("table-export");
        export.addThemeVariants(ButtonVariant.LUMO_SMALL);
        export.setVisible(false);

        Div bar = new Div(layerSelect, inExtent, count, export);
        bar.addClassName("map-table-bar");
        gridHolder.addClassName("map-table-grid");
        add(bar, gridHolder);
    }

    /** Called with the layer and row the user selects. */
    public void onSelect(BiConsumer<LayerDef, TableRow> listener) {
        this.onSelect = listener;
    }

    /**
     * Offers the export of the layer shown, when the user may export it.
     *
     * @param may  whether the user may export a layer
     * @param open opens the export dialog for a layer
     */
    public void offerExport(Predicate<LayerDef> may, Consumer<LayerDef> open) {
        this.mayExport = may;
        export.addClickListener(e -> open.accept(layer));
        export.setVisible(layer != null && may.test(layer));
    }

    /** Shows a layer's table (clears the column filters). */
    public void setLayer(String layerId) {
        layerSelect.setValue(service.layer(user, layerId));
    }

    public LayerDef layer() {
        return layer;
    }

    /** The map's visible box, used while "only in the current map extent" is ticked. */
    public void setViewExtent(Envelope extent) {
        this.viewExtent = extent == null ? null : new Envelope(extent);
        if (inExtent.getValue()) {
            refresh();
        }
    }

    /** Limits the rows to an administrative unit (NBS code), or to nothing when null. */
    public void setScope(String code) {
        if (!Objects.equals(scopeCode, code)) {
            scopeCode = code;
            refresh();
        }
    }

    /** Sets a column's filter as if typed or chosen (for drill-down and tests). */
    public void setFilter(String field, String value) {
        filters.put(field, value);
        refresh();
    }

    /** The query the table shows now (without sort). */
    public TableQuery query() {
        Envelope box = inExtent.getValue() ? viewExtent : null;
        return new TableQuery(filters, box, scopeCode, null, true);
    }

    private void showLayer(LayerDef l) {
        layer = l;
        filters.clear();
        export.setVisible(mayExport.test(l));
        inExtent.setEnabled(l.geometry().hasGeometry());
        grid = new Grid<>();
        grid.setId("table-grid");
        grid.setSizeFull();
        grid.setMultiSort(false);
        grid.setColumnReorderingAllowed(true);
        HeaderRow filterRow = null;
        List<Grid.Column<TableRow>> columns = new ArrayList<>();
        for (FieldDef f : l.fields()) {
            Grid.Column<TableRow> c = grid.addColumn(r -> AttributeFormat.display(
                            f, r.get(f.name()), locale, getTranslation("map.yes"), getTranslation("map.no")))
                    .setHeader(AttributeFormat.label(f, locale))
                    .setKey(f.name())
                    .setSortProperty(f.name())
                    .setResizable(true)
                    .setAutoWidth(true)
                    .setFlexGrow(f.type() == FieldType.TEXT ? 1 : 0);
            columns.add(c);
        }
        filterRow = grid.appendHeaderRow();
        for (int i = 0; i < l.fields().size(); i++) {
            filterRow
                    .getCell(columns.get(i))
                    .setComponent(filterField(l.fields().get(i)));
        }
        grid.setItems(
                query -> {
                    TableQuery q = sorted(query.getSortOrders());
                    return service.rows(user, layer.id(), q, query.getOffset(), query.getLimit()).stream();
                },
                query -> (int) Math.min(Integer.MAX_VALUE, service.count(user, layer.id(), query())));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                onSelect.accept(layer, e.getValue());
            }
        });
        gridHolder.removeAll();
        gridHolder.add(grid);
        updateCount();
    }

    private TableQuery sorted(List<QuerySortOrder> orders) {
        TableQuery q = query();
        if (orders.isEmpty()) {
            return q;
        }
        QuerySortOrder o = orders.getFirst();
        return q.sortedBy(o.getSorted(), o.getDirection() == SortDirection.ASCENDING);
    }

    private Component filterField(FieldDef f) {
        String id = "filter-" + f.name();
        if (f.type() == FieldType.CODE || f.type() == FieldType.BOOLEAN) {
            Select<String> s = new Select<>();
            List<String> values = new ArrayList<>();
            values.add("");
            if (f.type() == FieldType.BOOLEAN) {
                values.addAll(List.of("true", "false"));
            } else {
                f.codeList().codes().stream().map(Code::value).forEach(values::add);
            }
            s.setItems(values);
            s.setEmptySelectionAllowed(false);
            s.setItemLabelGenerator(v -> v.isEmpty()
                    ? getTranslation("table.filter.any")
                    : AttributeFormat.display(
                            f,
                            f.type() == FieldType.BOOLEAN ? Boolean.valueOf(v) : v,
                            locale,
                            getTranslation("map.yes"),
                            getTranslation("map.no")));
            s.setValue("");
            s.setId(id);
            s.setWidthFull();
            s.setAriaLabel(AttributeFormat.label(f, locale));
            s.addValueChangeListener(e -> setFilter(f.name(), e.getValue()));
            return s;
        }
        TextField t = new TextField();
        t.setPlaceholder(getTranslation("table.filter"));
        t.setAriaLabel(AttributeFormat.label(f, locale));
        t.setClearButtonVisible(true);
        t.setValueChangeMode(ValueChangeMode.LAZY);
        t.setId(id);
        t.setWidthFull();
        t.addValueChangeListener(e -> {
            boolean valid = parses(f, e.getValue());
            t.setInvalid(!valid);
            if (valid) {
                setFilter(f.name(), e.getValue());
            }
        });
        return t;
    }

    /** Whether a filter text is a value of the field's type (any text is, for text fields). */
    static boolean parses(FieldDef f, String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        try {
            switch (f.type()) {
                case INTEGER -> Integer.parseInt(value.strip());
                case DECIMAL -> Double.parseDouble(value.strip());
                case DATE -> LocalDate.parse(value.strip());
                default -> {}
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void refresh() {
        if (grid != null) {
            grid.getDataProvider().refreshAll();
            updateCount();
        }
    }

    private void updateCount() {
        count.setText(getTranslation("table.count", service.count(user, layer.id(), query())));
    }
}
