package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.app.layout.MainLayout;
import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.app.map.TileService;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.layers.catalogue.Code;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * A list of an analysis's findings ({@code /findings/<layer>}: a result layer of the latest run — duties, gaps,
 * uncovered households, suggested sites), filtered by county, township, village group, severity and kind as the layer
 * allows, exported as CSV or Excel with the same filters, beside a map of the kind's result layers; a row zooms the map
 * to it. Columns are the layer's fields as the catalogue labels them, codes decoded, unit codes as names.
 */
@Route(value = "findings/:layer", layout = MainLayout.class)
@PermitAll
public class FindingsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** Fields not shown as columns: the run id, and codes shown as names or used as filters. */
    private static final Set<String> HIDDEN =
            Set.of("run_id", "county_code", "township_code", "key_support", "demonstration");
    /** At most this many rows in the grid (exports have all). */
    public static final int MAX_ROWS = 5_000;

    private final AnalysisRunner runner;
    private final Findings findings;
    private final LayerCatalogue catalogue;
    private final PlaceService places;
    private final TileService tiles;
    /** Whose findings: those of the user's counties. */
    private final AppUser user;

    private LayerDef layer;
    private AnalysisKind kind;
    private final Grid<Findings.Row> grid = new Grid<>();
    private final Select<String> county = new Select<>();
    private final Select<String> township = new Select<>();
    private final Select<UnitGroup> group = new Select<>();
    private final Select<String> severity = new Select<>();
    private final Select<String> type = new Select<>();
    private final Span count = new Span();
    private final Anchor csv = new Anchor();
    private final Anchor xlsx = new Anchor();
    private final PlanningMap map = new PlanningMap();
    private int rowCap = MAX_ROWS;

    /** The page of the signed-in user: the findings of its counties. */
    public FindingsView(
            AnalysisRunner runner,
            Findings findings,
            LayerCatalogue catalogue,
            PlaceService places,
            TileService tiles,
            AuthenticationContext auth) {
        this.user = AppUser.of(auth);
        this.runner = runner;
        this.findings = findings;
        this.catalogue = catalogue;
        this.places = places;
        this.tiles = tiles;
        addClassName("access-gap-view");
        setId("findings-view");
    }

    /**
     * Shows at most {@code cap} rows instead of {@link #MAX_ROWS} (a list of a small city shows the cap with fewer
     * rows).
     *
     * @param cap the most rows the grid shows
     * @return this view
     */
    public FindingsView rowCap(int cap) {
        this.rowCap = cap;
        return this;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("layer").orElse("");
        if (!show(id)) {
            event.rerouteToError(NotFoundException.class, getTranslation("findings.unknown", id));
        }
    }

    /**
     * Shows the list of a result layer.
     *
     * @param id the layer
     * @return false when no kind of analysis writes it
     */
    public boolean show(String id) {
        Optional<AnalysisKind> owner = runner.kinds().stream()
                .filter(k -> k.resultLayers().contains(id))
                .findFirst();
        if (owner.isEmpty()) {
            return false;
        }
        kind = owner.get();
        layer = catalogue.get(id);
        removeAll();
        build();
        return true;
    }

    @Override
    public String getPageTitle() {
        return layer == null ? getTranslation("findings.page-title") : AttributeFormat.title(layer, getLocale());
    }

    private void build() {
        H2 heading = new H2(AttributeFormat.title(layer, getLocale()));
        Paragraph intro = new Paragraph(keyed("findings.intro.", layer.id()));
        intro.addClassName("access-intro");
        Div toolbar = new Div();
        toolbar.addClassName("access-toolbar");

        county.setLabel(getTranslation("findings.county"));
        List<String> counties = new ArrayList<>(List.of(""));
        places.children(places.city()).forEach(p -> counties.add(p.code()));
        county.setItems(counties);
        county.setItemLabelGenerator(this::placeLabel);
        county.setValue("");
        county.setId("findings-county");
        county.addValueChangeListener(e -> {
            List<String> ts = new ArrayList<>(List.of(""));
            if (e.getValue() != null && !e.getValue().isEmpty()) {
                places.find(e.getValue()).ifPresent(c -> places.children(c).forEach(t -> ts.add(t.code())));
            }
            township.setItems(ts);
            township.setValue("");
            filter();
        });
        township.setLabel(getTranslation("findings.township"));
        township.setItems(List.of(""));
        township.setItemLabelGenerator(this::placeLabel);
        township.setValue("");
        township.setId("findings-township");
        township.addValueChangeListener(e -> filter());
        toolbar.add(county, township);
        if (Findings.hasGroups(layer)) {
            group.setLabel(getTranslation("analysis.group"));
            group.setItems(UnitGroup.values());
            group.setItemLabelGenerator(g -> keyed("analysis.group.", g.id()));
            group.setValue(UnitGroup.ALL);
            group.setId("findings-group");
            group.addValueChangeListener(e -> filter());
            toolbar.add(group);
        }
        layer.field(Findings.SEVERITY).ifPresent(f -> toolbar.add(codeFilter(severity, f, "findings-severity")));
        Findings.kindField(layer).ifPresent(f -> toolbar.add(codeFilter(type, f, "findings-type")));
        count.setId("findings-count");
        for (Anchor a : List.of(csv, xlsx)) {
            a.getElement().setAttribute("download", true);
            a.getElement().setAttribute("router-ignore", true);
        }
        csv.setText(getTranslation("findings.export-csv"));
        csv.setId("findings-csv");
        xlsx.setText(getTranslation("findings.export-xlsx"));
        xlsx.setId("findings-xlsx");
        toolbar.add(count, csv, xlsx);

        configureGrid();
        List<String> mapLayers = new ArrayList<>(List.of(LayerIds.COUNTY, LayerIds.TOWNSHIP, LayerIds.VILLAGE));
        mapLayers.addAll(kind.resultLayers());
        for (String id : mapLayers) {
            boolean visible = id.equals(layer.id()) || id.equals(LayerIds.COUNTY);
            map.addLayer(tiles.mapLayer(tiles.tiledLayer(id), getLocale(), visible));
        }
        map.addClassName("gaps-map");
        map.setId("findings-map");
        map.fitExtent(Place.cityExtent());
        Div body = new Div(grid, map);
        body.addClassName("gaps-body");
        add(heading, intro, toolbar, body);
        filter();
    }

    private Select<String> codeFilter(Select<String> select, FieldDef field, String id) {
        select.setLabel(AttributeFormat.label(field, getLocale()));
        List<String> values = new ArrayList<>(List.of(""));
        field.codeList().codes().forEach(c -> values.add(c.value()));
        select.setItems(values);
        select.setItemLabelGenerator(v -> v.isEmpty()
                ? getTranslation("findings.all")
                : field.codeList().byValue(v).map(c -> title(c)).orElse(v));
        select.setValue("");
        select.setId(id);
        select.addValueChangeListener(e -> filter());
        return select;
    }

    private String title(Code c) {
        return AttributeFormat.english(getLocale()) ? c.titleEn() : c.titleZh();
    }

    private String placeLabel(String code) {
        return code == null || code.isEmpty()
                ? getTranslation("findings.all")
                : places.find(code).map(Place::name).orElse(code);
    }

    private void configureGrid() {
        for (FieldDef f : layer.fields()) {
            if (HIDDEN.contains(f.name())) {
                continue;
            }
            grid.addColumn(row -> AttributeFormat.display(f, row.get(f.name()), getLocale(), "", ""))
                    .setHeader(AttributeFormat.label(f, getLocale()))
                    .setAutoWidth(true)
                    .setResizable(true);
        }
        grid.addColumn(row -> name(row.getString("county_code")))
                .setHeader(getTranslation("findings.county"))
                .setAutoWidth(true);
        grid.addColumn(row -> name(row.getString("township_code")))
                .setHeader(getTranslation("findings.township"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId("findings-grid");
        grid.addClassName("gaps-grid");
        grid.setEmptyStateText(getTranslation("findings.empty"));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::zoomTo));
    }

    private String name(String code) {
        return code == null ? "" : places.find(code).map(Place::name).orElse(code);
    }

    private Findings.Filter currentFilter() {
        return new Findings.Filter(
                county.getValue(),
                township.getValue(),
                Findings.hasGroups(layer) ? group.getValue() : null,
                severity.getValue(),
                type.getValue());
    }

    private void filter() {
        Findings.Filter f = currentFilter();
        List<Findings.Row> rows = findings.list(user, layer.id(), f);
        grid.setItems(rows.size() > rowCap ? rows.subList(0, rowCap) : rows);
        count.setText(
                rows.size() > rowCap
                        ? getTranslation("findings.count-capped", rows.size(), rowCap)
                        : getTranslation("findings.count", rows.size()));
        String query = query(f);
        String base = "api/v1/analyses/" + kind.id() + "/findings/" + layer.id();
        csv.setHref(base + ".csv" + query);
        xlsx.setHref(base + ".xlsx" + query);
    }

    private static String query(Findings.Filter f) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("county", f.county());
        q.put("township", f.township());
        q.put(
                "group",
                f.group() == null || f.group() == UnitGroup.ALL
                        ? null
                        : f.group().id());
        q.put("severity", f.severity());
        q.put("type", f.kind());
        StringBuilder sb = new StringBuilder();
        q.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                sb.append(sb.isEmpty() ? '?' : '&')
                        .append(k)
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }

    void zoomTo(Findings.Row row) {
        if (row.extent() == null) {
            return;
        }
        Envelope e = new Envelope(row.extent());
        e.expandBy(0.003);
        map.fitExtent(e, 17);
    }

    /** The text of a key made of a prefix and an id ({@code analysis.group.} + {@code all} …). */
    private String keyed(String prefix, String id) {
        return getTranslation(prefix + id);
    }
}
