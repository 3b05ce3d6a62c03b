package cn.yiyang.planning.app.water;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.analysis.ThemeAnalysisPanel;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.Analyses;
import cn.yiyang.planning.demo.DemoCityGenerator;
import cn.yiyang.planning.demo.DemoDataLoader;
import cn.yiyang.planning.demo.DemoScale;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.audit.AuditFilter;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * 供水保障 ({@code /water}) without a browser (Karibu), over an in-memory H2GIS store holding the small demo city: who
 * may run, a distance out of range refused on its field, a run followed to its end with its cards, counties, summary
 * and links to the lists, and the result layers the run stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaterViewTest {

    private static final AppUser LEADER = new AppUser("leader", EnumSet.of(Role.LEADER));
    private static final AppUser WATER = new AppUser("water", EnumSet.of(Role.WATER));
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStores.TestStore store;
    private FeatureRepository repo;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private AnalysisRunner runner;

    @BeforeAll
    void load() {
        store = TestStores.h2gis();
        repo = new JdbcFeatureRepository(store.store());
        new DemoDataLoader(repo, catalogue).load(DemoScale.SMALL, DemoCityGenerator.DEFAULT_SEED);
        Messages messages = new Messages();
        WaterSupplyKind kind =
                new WaterSupplyKind(repo, catalogue, new AnalysisInputs(repo, catalogue, messages), messages);
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

    private List<AnalysisRun> runs() {
        return runner.recent(WaterSupplyKind.ID, 5);
    }

    @Test
    @Order(1)
    void aLeaderReadsButCannotRun() {
        WaterView view = new WaterView(runner, LEADER);
        UI.getCurrent().add(view);
        assertThat(_get(view, Button.class, s -> s.withId("water-run")).isEnabled())
                .isFalse();
        assertThat(view.getElement().getTextRecursively()).contains("只有水利部门和管理员可以运行分析", "供水保障");
        assertThat(_get(view, NumberField.class, s -> s.withId("water-setting-mainDistanceM"))
                        .isEnabled())
                .isFalse();
    }

    @Test
    @Order(2)
    void aDistanceOutOfRangeIsRefusedOnItsField() {
        WaterView view = new WaterView(runner, WATER);
        UI.getCurrent().add(view);
        NumberField distance = _get(view, NumberField.class, s -> s.withId("water-setting-mainDistanceM"));
        assertThat(distance.getValue()).isEqualTo(100.0);
        distance.setValue(5_000.0);
        _click(_get(view, Button.class, s -> s.withId("water-run")));
        assertThat(distance.isInvalid()).isTrue();
        assertThat(distance.getErrorMessage()).isEqualTo("距供水管网不超过须在 1 至 2000 之间。");
        assertThat(runs()).isEmpty();
        assertThat(new JdbcAuditRepository(store.store()).find(AuditFilter.all(10)))
                .as("a refused run is not recorded")
                .isEmpty();
    }

    @Test
    @Order(3)
    void aRunIsFollowedToItsEndAndStoresItsLists() throws Exception {
        WaterView view = new WaterView(runner, WATER);
        UI.getCurrent().add(view);
        _click(_get(view, Button.class, s -> s.withId("water-run")));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while ((runs().isEmpty() || !runs().getFirst().status().settled()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(runs().getFirst().status()).isEqualTo(RunStatus.SUCCEEDED);
        view.refresh();
        assertThat(new JdbcAuditRepository(store.store()).find(AuditFilter.all(10)))
                .as("the run in the audit record")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.user()).isEqualTo(WATER.name());
                    assertThat(e.action()).isEqualTo("analysis-run");
                    assertThat(e.feature()).isEqualTo(runs().getFirst().id());
                    assertThat(e.detail()).startsWith("water-supply {");
                });
        Div poverty = _get(view, Div.class, s -> s.withId("water-card-poverty_household_water_supply_rate"));
        assertThat(poverty.getElement().getTextRecursively()).contains("%", "目标 100.0%");
        assertThat(_get(view, Div.class, s -> s.withId("water-card-water_quality_test_overdue_count")))
                .isNotNull();
        @SuppressWarnings("unchecked")
        Grid<ThemeAnalysisPanel.Row> counties = _get(view, Grid.class, s -> s.withId("water-counties"));
        assertThat(GridKt._size(counties)).isEqualTo(8);
        Map<String, Long> figures = WaterView.figures(runs().getFirst());
        assertThat(_get(view, Span.class, s -> s.withId("water-summary")).getText())
                .startsWith(String.format(
                        Locale.ROOT, "%,d 户，集中供水覆盖 %,d 户", figures.get("households"), figures.get("householdsServed")));
        assertThat(_find(view, Anchor.class))
                .extracting(Anchor::getHref)
                .contains("findings/water_duty", "findings/water_household", "findings/water_site");
        assertThat(rows(LayerIds.WATER_HOUSEHOLD))
                .hasSize((int) (figures.get("households") - figures.get("householdsServed")));
        List<Feature> duties = rows(LayerIds.WATER_DUTY);
        assertThat(duties).hasSize(figures.get("duties").intValue());
        assertThat(duties)
                .allSatisfy(d -> assertThat(d.getString("severity")).isIn("high", "medium"))
                .allSatisfy(d -> assertThat(d.getString("detail")).isNotBlank())
                .allSatisfy(d -> assertThat(d.getString("run_id"))
                        .isEqualTo(runs().getFirst().id()));
        assertThat(rows(LayerIds.WATER_SITE))
                .hasSize(figures.get("suggestedSites").intValue());
    }

    @Test
    @Order(4)
    void thePageReadsInEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        WaterView view = new WaterView(runner, LEADER);
        UI.getCurrent().add(view);
        assertThat(view.getPageTitle()).isEqualTo("Water supply");
        assertThat(view.getElement().getTextRecursively())
                .contains("Only the water department", "Duty list", "Safe drinking water")
                .doesNotContain("脱贫人口");
    }

    private List<Feature> rows(String layer) {
        List<Feature> out = new ArrayList<>();
        repo.forEach(catalogue.get(layer), out::add);
        return out;
    }
}
