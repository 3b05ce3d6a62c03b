package cn.yiyang.planning.app.sewage;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.Analyses;
import cn.yiyang.planning.demo.DemoCityGenerator;
import cn.yiyang.planning.demo.DemoDataLoader;
import cn.yiyang.planning.demo.DemoScale;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
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
 * 污水治理 without a browser (Karibu), over an in-memory H2GIS store holding the small demo city: who may run both
 * analyses, runs followed to their end, the cards of both kinds with their targets, the summary in figures, and the
 * gap list (every untreated village with a mode and its reason) behind the page's links.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SewageViewTest {

    private static final AppUser LEADER = new AppUser("leader", EnumSet.of(Role.LEADER));
    private static final AppUser SEWAGE = new AppUser("sewage", EnumSet.of(Role.SEWAGE));
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
        AnalysisInputs inputs = new AnalysisInputs(repo, catalogue, new Messages());
        runner = Analyses.runner(
                store.store(),
                repo,
                new LayerVersions(repo),
                worker,
                List.of(new SewageKind(inputs, repo, catalogue, new Messages()), new SanitationKind(inputs)));
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
    void aLeaderReadsButRunsNeither() {
        SewageView view = new SewageView(runner, LEADER);
        UI.getCurrent().add(view);
        assertThat(_get(view, Button.class, s -> s.withId("sewage-run")).isEnabled())
                .isFalse();
        assertThat(_get(view, Button.class, s -> s.withId("sanitation-run")).isEnabled())
                .isFalse();
        assertThat(view.getPageTitle()).isEqualTo("污水治理");
    }

    @Test
    @Order(2)
    void theSewageDepartmentRunsBothAndSeesTheirCards() throws Exception {
        SewageView view = new SewageView(runner, SEWAGE);
        UI.getCurrent().add(view);
        _click(_get(view, Button.class, s -> s.withId("sewage-run")));
        _click(_get(view, Button.class, s -> s.withId("sanitation-run")));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while ((runner.latest(SewageKind.ID).isEmpty()
                        || runner.latest(SanitationKind.ID).isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(runner.recent(SewageKind.ID, 1).getFirst().status()).isEqualTo(RunStatus.SUCCEEDED);
        view.refresh();
        assertThat(_get(view, Div.class, s -> s.withId("sewage-card-rural_sewage_treatment_rate"))
                        .getElement()
                        .getTextRecursively())
                .contains("%", "目标 35.0%");
        assertThat(_get(view, Div.class, s -> s.withId("sewage-card-township_sewage_facility_rate"))
                        .getElement()
                        .getTextRecursively())
                .contains("目标 100.0%");
        assertThat(_get(view, Div.class, s -> s.withId("sanitation-card-sanitary_toilet_rate"))
                        .getElement()
                        .getTextRecursively())
                .contains("目标 90.0%");
        assertThat(_get(view, Span.class, s -> s.withId("sewage-summary")).getText())
                .startsWith("运行设施")
                .contains("纳入城镇管网", "村级集中处理", "单户或联户处理");
        assertThat(_find(view, Anchor.class))
                .extracting(Anchor::getHref)
                .contains(
                        "findings/sewage_gap",
                        "findings/sewage_household",
                        "findings/sewage_site",
                        "findings/sanitation_gap");
    }

    @Test
    @Order(3)
    void theGapListGivesEveryUntreatedVillageAModeAndItsReason() {
        List<Feature> villages = new ArrayList<>();
        repo.forEach(catalogue.get(LayerIds.SEWAGE_GAP), f -> {
            if ("village_untreated".equals(f.getString("kind"))) {
                villages.add(f);
            }
        });
        assertThat(villages).isNotEmpty().allSatisfy(r -> {
            String ending = switch (r.getString("mode")) {
                case "connect_town" -> "宜纳入城镇污水管网";
                case "village_central" -> "宜建村级集中处理设施";
                default -> "宜建单户或联户处理设施";
            };
            assertThat(r.getString("mode")).isIn("connect_town", "village_central", "small_units");
            assertThat(r.getString("reason")).endsWith(ending);
        });
    }
}
