package cn.yiyang.planning.app.map;

import cn.yiyang.planning.app.edit.MapEditService;
import cn.yiyang.planning.app.edit.MapEditor;
import cn.yiyang.planning.app.exporting.ExportDialog;
import cn.yiyang.planning.app.exporting.ExportService;
import cn.yiyang.planning.app.place.DrillDown;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceLabels;
import cn.yiyang.planning.app.place.PlaceSearch;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.table.AttributeTable;
import cn.yiyang.planning.app.table.FeatureTableService;
import cn.yiyang.planning.app.table.UnitStatistics;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The map workspace, the app's first page (inside the main layout, which says when the data are
 * synthetic): the map, full height, with a side panel (place search, the drill-down breadcrumb
 * 益阳市 › 县 › 乡镇 › 村, measure tools, the layer tree with base maps, opacity and legends, and what
 * lies under a click) and an attribute table that opens below the map. The user's layer choices are
 * remembered in the browser under the user's name.
 */
@Route("")
@PermitAll
public class MapView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    /** Layers shown when the page opens; the others are one click away. */
    static final Set<String> VISIBLE_BY_DEFAULT =
            Set.of(LayerIds.COUNTY, LayerIds.TOWNSHIP, LayerIds.VILLAGE, LayerIds.ROAD);
    /** The URL of the Tianditu proxy, relative to the app (see {@link BasemapController}). */
    static final String PROXY_URL = "basemap/tianditu";
    /** Zoom to a single feature no deeper than this. */
    static final int FEATURE_MAX_ZOOM = 17;

    private final TileService tiles;
    private final PlaceService places;
    private final FeatureTableService tableService;
    /** The signed-in user, whose counties and fields the table, statistics and tiles show, and who exports. */
    private final AppUser user;

    private final PlanningMap map = new PlanningMap();
    private final Locale locale;
    private final LayerTree tree;
    private final IdentifyPanel identify;
    private final AttributeTable table;
    private final Div tablePanel = new Div();
    private final DrillDown drillDown;
    private final UnitStatistics statistics;
    private final PlaceSearch search;
    private final MeasureTools measure;
    /** The editor, or null in a workspace without one. */
    private final MapEditor editor;
    /** The layer a link asked to show; shown again after the user's remembered choices are restored. */
    private String linkedLayer;
    /** The exports, or null in a workspace without them. */
    private final ExportService exports;
    /** The place the map is drilled down to (the city at first). */
    private Place place;
    /** The map's visible box, as last reported. */
    private Envelope viewExtent;
    /** Stops listening for new layer versions (while attached). */
    private Runnable stopListening;

    /** The workspace without the editor (tests of the workspace alone). */
    public MapView(
            TileService tiles,
            MapSettings settings,
            PlaceService places,
            FeatureTableService tableService,
            AuthenticationContext auth) {
        this(tiles, settings, places, tableService, auth, null, null);
    }

    /**
     * The workspace with the editor beside the map, for the layers the user may write ({@code editing}), and the
     * export of the layers the user may export from the layer tree and the attribute table ({@code exports}); either
     * may be null.
     */
    @Autowired
    public MapView(
            TileService tiles,
            MapSettings settings,
            PlaceService places,
            FeatureTableService tableService,
            AuthenticationContext auth,
            MapEditService editing,
            ExportService exports) {
        this.tiles = tiles;
        this.exports = exports;
        this.places = places;
        this.tableService = tableService;
        this.user = AppUser.of(auth);
        this.locale = getLocale();
        addClassName("map-view");
        setSizeFull();

        if (settings.hasTianditu()) {
            if (settings.tiandituProxy()) {
                map.setTiandituProxy(PROXY_URL);
            } else {
                map.setTianditu(settings.tiandituKey());
            }
        }
        for (LayerDef layer : tiles.tiledLayers()) {
            map.addLayer(tiles.mapLayer(layer, locale, VISIBLE_BY_DEFAULT.contains(layer.id())));
        }
        map.setTexts(texts());
        auth.getPrincipalName().ifPresent(map::setPreferencesKey);
        map.fitExtent(startExtent());
        map.addClassName("map-canvas");
        map.setId("map-canvas");

        tree = new LayerTree(map, tiles.tiledLayers(), locale, settings.hasTianditu(), VISIBLE_BY_DEFAULT);
        identify = new IdentifyPanel(tiles::tiledLayer, locale);
        identify.onPick(this::selectFeature);
        table = new AttributeTable(tableService, locale, user);
        table.onSelect((layer, row) -> {
            zoomToFeature(layer.id(), row.id());
            if (layer.geometry().hasGeometry()) {
                identify.showAttributes(layer.id(), row.values());
            }
        });
        statistics = new UnitStatistics(tableService, locale, user);
        drillDown = new DrillDown(places, this::onPlace);
        search = new PlaceSearch(places, this::goTo);
        measure = new MeasureTools(map, locale);
        editor = editing == null ? null : new MapEditor(map, editing, user, locale);
        if (exports != null) {
            tree.offerExport(l -> exports.mayExport(user, l), this::openExport);
            table.offerExport(l -> exports.mayExport(user, l), this::openExport);
        }

        map.addFeatureClickListener(e -> {
            identify.showHits(e.getHits());
            identify.scrollIntoView(); // the panel ends the side panel, below the layer tree
        });
        map.addLegendListener(e -> tree.showLegends(e.getLegends()));
        map.addPreferencesRestoredListener(e -> {
            if (linkedLayer != null) {
                map.setLayerVisible(linkedLayer, true);
            }
            tree.sync();
        });
        map.addViewChangeListener(e -> {
            viewExtent = e.getExtent();
            table.setViewExtent(e.getExtent());
            refreshVersions();
        });

        tablePanel.addClassName("map-table-panel");
        tablePanel.setId("table-panel");
        tablePanel.add(table);
        tablePanel.setVisible(false);
        Div main = new Div(map, tablePanel);
        main.addClassName("map-main");
        add(sidePanel(), main);
        place = places.city();
        drillDown.show(places.city());
        statistics.show(null, PlaceLabels.name(places.city(), this::getTranslation));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("map.page-title");
    }

    private Div sidePanel() {
        Div panel = new Div();
        panel.addClassName("map-side-panel");
        Button tableButton = new Button(getTranslation("table.open"), e -> toggleTable());
        tableButton.setId("table-toggle");
        tableButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Div tools = new Div(measure, tableButton);
        tools.addClassName("map-tools");
        panel.add(search, drillDown, statistics, tools);
        if (editor != null && editor.isUseful()) {
            panel.add(new H2(getTranslation("edit.heading")), editor);
        }
        panel.add(tree, new H2(getTranslation("map.feature-info")), identify);
        return panel;
    }

    /** Opens or closes the attribute table (on the village layer first, else the layer shown last). */
    void toggleTable() {
        boolean open = !tablePanel.isVisible();
        tablePanel.setVisible(open);
        if (open && table.layer() == null) {
            table.setLayer(
                    map.getSelection().map(PlanningMap.Selection::layerId).orElse(LayerIds.VILLAGE));
        }
    }

    /** Search result: drill down to it, zoom, highlight. */
    void goTo(Place place) {
        drillDown.go(place);
    }

    private void onPlace(Place place) {
        this.place = place;
        Envelope extent = place.extent();
        if (extent != null && !extent.isNull()) {
            map.fitExtent(extent);
        }
        if (place.featureId() != null && place.level().layerId() != null) {
            tree.show(place.level().layerId());
            map.select(place.level().layerId(), place.featureId());
        } else {
            map.clearSelection();
        }
        String scope = place.level() == Place.Level.CITY ? null : place.code();
        table.setScope(scope);
        statistics.show(scope, PlaceLabels.name(place, this::getTranslation));
    }

    /** Opens the export dialog of a layer, offering the unit drilled down to and the map's extent. */
    void openExport(LayerDef layer) {
        boolean unit = place != null && place.level() != Place.Level.CITY;
        new ExportDialog(
                        exports,
                        user,
                        layer,
                        locale,
                        unit ? place.code() : null,
                        unit ? PlaceLabels.name(place, this::getTranslation) : null,
                        viewExtent)
                .open();
    }

    private void selectFeature(String layerId, Long id) {
        if (id != null && map.getLayer(layerId).isPresent()) {
            map.select(layerId, id);
        }
    }

    private void zoomToFeature(String layerId, long id) {
        if (map.getLayer(layerId).isEmpty()) {
            return;
        }
        tableService.extent(user, layerId, id).ifPresent(e -> {
            Envelope padded = new Envelope(e);
            padded.expandBy(0.0005);
            map.fitExtent(padded, FEATURE_MAX_ZOOM);
        });
        tree.show(layerId);
        map.select(layerId, id);
    }

    /**
     * While the view is shown, a layer that gets a new data version (an import, an edit, an analysis,
     * here or in another process) is redrawn at once: the server pushes its new version to the page.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        stopListening = tiles.onNewVersions(ids -> ui.access(this::refreshVersions));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
        super.onDetach(event);
    }

    /** Gives the map the current data version of every layer: an import elsewhere refreshes its tiles. */
    private void refreshVersions() {
        for (MapLayer l : map.getLayers()) {
            map.setLayerVersion(l.id(), tiles.version(l.id()));
        }
    }

    private Map<String, String> texts() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("lonLat", getTranslation("map.coords.lonlat"));
        t.put("zone", getTranslation("map.coords.zone"));
        t.put("easting", getTranslation("map.coords.easting"));
        t.put("northing", getTranslation("map.coords.northing"));
        t.put("length", getTranslation("map.measure.length"));
        t.put("area", getTranslation("map.measure.area-word"));
        t.put("m", getTranslation("unit.m"));
        t.put("km", getTranslation("unit.km"));
        t.put("m2", getTranslation("unit.m2"));
        t.put("mu", getTranslation("unit.mu"));
        t.put("ha", getTranslation("unit.ha"));
        t.put("finishHint", getTranslation("map.measure.finish"));
        return t;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MapLink.parse(event.getLocation().getQueryParameters().getParameters()).ifPresent(this::follow);
    }

    /** Opens the map where a link asks: its extent, its layer shown. */
    void follow(MapLink link) {
        if (link.layer() != null && map.getLayer(link.layer()).isPresent()) {
            linkedLayer = link.layer();
            map.setLayerVisible(linkedLayer, true);
            tree.show(linkedLayer);
        }
        if (link.extent() != null) {
            map.fitExtent(link.extent());
        }
    }

    private Envelope startExtent() {
        return Stream.of(LayerIds.COUNTY, LayerIds.TOWNSHIP, LayerIds.VILLAGE)
                .map(id -> tiles.extent(id, user).orElse(null))
                .filter(e -> e != null && !e.isNull())
                .findFirst()
                .orElse(Place.cityExtent());
    }
}
