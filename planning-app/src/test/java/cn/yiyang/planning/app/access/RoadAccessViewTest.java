package cn.yiyang.planning.app.access;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.analysis.Findings;
import cn.yiyang.planning.app.analysis.FindingsView;
import cn.yiyang.planning.app.analysis.ThemeAnalysisPanel;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.map.PlanningMap;
import cn.yiyang.planning.app.map.TileService;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.Analyses;
import cn.yiyang.planning.demo.DemoCityGenerator;
import cn.yiyang.planning.demo.DemoDataLoader;
import cn.yiyang.planning.demo.DemoScale;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.tiles.H2gisTileSource;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The road-access dashboard and gap list without a browser (Karibu), over an in-memory H2GIS store holding the small
 * demo city: who may run, a bad threshold refused on its field, a run followed to its end, cards with targets,
 * counties and their townships, groups, and the gap list's filters and map.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoadAccessViewTest {

    private static final AppUser LEADER = new AppUser("leader", EnumSet.of(Role.LEADER));
    private static final AppUser TRANSPORT = new AppUser("transport", EnumSet.of(Role.TRANSPORT));
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStores.TestStore store;
    private FeatureRepository repo;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private RoadAccessService service;
    private AnalysisRunner runner;
    private PlaceService places;

    @BeforeAll
    void load() {
        store = TestStores.h2gis();
        repo = new JdbcFeatureRepository(store.store());
        new DemoDataLoader(repo, catalogue).load(DemoScale.SMALL, DemoCityGenerator.DEFAULT_SEED);
        LayerVersions versions = new LayerVersions(repo);
        places = new PlaceService(repo, catalogue, versions);
        RoadAccessKind kind = new RoadAccessKind(
                repo,
                catalogue,
                new StaticListableBeanFactory().getBeanProvider(ImpassableRoads.class),
                new AccessDefaults(50, 30, 100, 100, 1000, 200, 2000, 1, 100, true),
                new Messages());
        runner = Analyses.runner(store.store(), repo, versions, worker, List.of(kind));
        service = new RoadAccessService(runner, kind, repo, catalogue);
    }

    @AfterAll
    void close() throws Exception {
        worker.shutdownNow();
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
    }

    // The pages' parts, found by their ids as a browser test finds them.

    @SuppressWarnings("unchecked")
    private static Grid<ThemeAnalysisPanel.Row> countyGrid() {
        return _get(Grid.class, s -> s.withId("access-counties"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ThemeAnalysisPanel.Row> townshipGrid() {
        return _get(Grid.class, s -> s.withId("access-townships"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<GapRow> gapGrid() {
        return _get(Grid.class, s -> s.withId("gaps-grid"));
    }

    private static PlanningMap gapMap() {
        return _get(PlanningMap.class, s -> s.withId("gaps-map"));
    }

    @Test
    @Order(1)
    void aLeaderReadsButCannotRun() {
        RoadAccessView view = new RoadAccessView(runner, LEADER);
        UI.getCurrent().add(view);
        assertThat(_get(view, Button.class, s -> s.withId("access-run")).isEnabled())
                .isFalse();
        assertThat(view.getElement().getTextRecursively()).contains("只有交通运输部门和管理员可以运行分析", "尚未运行过分析");
        assertThat(_get(view, NumberField.class, s -> s.withId("access-setting-householdServedM"))
                        .isEnabled())
                .isFalse();
    }

    @Test
    @Order(2)
    void aThresholdOutOfRangeIsRefusedOnItsField() {
        RoadAccessView view = new RoadAccessView(runner, TRANSPORT);
        UI.getCurrent().add(view);
        NumberField served = _get(view, NumberField.class, s -> s.withId("access-setting-householdServedM"));
        served.setValue(-5.0);
        _click(_get(view, Button.class, s -> s.withId("access-run")));
        assertThat(served.isInvalid()).isTrue();
        assertThat(served.getErrorMessage()).isEqualTo("农户通达距离须在 1 至 1000 之间。");
        assertThat(service.recent(5)).isEmpty();
    }

    @Test
    @Order(3)
    void aRunIsFollowedToItsEndAndShowsTheCityCountiesAndTownships() throws Exception {
        RoadAccessView view = new RoadAccessView(runner, TRANSPORT);
        UI.getCurrent().add(view);
        _click(_get(view, Button.class, s -> s.withId("access-run")));
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ThemeAnalysisPanel.POLL_MS);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (service.recent(1).get(0).status() != RunStatus.SUCCEEDED && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        view.refresh();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(_get(view, Span.class, s -> s.withId("access-progress-text")).getText())
                .startsWith("已完成");
        Div card = _get(view, Div.class, s -> s.withId("access-card-township_class3_road_rate"));
        assertThat(card.getElement().getTextRecursively()).contains("乡镇通三级公路比例", "%", "目标 85.0%");
        assertThat(card.getClassNames()).containsAnyOf("access-meets", "access-below");
        assertThat(_get(view, Div.class, s -> s.withId("access-card-rural_access_index"))
                        .getElement()
                        .getTextRecursively())
                .contains("规划未设定数值目标");
        assertThat(GridKt._size(countyGrid())).isEqualTo(8);
        ThemeAnalysisPanel.Row anhua = GridKt._get(countyGrid(), 0).code().equals("430923")
                ? GridKt._get(countyGrid(), 0)
                : countyGrid()
                        .getListDataView()
                        .getItems()
                        .filter(r -> r.code().equals("430923"))
                        .findFirst()
                        .orElseThrow();
        countyGrid().select(anhua);
        assertThat(GridKt._size(townshipGrid())).isPositive();
        assertThat(townshipGrid().getListDataView().getItems())
                .allSatisfy(r -> assertThat(r.code()).startsWith("430923"));
        assertThat(view.getElement().getTextRecursively()).contains("安化县各乡镇", "孤立硬化路段");
    }

    @Test
    @Order(4)
    void groupsSwitchTheValues() {
        RoadAccessView view = new RoadAccessView(runner, LEADER);
        UI.getCurrent().add(view);
        String all = _get(view, Div.class, s -> s.withId("access-card-household_road_access_rate"))
                .getElement()
                .getTextRecursively();
        @SuppressWarnings("unchecked")
        Select<UnitGroup> group = _get(view, Select.class, s -> s.withId("access-group"));
        group.setValue(UnitGroup.KEY_SUPPORT);
        String keySupport = _get(view, Div.class, s -> s.withId("access-card-household_road_access_rate"))
                .getElement()
                .getTextRecursively();
        assertThat(keySupport).isNotEqualTo(all);
        assertThat(GridKt._size(_get(view, Grid.class, s -> s.withId("access-history"))))
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void theDashboardReadsInEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        RoadAccessView view = new RoadAccessView(runner, LEADER);
        UI.getCurrent().add(view);
        assertThat(view.getPageTitle()).isEqualTo("Road access");
        assertThat(_get(view, Div.class, s -> s.withId("access-card-township_class3_road_rate"))
                        .getElement()
                        .getTextRecursively())
                .contains("Townships on a class III road", "Target 85.0%");
        assertThat(view.getElement().getTextRecursively())
                .contains("Only the transport department", "By county")
                .doesNotContain("乡镇通三级公路比例");
    }

    @Test
    @Order(5)
    void theGapListFiltersByCountyAndKindAndZoomsTheMap() {
        AccessGapView view = new AccessGapView(service.gaps(), places, List.of());
        UI.getCurrent().add(view);
        int all = GridKt._size(gapGrid());
        assertThat(all).isPositive();
        assertThat(_get(view, Span.class, s -> s.withId("gaps-count")).getText())
                .startsWith(String.format(Locale.ROOT, "共 %,d 处缺口", all));
        @SuppressWarnings("unchecked")
        Select<String> county = _get(view, Select.class, s -> s.withId("gaps-county"));
        county.setValue("430923");
        int anhua = GridKt._size(gapGrid());
        assertThat(anhua).isPositive().isLessThan(all);
        assertThat(gapGrid().getListDataView().getItems())
                .allSatisfy(f -> assertThat(f.countyCode()).isEqualTo("430923"));
        @SuppressWarnings("unchecked")
        Select<String> kind = _get(view, Select.class, s -> s.withId("gaps-kind"));
        kind.setValue("natural_village");
        assertThat(gapGrid().getListDataView().getItems())
                .allSatisfy(f -> assertThat(f.kind()).isEqualTo("natural_village"));
        county.setValue("");
        kind.setValue("");
        gapGrid().select(GridKt._get(gapGrid(), 0));
        assertThat(gapMap().getLastFit()).isPresent();
        assertThat(GridKt._get(gapGrid(), 0).rank()).isEqualTo(1);
        assertThat(_find(view, Anchor.class))
                .extracting(a -> a.getHref())
                .contains("api/v1/analyses/road-access/gaps.csv", "api/v1/analyses/road-access/gaps.xlsx");
        assertThat(new Messages().get("gaps.heading", Locale.ENGLISH)).isEqualTo("Road access gaps");
    }

    @Test
    @Order(6)
    void aFindingsListFiltersExportsWithItsFiltersAndZoomsTheMap() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        FindingsView view = new FindingsView(
                        runner,
                        new Findings(repo, catalogue),
                        catalogue,
                        places,
                        new TileService(new H2gisTileSource(store.store()), repo, catalogue),
                        new AuthenticationContext())
                .rowCap(1_000); // the small city's 2,000-odd gaps stand for a city's list longer than MAX_ROWS
        UI.getCurrent().add(view);
        assertThat(view.show("household")).as("not a result layer").isFalse();
        assertThat(view.show("access_gap")).isTrue();
        @SuppressWarnings("unchecked")
        Grid<Findings.Row> grid = _get(view, Grid.class, s -> s.withId("findings-grid"));
        int all = new Findings(repo, catalogue)
                .rows("access_gap", Findings.Filter.ALL)
                .size();
        assertThat(all).isGreaterThan(1_000);
        assertThat(GridKt._size(grid)).as("the grid shows the first rows").isEqualTo(1_000);
        assertThat(_get(view, Span.class, s -> s.withId("findings-count")).getText())
                .isEqualTo(String.format(
                        Locale.ROOT, "%,d rows; the first %,d are shown (the exports have all)", all, 1_000));
        @SuppressWarnings("unchecked")
        Select<String> county = _get(view, Select.class, s -> s.withId("findings-county"));
        county.setValue("430923");
        @SuppressWarnings("unchecked")
        Select<String> type = _get(view, Select.class, s -> s.withId("findings-type"));
        type.setValue("natural_village");
        assertThat(GridKt._size(grid)).isPositive().isLessThan(all);
        assertThat(grid.getListDataView().getItems()).allSatisfy(r -> {
            assertThat(r.getString("county_code")).isEqualTo("430923");
            assertThat(r.getString("kind")).isEqualTo("natural_village");
        });
        assertThat(_get(view, Anchor.class, s -> s.withId("findings-csv")).getHref())
                .isEqualTo("api/v1/analyses/road-access/findings/access_gap.csv?county=430923&type=natural_village");
        @SuppressWarnings("unchecked")
        Select<String> township = _get(view, Select.class, s -> s.withId("findings-township"));
        assertThat(township.getListDataView().getItems())
                .allSatisfy(t -> assertThat(t).matches("|430923\\d{3}"));
        grid.select(GridKt._get(grid, 0));
        assertThat(_get(view, PlanningMap.class, s -> s.withId("findings-map")).getLastFit())
                .isPresent();
    }

    @Test
    @Order(7)
    void withoutRouteCodesThePageShowsNoPerRouteTable() {
        RoadAccessView view = new RoadAccessView(runner, service, LEADER);
        UI.getCurrent().add(view);

        assertThat(service.routes(null))
                .as("the demo city's roads carry no route code")
                .isEmpty();
        assertThat(_find(view, Div.class, s -> s.withId("access-routes-card")))
                .as("hidden")
                .isEmpty();
    }
}
