package cn.yiyang.planning.app.logistics;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
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
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
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
import java.util.ArrayList;
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

/**
 * The 冷链物流 page without a browser (Karibu), over an in-memory H2GIS store holding the small demo city: who may run,
 * a courier distance out of range refused on its field, a run followed to its end with its cards, targets and summary,
 * and the gaps and suggested sites it leaves in the result layers the findings lists read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogisticsViewTest {

    private static final AppUser LEADER = new AppUser("leader", EnumSet.of(Role.LEADER));
    private static final AppUser LOGISTICS = new AppUser("logistics", EnumSet.of(Role.LOGISTICS));
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private TestStores.TestStore store;
    private FeatureRepository repo;
    private AnalysisRunner runner;

    @BeforeAll
    void load() {
        store = TestStores.h2gis();
        repo = new JdbcFeatureRepository(store.store());
        new DemoDataLoader(repo, catalogue).load(DemoScale.SMALL, DemoCityGenerator.DEFAULT_SEED);
        LogisticsKind kind = new LogisticsKind(new AnalysisInputs(repo, catalogue, new Messages()), repo, catalogue);
        runner = Analyses.runner(store.store(), repo, new LayerVersions(repo), worker, List.of(kind));
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

    @Test
    @Order(1)
    void aLeaderReadsButCannotRun() {
        LogisticsView view = new LogisticsView(runner, LEADER);
        UI.getCurrent().add(view);
        assertThat(view.getPageTitle()).isEqualTo("冷链物流");
        assertThat(_get(view, Button.class, s -> s.withId("logistics-run")).isEnabled())
                .isFalse();
        assertThat(view.getElement().getTextRecursively()).contains("只有商务物流部门和管理员可以运行分析", "尚未运行过分析");
        assertThat(_get(view, NumberField.class, s -> s.withId("logistics-setting-courierDistanceM"))
                        .isEnabled())
                .isFalse();
        assertThat(_find(view, Anchor.class))
                .extracting(Anchor::getHref)
                .contains("findings/logistics_gap", "findings/logistics_site");
    }

    @Test
    @Order(2)
    void aCourierDistanceOutOfRangeIsRefusedOnItsField() {
        LogisticsView view = new LogisticsView(runner, LOGISTICS);
        UI.getCurrent().add(view);
        NumberField distance = _get(view, NumberField.class, s -> s.withId("logistics-setting-courierDistanceM"));
        distance.setValue(-1.0);
        _click(_get(view, Button.class, s -> s.withId("logistics-run")));
        assertThat(distance.isInvalid()).isTrue();
        assertThat(distance.getErrorMessage()).contains("快递网点沿路服务距离", "须在 0 至 20000 之间");
        assertThat(runner.recent(LogisticsKind.ID, 5)).isEmpty();
    }

    @Test
    @Order(3)
    void aRunIsFollowedToItsEndAndLeavesItsGapsAndSuggestedSites() throws Exception {
        LogisticsView view = new LogisticsView(runner, LOGISTICS);
        UI.getCurrent().add(view);
        _click(_get(view, Button.class, s -> s.withId("logistics-run")));
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ThemeAnalysisPanel.POLL_MS);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!runner.recent(LogisticsKind.ID, 1).get(0).status().settled() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        AnalysisRun run = runner.recent(LogisticsKind.ID, 1).get(0);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        view.refresh();
        assertThat(_get(view, Span.class, s -> s.withId("logistics-progress-text"))
                        .getText())
                .startsWith("已完成");
        assertThat(_get(view, Div.class, s -> s.withId("logistics-card-village_courier_service_rate"))
                        .getElement()
                        .getTextRecursively())
                .contains("建制村通物流快递比例", "目标 100.0%");
        assertThat(_get(view, Div.class, s -> s.withId("logistics-card-county_warehouse_rate"))
                        .getElement()
                        .getTextRecursively())
                .contains("一县一仓储");
        assertThat(_get(view, Span.class, s -> s.withId("logistics-summary")).getText())
                .startsWith("最近一次分析：冷链节点");

        List<Feature> gaps = rows(LayerIds.LOGISTICS_GAP);
        List<Feature> sites = rows(LayerIds.LOGISTICS_SITE);
        assertThat(gaps).isNotEmpty().allSatisfy(g -> {
            assertThat(g.getString("run_id")).isEqualTo(run.id());
            assertThat(g.getString("kind"))
                    .isIn("county_no_warehouse", "township_no_centre", "village_no_outlet", "village_no_courier");
        });
        assertThat(sites).isNotEmpty().allSatisfy(s -> {
            assertThat(s.getString("purpose")).isIn("township_centre", "village_outlet", "courier_point");
            assertThat((Integer) s.get("households")).isPositive();
            assertThat((Integer) s.get("rank")).isBetween(1, 3);
            assertThat(s.geometry()).isNotNull();
        });
        // every township or village gap that has households and roads gets at least one site, for its own unit
        assertThat(sites)
                .extracting(s -> s.getString("for_code"))
                .isSubsetOf(gaps.stream()
                        .map(g -> g.getString("village_code") != null
                                ? g.getString("village_code")
                                : g.getString("township_code"))
                        .toList());
    }

    @Test
    @Order(4)
    void thePageReadsInEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        LogisticsView view = new LogisticsView(runner, LEADER);
        UI.getCurrent().add(view);
        assertThat(view.getPageTitle()).isEqualTo("Cold chain and courier");
        assertThat(view.getElement().getTextRecursively())
                .contains("Only the logistics department", "Latest run:")
                .doesNotContain("建制村通物流快递比例");
    }

    @Test
    @Order(5)
    void theSuggestedSitesAreListedFilteredAndExported() {
        PlaceService places = new PlaceService(repo, catalogue, new LayerVersions(repo));
        FindingsView view = new FindingsView(
                runner,
                new Findings(repo, catalogue),
                catalogue,
                places,
                new TileService(new H2gisTileSource(store.store()), repo, catalogue),
                new AuthenticationContext());
        UI.getCurrent().add(view);
        assertThat(view.show(LayerIds.LOGISTICS_SITE)).isTrue();
        @SuppressWarnings("unchecked")
        Grid<Findings.Row> grid = _get(view, Grid.class, s -> s.withId("findings-grid"));
        int all = rows(LayerIds.LOGISTICS_SITE).size();
        assertThat(GridKt._size(grid)).isEqualTo(Math.min(all, FindingsView.MAX_ROWS));
        @SuppressWarnings("unchecked")
        Select<String> county = _get(view, Select.class, s -> s.withId("findings-county"));
        county.setValue("430923");
        assertThat(grid.getListDataView().getItems())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getString("county_code")).isEqualTo("430923"));
        assertThat(_get(view, Anchor.class, s -> s.withId("findings-xlsx")).getHref())
                .isEqualTo("api/v1/analyses/cold-chain/findings/logistics_site.xlsx?county=430923");
        grid.select(GridKt._get(grid, 0));
        assertThat(_get(view, PlanningMap.class, s -> s.withId("findings-map")).getLastFit())
                .isPresent();
    }

    private List<Feature> rows(String layer) {
        List<Feature> out = new ArrayList<>();
        repo.forEach(catalogue.get(layer), out::add);
        return out;
    }
}
