package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.app.layout.MainLayout;
import cn.yiyang.planning.app.map.MapLayer;
import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.app.map.TileService;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gap list ({@code /roads/gaps}): unserved large natural villages and clusters of unserved households of the
 * latest road-access run, most people per kilometre of road to build first, filtered by county and kind, exported as
 * CSV or Excel, and shown on a map with the unserved households and the roads' network status; a row zooms the map
 * to the gap and the nearest network point.
 */
@Route(value = "roads/gaps", layout = MainLayout.class)
@PermitAll
public class AccessGapView extends Div implements HasDynamicTitle {

    /** The layers on the gap map, those shown first. */
    static final List<String> MAP_LAYERS = List.of(
            LayerIds.COUNTY,
            LayerIds.TOWNSHIP,
            LayerIds.ROAD,
            LayerIds.ACCESS_ROAD,
            LayerIds.ACCESS_HOUSEHOLD,
            LayerIds.ACCESS_GAP);

    static final List<String> SHOWN =
            List.of(LayerIds.COUNTY, LayerIds.ROAD, LayerIds.ACCESS_HOUSEHOLD, LayerIds.ACCESS_GAP);

    private final List<GapRow> all;
    private final PlaceService places;
    private final Grid<GapRow> grid = new Grid<>();
    private final Select<String> county = new Select<>();
    private final Select<String> kind = new Select<>();
    private final PlanningMap map = new PlanningMap();
    private final Span count = new Span();

    @Autowired
    public AccessGapView(RoadAccessService service, PlaceService places, TileService tiles) {
        this(
                service.gaps(),
                places,
                MAP_LAYERS.stream()
                        .map(id -> tiles.mapLayer(tiles.tiledLayer(id), uiLocale(), SHOWN.contains(id)))
                        .toList());
    }

    AccessGapView(List<GapRow> gaps, PlaceService places, List<MapLayer> layers) {
        this.all = gaps;
        this.places = places;
        addClassName("access-gap-view");
        setId("access-gap-view");
        H2 heading = new H2(getTranslation("gaps.heading"));
        Paragraph intro = new Paragraph(getTranslation("gaps.intro"));
        intro.addClassName("access-intro");

        List<String> counties = new ArrayList<>();
        counties.add("");
        places.children(places.city()).forEach(p -> counties.add(p.code()));
        county.setLabel(getTranslation("gaps.county"));
        county.setItems(counties);
        county.setItemLabelGenerator(c -> c.isEmpty()
                ? getTranslation("gaps.all")
                : places.find(c).map(Place::name).orElse(c));
        county.setValue("");
        county.setId("gaps-county");
        kind.setLabel(getTranslation("gaps.kind"));
        List<String> kinds = new ArrayList<>();
        kinds.add("");
        CodeLists.ACCESS_GAP_KIND.codes().forEach(c -> kinds.add(c.value()));
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("gaps.all") : kindLabel(k));
        kind.setValue("");
        kind.setId("gaps-kind");
        county.addValueChangeListener(e -> filter());
        kind.addValueChangeListener(e -> filter());
        Anchor csv = new Anchor("api/v1/analyses/road-access/gaps.csv", getTranslation("gaps.export-csv"));
        csv.getElement().setAttribute("download", true);
        csv.getElement().setAttribute("router-ignore", true);
        csv.setId("gaps-csv");
        Anchor xlsx = new Anchor("api/v1/analyses/road-access/gaps.xlsx", getTranslation("gaps.export-xlsx"));
        xlsx.getElement().setAttribute("download", true);
        xlsx.getElement().setAttribute("router-ignore", true);
        xlsx.setId("gaps-xlsx");
        count.setId("gaps-count");
        Div toolbar = new Div(county, kind, count, csv, xlsx);
        toolbar.addClassName("access-toolbar");

        configureGrid();
        layers.forEach(map::addLayer);
        map.addClassName("gaps-map");
        map.setId("gaps-map");
        map.fitExtent(Place.cityExtent());
        Div body = new Div(grid, map);
        body.addClassName("gaps-body");
        add(heading, intro, toolbar, body);
        filter();
    }

    private static Locale uiLocale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.SIMPLIFIED_CHINESE : ui.getLocale();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("gaps.page-title");
    }

    private String kindLabel(String value) {
        return CodeLists.ACCESS_GAP_KIND
                .byValue(value)
                .map(c -> AttributeFormat.english(getLocale()) ? c.titleEn() : c.titleZh())
                .orElse(value);
    }

    private void configureGrid() {
        grid.addColumn(GapRow::rank)
                .setHeader(getTranslation("gaps.rank"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(f -> kindLabel(f.kind()))
                .setHeader(getTranslation("gaps.kind"))
                .setAutoWidth(true);
        grid.addColumn(GapRow::name).setHeader(getTranslation("gaps.name")).setAutoWidth(true);
        grid.addColumn(f -> name(f.countyCode()))
                .setHeader(getTranslation("gaps.county"))
                .setAutoWidth(true);
        grid.addColumn(f -> name(f.townshipCode()))
                .setHeader(getTranslation("gaps.township"))
                .setAutoWidth(true);
        grid.addColumn(GapRow::households)
                .setHeader(getTranslation("gaps.households"))
                .setAutoWidth(true);
        grid.addColumn(GapRow::population)
                .setHeader(getTranslation("gaps.population"))
                .setAutoWidth(true);
        grid.addColumn(f -> number(f.distanceM(), "%.0f"))
                .setHeader(getTranslation("gaps.distance"))
                .setAutoWidth(true);
        grid.addColumn(f -> f.networkDistanceM() == null
                        ? getTranslation("gaps.no-road-path")
                        : number(f.networkDistanceM(), "%.0f"))
                .setHeader(getTranslation("gaps.network-distance"))
                .setAutoWidth(true);
        grid.addColumn(f -> number(f.roadKm(), "%.2f"))
                .setHeader(getTranslation("gaps.road-km"))
                .setAutoWidth(true);
        grid.addColumn(f -> number(f.peoplePerKm(), "%.0f"))
                .setHeader(getTranslation("gaps.per-km"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId("gaps-grid");
        grid.addClassName("gaps-grid");
        grid.setEmptyStateText(getTranslation("gaps.empty"));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::zoomTo));
    }

    private String name(String code) {
        return code == null ? "" : places.find(code).map(Place::name).orElse(code);
    }

    private static String number(Object v, String format) {
        return v instanceof Number n ? String.format(Locale.ROOT, format, n.doubleValue()) : "";
    }

    private void filter() {
        String c = county.getValue();
        String k = kind.getValue();
        List<GapRow> shown = all.stream()
                .filter(f -> c == null || c.isEmpty() || Objects.equals(c, f.countyCode()))
                .filter(f -> k == null || k.isEmpty() || Objects.equals(k, f.kind()))
                .toList();
        grid.setItems(shown);
        count.setText(getTranslation(
                "gaps.count",
                shown.size(),
                shown.stream().mapToLong(GapRow::population).sum()));
    }

    void zoomTo(GapRow gap) {
        Envelope e = new Envelope(new Coordinate(gap.lon(), gap.lat()));
        if (gap.nearestLon() != null && gap.nearestLat() != null) {
            e.expandToInclude(gap.nearestLon(), gap.nearestLat());
        }
        e.expandBy(0.003);
        map.fitExtent(e, 17);
    }
}
