package cn.yiyang.planning.app.map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.place.DrillDown;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceSearch;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.table.AttributeTable;
import cn.yiyang.planning.app.table.FeatureTableService;
import cn.yiyang.planning.app.table.TableRow;
import cn.yiyang.planning.app.table.UnitStatistics;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.tiles.TileSource;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKTReader;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The map workspace without a server or browser (Karibu), on an in-memory H2GIS store holding
 * {@link MapTestData}: layer tree, defaults, toggling, identify (one and several features), legends,
 * remembered choices, search, drill-down, attribute table, measure, layer versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapViewTest {

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStores.TestStore store;
    private FeatureRepository repo;
    private TileService tiles;
    /** The layer versions of the view opened last. */
    private LayerVersions viewVersions;

    @BeforeAll
    void store() {
        store = TestStores.h2gis();
        repo = new JdbcFeatureRepository(store.store());
        MapTestData.load(repo, catalogue);
        tiles = new TileService(TileSource.of(store.store()), repo, catalogue);
    }

    @AfterAll
    void dropStore() throws Exception {
        store.close();
    }

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private MapView open(MapSettings settings) {
        LayerVersions versions = new LayerVersions(repo);
        PlaceService places = new PlaceService(repo, catalogue, versions);
        TileService tiles = new TileService(TileSource.of(store.store()), catalogue, versions);
        viewVersions = versions;
        MapView view = new MapView(
                tiles, settings, places, new FeatureTableService(repo, catalogue, places), new AuthenticationContext());
        UI.getCurrent().add(view);
        return view;
    }

    private MapView open() {
        return open(new MapSettings(""));
    }

    // The workspace's parts, found by their ids as a browser test finds them.

    private static PlanningMap map() {
        return _get(PlanningMap.class, s -> s.withId("map-canvas"));
    }

    private static LayerTree tree() {
        return _get(LayerTree.class, s -> s.withId("map-layer-tree"));
    }

    /** The visibility box of a layer in the tree. */
    private static Checkbox layerSwitch(String layerId) {
        return _get(tree(), Checkbox.class, s -> s.withId("layer-" + layerId));
    }

    /** The legend of a layer in the tree (only found while the layer is shown). */
    private static Div legend(String layerId) {
        return _get(tree(), Div.class, s -> s.withId("legend-" + layerId));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<Basemap> basemapChoice() {
        return _get(tree(), RadioButtonGroup.class, s -> s.withId("basemap-choice"));
    }

    private static IdentifyPanel featureInfo() {
        return _get(IdentifyPanel.class, s -> s.withId("map-feature-info"));
    }

    private static Div tablePanel() {
        return _get(Div.class, s -> s.withId("table-panel"));
    }

    private static AttributeTable table() {
        return _get(AttributeTable.class, s -> s.withId("attribute-table"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<TableRow> tableGrid() {
        return _get(Grid.class, s -> s.withId("table-grid"));
    }

    private static UnitStatistics statistics() {
        return _get(UnitStatistics.class, s -> s.withId("unit-stats"));
    }

    private static DrillDown drillDown() {
        return _get(DrillDown.class, s -> s.withId("drill-down"));
    }

    /** The list of the units one level down. */
    @SuppressWarnings("unchecked")
    private static Select<Place> drillNext() {
        return _get(Select.class, s -> s.withId("drill-down-next"));
    }

    private static PlaceSearch search() {
        return _get(PlaceSearch.class, s -> s.withId("place-search"));
    }

    private static MeasureTools measure() {
        return _get(MeasureTools.class, s -> s.withId("map-measure-tools"));
    }

    private static Span measureResult() {
        return _get(Span.class, s -> s.withId("measure-result"));
    }

    @Test
    void theTreeListsEveryLayerWithGeometryByThemeInChinese() {
        MapView view = open();

        List<Checkbox> boxes = _find(tree(), Checkbox.class);
        long withGeometry = catalogue.layers().stream()
                .filter(l -> l.geometry().hasGeometry())
                .count();
        assertThat(boxes).hasSize((int) withGeometry);
        assertThat(_get(view, Checkbox.class, s -> s.withId("layer-county")).getLabel())
                .isEqualTo("县级行政区");
        assertThat(_find(view, Details.class).stream().map(Details::getSummaryText))
                .contains("行政区划", "村庄规划", "道路交通", "供水", "污水处理", "冷链物流", "三区三线");
        assertThat(_find(tree(), Checkbox.class, s -> s.withId("layer-road_inspection")))
                .isEmpty();

        for (String id : List.of("county", "township", "village", "road")) {
            assertThat(layerSwitch(id).getValue()).as(id).isTrue();
            assertThat(map().isLayerVisible(id)).isTrue();
        }
        assertThat(layerSwitch("household").getValue()).isFalse();
        assertThat(map().getLayer("household").orElseThrow().minZoom()).isEqualTo(13);
        assertThat(map().getLayer("road").orElseThrow().tileUrl()).isEqualTo("tiles/road/{z}/{x}/{y}.mvt");
        assertThat(map().getLayer("road").orElseThrow().version()).isEqualTo(repo.version(catalogue.get("road")));
    }

    @Test
    void withoutAKeyThereIsNoBaseMapChoiceAndNoKeyOnThePage() {
        MapView view = open();
        assertThat(view.getPageTitle()).isEqualTo("一张图");
        assertThat(map().getTianditu()).isEmpty();
        assertThat(map().getTiandituProxy()).isEmpty();
        assertThat(_find(tree(), RadioButtonGroup.class, s -> s.withId("basemap-choice")))
                .isEmpty();
    }

    @Test
    void withTheProxyTheKeyStaysOnTheServerAndTheBaseMapsAreOffered() {
        open(new MapSettings("secret-key", true, null, 8));
        // found first: a lookup is a client round trip, which would send the pending JS calls
        PlanningMap map = map();
        RadioButtonGroup<Basemap> choice = basemapChoice();
        assertThat(map.getTianditu()).isEmpty();
        assertThat(map.getElement().getAttribute("tianditu-key")).isNull();
        assertThat(map.getTiandituProxy()).contains("basemap/tianditu");
        dumpJs();
        choice.setValue(Basemap.IMAGERY);
        // Programmatic changes are not the user's: only a client-side change switches the map.
        ComponentUtil.fireEvent(
                choice, new AbstractField.ComponentValueChangeEvent<>(choice, choice, Basemap.VECTOR, true));
        assertThat(map.getBasemap()).isEqualTo(Basemap.IMAGERY);
        assertThat(dumpJs()).anySatisfy(p -> assertThat(p).startsWith("setBasemap", "img"));
    }

    @Test
    void aKeyWithoutTheProxyGoesToTheElement() {
        open(new MapSettings("abc123"));
        assertThat(map().getTianditu()).contains("abc123");
        assertThat(map().getElement().getAttribute("tianditu-key")).isEqualTo("abc123");
    }

    @Test
    void togglingACheckboxOrTheOpacityCallsTheMapComponent() {
        open();
        // found first: a lookup is a client round trip, which would send the pending JS calls
        PlanningMap map = map();
        Checkbox household = layerSwitch("household");
        Checkbox road = layerSwitch("road");
        dumpJs(); // what the attach sent

        household.setValue(true);
        assertThat(map.isLayerVisible("household")).isTrue();
        assertThat(dumpJs()).anySatisfy(params -> assertThat(params).startsWith("setVisible", "household", true));

        road.setValue(false);
        assertThat(map.isLayerVisible("road")).isFalse();
        assertThat(dumpJs()).anySatisfy(params -> assertThat(params).startsWith("setVisible", "road", false));
        // the legend goes with the layer: the user no longer sees it (looked up after dumpJs, see above)
        assertThat(_find(tree(), Div.class, s -> s.withId("legend-road"))).isEmpty();

        map.setLayerOpacity("village", 0.4);
        assertThat(dumpJs()).anySatisfy(params -> assertThat(params).startsWith("setOpacity", "village", 0.4));
    }

    @Test
    void onAttachTheMapGetsItsLayersWordsAndTheCountyExtent() {
        open();
        List<List<Object>> calls = dumpJs();
        assertThat(calls).anySatisfy(p -> {
            assertThat(p.getFirst()).isEqualTo("setLayers");
            assertThat((String) p.get(1))
                    .contains("\"id\":\"county\"")
                    .contains("\"url\":\"tiles/county/{z}/{x}/{y}.mvt\"")
                    .contains("\"version\":\"");
        });
        assertThat(calls).anySatisfy(p -> assertThat(p).startsWith("fitExtent", 112.0, 28.3, 112.6, 28.8));
        assertThat(calls).anySatisfy(p -> {
            assertThat(p.getFirst()).isEqualTo("setTexts");
            assertThat((String) p.get(1)).contains("经纬度", "3度带", "亩", "公顷");
        });
    }

    @Test
    void theLayersCarryWhatTheirCodesMeanFromTheCatalogue() {
        open();
        assertThat(dumpJs()).anySatisfy(p -> {
            assertThat(p.getFirst()).isEqualTo("setLayers");
            assertThat((String) p.get(1))
                    .contains("\"surface\":{\"asphalt\":{\"traits\":[\"hardened\",\"all_season\"]}")
                    .contains("\"gravel\":{\"traits\":[\"all_season\"]},\"earth\":{\"traits\":[]}")
                    .contains("\"tech_grade\":{\"expressway\":{\"rank\":1,\"traits\":[]}")
                    .contains("\"national\":{\"traits\":[\"access_seed\"]}")
                    .contains("\"codes\":{}");
        });
    }

    @Test
    void aFeatureClickShowsItsAttributesWithChineseTitlesAndCodeLabels() {
        open();
        ComponentUtil.fireEvent(
                map(),
                new FeatureClickEvent(
                        map(),
                        true,
                        "road",
                        "{\"id\":7,\"code\":\"C001\",\"name\":\"新建村道\",\"admin_class\":\"village\",\"hardened\":true,\"width\":4.5}",
                        112.3,
                        28.5));
        List<String> texts =
                _find(featureInfo(), Span.class).stream().map(Span::getText).toList();
        assertThat(texts).contains("农村公路", "道路名称", "新建村道", "行政等级", "村道", "是否硬化", "是", "4.5");
        assertThat(_find(featureInfo(), Button.class)).isEmpty(); // one feature: no list
    }

    @Test
    void severalFeaturesUnderTheClickAreListedAndEachCanBePicked() {
        open();
        // found first: a lookup is a client round trip, which would send the pending JS calls
        PlanningMap map = map();
        IdentifyPanel featureInfo = featureInfo();
        String hits = "[{\"layer\":\"township_seat\",\"id\":2,\"properties\":{\"id\":2,\"township_code\":\"430921101\","
                + "\"name\":\"茅草街镇\"}},{\"layer\":\"village\",\"id\":9,\"properties\":{\"id\":9,\"code\":\"430921101209\","
                + "\"name\":\"中心村\",\"key_support\":true}},{\"layer\":\"county\",\"id\":1,\"properties\":{\"id\":1,"
                + "\"code\":\"430921\",\"name\":\"南县\"}}]";
        ComponentUtil.fireEvent(
                map,
                new FeatureClickEvent(
                        map,
                        true,
                        "township_seat",
                        "{\"id\":2,\"township_code\":\"430921101\",\"name\":\"茅草街镇\"}",
                        hits,
                        112.45,
                        28.6));
        List<Button> entries = _find(featureInfo, Button.class);
        assertThat(entries).extracting(Button::getText).containsExactly("乡镇驻地 · 茅草街镇", "行政村（社区） · 中心村", "县级行政区 · 南县");
        assertThat(_find(featureInfo, Span.class).stream().map(Span::getText)).contains("此处有 3 个要素，请选择", "驻地名称");

        dumpJs();
        ButtonKt._click(entries.get(1));
        assertThat(dumpJs()).anySatisfy(p -> assertThat(p).startsWith("select", "village", 9.0));
        assertThat(_find(featureInfo, Span.class).stream().map(Span::getText))
                .contains("行政村（社区）", "村名称", "中心村", "重点帮扶村", "是");
        assertThat(map.getSelection()).contains(new PlanningMap.Selection("village", 9));
    }

    @Test
    void legendsFromTheMapAreShownUnderTheirLayersWithTranslatedLabels() {
        open();
        String png = "data:image/png;base64,iVBORw0KGgo=";
        ComponentUtil.fireEvent(
                map(),
                new LegendEvent(
                        map(),
                        true,
                        "{\"road\":[{\"key\":"
                                + "\"legend.road.hardened-major\",\"image\":\"" + png
                                + "\"},{\"key\":\"legend.road.unhardened\",\"image\":\""
                                + png + "\"}],\"county\":[{\"key\":null,\"image\":\"" + png + "\"}]}"));
        assertThat(_find(legend("road"), Span.class).stream().map(Span::getText))
                .containsExactly("国省道（硬化）", "未硬化道路");
        assertThat(_find(legend("road"), Image.class)).hasSize(2);
        assertThat(_find(legend("county"), Span.class).getFirst().getText()).isEqualTo("县级行政区");
    }

    @Test
    void theUsersRememberedChoicesAreAppliedToTheTreeAndKeyedByUserName() {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("planner", "x", "ROLE_PLANNER"));
        open(new MapSettings("k", true, null, 8));
        assertThat(map().getElement().getAttribute("prefs-key")).isEqualTo("planner");
        ComponentUtil.fireEvent(
                map(),
                new PreferencesRestoredEvent(
                        map(),
                        true,
                        "{\"layers\":{\"road\":{\"visible\":false,\"opacity\":0.5,\"variant\":null},"
                                + "\"household\":{\"visible\":true,\"opacity\":1,\"variant\":\"water\"}},\"basemap\":\"ter\"}"));
        assertThat(layerSwitch("road").getValue()).isFalse();
        assertThat(layerSwitch("household").getValue()).isTrue();
        assertThat(_get(tree(), Input.class, s -> s.withId("opacity-road")).getValue())
                .isEqualTo("50");
        assertThat(map().getLayerVariant("household")).contains("water");
        assertThat(basemapChoice().getValue()).isEqualTo(Basemap.TERRAIN);
    }

    @Test
    void searchingAVillageShowsItsTownshipAndCountyAndLandsOnIt() {
        open();
        // found first: a lookup is a client round trip, which would send the pending JS calls
        PlanningMap map = map();
        DrillDown drillDown = drillDown();
        PlaceSearch search = search();
        PlaceService places = new PlaceService(repo, catalogue, new LayerVersions(repo));
        List<Place> found = places.search("中心", 10);
        assertThat(found).extracting(Place::name).contains("中心村", "中心南村", "中心北村");
        Place centre =
                found.stream().filter(p -> p.name().equals("中心村")).findFirst().orElseThrow();
        assertThat(search.getItemLabelGenerator().apply(centre)).isEqualTo("中心村 · 茅草街镇 · 南县");
        assertThat(places.search("430921101", 50))
                .extracting(Place::level)
                .first()
                .isEqualTo(Place.Level.TOWNSHIP);

        dumpJs();
        search.setValue(centre);
        Envelope e = centre.extent();
        assertThat(map.getLastFit()).contains(e);
        assertThat(map.getSelection()).contains(new PlanningMap.Selection("village", centre.featureId()));
        assertThat(dumpJs()).anySatisfy(p -> assertThat(p).startsWith("fitExtent", e.getMinX(), e.getMinY()));
        assertThat(_find(drillDown, Span.class).stream().map(Span::getText)).contains("中心村");
        assertThat(_find(drillDown, Button.class).stream().map(Button::getText)).containsExactly("益阳市", "南县", "茅草街镇");
    }

    @Test
    void drillingDownZoomsAndFiltersTheAttributeTable() {
        MapView view = open();
        view.toggleTable();
        assertThat(tablePanel().isVisible()).isTrue();
        assertThat(table().layer().id()).isEqualTo("village");
        assertThat(_get(table(), Span.class, s -> s.withId("table-count")).getText())
                .isEqualTo("共 15 条");

        assertThat(_get(statistics(), Span.class, s -> s.withId("unit-stats-village"))
                        .getText())
                .isEqualTo("15");
        var next = drillNext();
        Place county = next.getListDataView().getItems().findFirst().orElseThrow();
        assertThat(county.name()).isEqualTo("南县");
        drillDown().go(county);
        Place township = drillNext()
                .getListDataView()
                .getItems()
                .filter(p -> p.name().equals("茅草街镇"))
                .findFirst()
                .orElseThrow();
        drillDown().go(township);
        assertThat(map().getLastFit()).contains(township.extent());
        assertThat(_get(table(), Span.class, s -> s.withId("table-count")).getText())
                .isEqualTo("共 9 条");
        assertThat(_get(statistics(), H2.class).getText()).isEqualTo("茅草街镇统计");
        assertThat(_get(statistics(), Span.class, s -> s.withId("unit-stats-village"))
                        .getText())
                .isEqualTo("9");

        // Households have a village code: a township filters them by prefix.
        table().setLayer("household");
        assertThat(_get(table(), Span.class, s -> s.withId("table-count")).getText())
                .isEqualTo("共 20 条");
        drillDown()
                .go(drillNext()
                        .getListDataView()
                        .getItems()
                        .filter(p -> p.code().equals("430921101209"))
                        .findFirst()
                        .orElseThrow());
        assertThat(_get(table(), Span.class, s -> s.withId("table-count")).getText())
                .isEqualTo("共 0 条");
        drillDown().go(places().city());
        assertThat(_get(table(), Span.class, s -> s.withId("table-count")).getText())
                .isEqualTo("共 20 条");
    }

    private PlaceService places() {
        return new PlaceService(repo, catalogue, new LayerVersions(repo));
    }

    @Test
    void theAttributeTableFiltersByColumnAndByExtentAndARowZoomsToItsFeature() {
        MapView view = open();
        view.toggleTable();
        // found first: a lookup is a client round trip, which would send the pending JS calls
        PlanningMap map = map();
        AttributeTable table = table();
        table.setFilter("name", "中心");
        assertThat(_get(table, Span.class, s -> s.withId("table-count")).getText())
                .isEqualTo("共 3 条");
        table.setFilter("key_support", "true");
        assertThat(_get(table, Span.class, s -> s.withId("table-count")).getText())
                .isEqualTo("共 1 条");

        var grid = tableGrid();
        var row = grid.getLazyDataView().getItems().findFirst().orElseThrow();
        assertThat(row.get("name")).isEqualTo("中心村");
        dumpJs();
        grid.select(row);
        assertThat(map.getSelection()).contains(new PlanningMap.Selection("village", row.id()));
        assertThat(map.getLastFit().orElseThrow().contains(new Envelope(112.25, 112.35, 28.484, 28.616)))
                .isTrue();
        assertThat(dumpJs())
                .anySatisfy(p -> assertThat(p).startsWith("fitExtent").contains(17));

        table.setFilter("key_support", "");
        table.setFilter("name", "");
        _get(table, Checkbox.class, s -> s.withId("table-in-extent")).setValue(true);
        ComponentUtil.fireEvent(map, new ViewChangeEvent(map, true, 112.1, 28.4, 12, 112.0, 28.3, 112.149, 28.49));
        // The box meets the villages of the first column (minx 112.05) and the second (112.15 is outside).
        assertThat(_get(table, Span.class, s -> s.withId("table-count")).getText())
                .isEqualTo("共 2 条");
    }

    @Test
    void measuringShowsMetresKilometresAndAreasInMuAndHectares() {
        MapView view = open();
        // found first: a lookup is a client round trip, which would send the pending JS calls
        PlanningMap map = map();
        MeasureTools measure = measure();
        Span measureResult = measureResult();
        measure.describe(MeasureKind.LENGTH, 12.34);
        assertThat(measure.describe(MeasureKind.LENGTH, 12.34)).isEqualTo("长度：12.3 米");
        ComponentUtil.fireEvent(map, new MeasureEvent(map, true, "length", 1234.6, true));
        assertThat(measureResult.getText()).isEqualTo("长度：1.235 千米");
        ComponentUtil.fireEvent(map, new MeasureEvent(map, true, "area", 20_000, true));
        assertThat(measureResult.getText()).isEqualTo("面积：20,000 平方米 · 30.00 亩 · 2.0000 公顷");
        dumpJs();
        ButtonKt._click(_get(view, Button.class, s -> s.withId("measure-area")));
        assertThat(dumpJs()).anySatisfy(p -> assertThat(p).startsWith("startMeasure", "area"));
    }

    @Test
    void aNewLoadGivesTheLayerANewVersionWhichTheMapGetsOnItsNextMove() {
        open();
        // found first: a lookup is a client round trip, which would send the pending JS calls
        PlanningMap map = map();
        long before = map.getLayer("township_seat").orElseThrow().version();
        MapTestData.load(repo, catalogue);
        viewVersions.changed("township_seat");
        dumpJs();
        ComponentUtil.fireEvent(map, new ViewChangeEvent(map, true, 112.3, 28.5, 10, 112, 28.3, 112.6, 28.8));
        long after = map.getLayer("township_seat").orElseThrow().version();
        assertThat(after).isNotEqualTo(before).isEqualTo(repo.version(catalogue.get("township_seat")));
        assertThat(dumpJs())
                .anySatisfy(p -> assertThat(p).startsWith("setLayerVersion", "township_seat", Long.toString(after)));
    }

    @Test
    void aNewLoadReachesAnOpenMapWithoutAMoveAndOnlyForTheLayerThatChanged() {
        open();
        // found first: a lookup is a client round trip, which would send the pending JS calls
        PlanningMap map = map();
        long seats = map.getLayer("township_seat").orElseThrow().version();
        long roads = map.getLayer("road").orElseThrow().version();
        MapTestData.loadTownshipSeats(repo, catalogue); // as another process would: nobody tells the app
        dumpJs();

        assertThat(viewVersions.changed()).contains("township_seat").doesNotContain("road"); // the periodic check
        runPushedTasks();

        long after = map.getLayer("township_seat").orElseThrow().version();
        assertThat(after).isNotEqualTo(seats).isEqualTo(repo.version(catalogue.get("township_seat")));
        assertThat(map.getLayer("road").orElseThrow().version()).isEqualTo(roads);
        assertThat(dumpJs())
                .anySatisfy(p -> assertThat(p).startsWith("setLayerVersion", "township_seat", Long.toString(after)))
                .noneSatisfy(p -> assertThat(p).startsWith("setLayerVersion", "road"));
    }

    @Test
    void aClosedMapNoLongerListensForNewVersions() {
        MapView view = open();
        PlanningMap map = map(); // found while the view is open
        long seats = map.getLayer("township_seat").orElseThrow().version();
        UI.getCurrent().remove(view);
        MapTestData.loadTownshipSeats(repo, catalogue);

        assertThat(viewVersions.changed()).contains("township_seat");
        runPushedTasks();

        assertThat(map.getLayer("township_seat").orElseThrow().version()).isEqualTo(seats);
    }

    @Test
    void aLinkOpensTheMapOnItsExtentWithItsLayerShown() {
        MapView view = open();
        assertThat(map().isLayerVisible("household")).isFalse();
        Envelope imported = new Envelope(112.1, 112.2, 28.4, 28.5);

        view.follow(MapLink.parse(Map.of("extent", List.of("112.1,28.4,112.2,28.5"), "layer", List.of("household")))
                .orElseThrow());

        assertThat(map().isLayerVisible("household")).isTrue();
        assertThat(layerSwitch("household").getValue()).isTrue();
        assertThat(map().getLastFit()).contains(imported);
    }

    @Test
    void anOverlayIsSentAsGeoJsonWithRejectedFeaturesMarked() throws Exception {
        open();
        // found first: a lookup is a client round trip, which would send the pending JS calls
        PlanningMap map = map();
        dumpJs();
        var wkt = new WKTReader();
        map.setOverlay(List.of(
                new OverlayFeature(wkt.read("POINT (112.1 28.4)"), false),
                new OverlayFeature(wkt.read("POINT (112.2 28.5)"), true)));

        assertThat(map.getOverlayCount()).isEqualTo(2);
        assertThat(dumpJs()).anySatisfy(p -> {
            assertThat(p.get(0)).isEqualTo("setOverlay");
            assertThat((String) p.get(1)).contains("\"FeatureCollection\"", "[112.1,28.4]", "\"rejected\":true");
        });
        map.setOverlay(List.of());
        assertThat(dumpJs()).anySatisfy(p -> assertThat(p).containsExactly("setOverlay", "", p.get(2)));
    }

    /** The parameters of the pending JavaScript calls of the map element, oldest first; clears them. */
    /** Runs what other threads handed to the UI with {@code UI.access} (as the session's next unlock does). */
    private static void runPushedTasks() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
    }

    private static List<List<Object>> dumpJs() {
        // Run the beforeClientResponse hooks that queue executeJs calls, as writing a response does.
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<PendingJavaScriptInvocation> pending =
                UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                        .filter(p -> p.getInvocation().getExpression().contains("whenDefined('planning-map')"))
                        .toList();
        // Parameters: the method name ($0), its arguments, then the element itself (Vaadin adds it last).
        pending.forEach(p -> assertThat(p.getInvocation().getExpression())
                .contains("this[$0]("
                        + IntStream.range(1, p.getInvocation().getParameters().size() - 1)
                                .mapToObj(i -> "$" + i)
                                .collect(Collectors.joining(", "))
                        + ")"));
        return pending.stream()
                .map(p -> List.<Object>copyOf(p.getInvocation().getParameters()))
                .filter(params -> !params.isEmpty() && params.getFirst() instanceof String)
                .toList();
    }
}
