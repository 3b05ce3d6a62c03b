package cn.yiyang.planning.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.demo.DemoScale;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import cn.yiyang.planning.layers.plans.PlanTransition;
import cn.yiyang.planning.layers.plans.PlanTransitionRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcLayerLoadRepository;
import cn.yiyang.planning.layers.store.JdbcPlanTransitionRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the demo city is loaded on start, and when it is not. On the embedded store. */
class DemoDataInitializerTest {

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStore store;
    private FeatureRepository features;
    private LayerLoadRepository loads;
    private PlanTransitionRepository transitions;

    @BeforeEach
    void open() {
        store = TestStores.h2gis();
        features = new JdbcFeatureRepository(store.store());
        loads = new JdbcLayerLoadRepository(store.store());
        transitions = new JdbcPlanTransitionRepository(store.store());
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private DemoDataInitializer initializer(boolean enabled) {
        return new DemoDataInitializer(features, catalogue, loads, transitions, enabled, "small", 7L);
    }

    @Test
    void anEmptyStoreGetsTheDemoCityWithEveryLoadRecordedAsSynthetic() {
        initializer(true).run(null);

        assertThat(features.summary(catalogue.get("village")).featureCount()).isEqualTo(1446);
        assertThat(loads.latestByLayer()).hasSize(catalogue.sourceLayers().size());
        assertThat(loads.latestByLayer().values()).allSatisfy(l -> {
            assertThat(l.synthetic()).isTrue();
            assertThat(l.source()).contains("small", "seed 7");
            assertThat(l.loadedBy()).isEqualTo(DemoDataInitializer.LOADED_BY);
        });
    }

    @Test
    void theDemoPlansGetTheTimelinesOfTheirStages() {
        initializer(true).run(null);

        int checked = 0;
        for (Feature plan : features.page(catalogue.get("village_plan"), FeatureQuery.first(1000))) {
            List<PlanTransition> steps = transitions.of(plan.getString("code"));
            List<String> path = steps.stream().map(PlanTransition::step).toList();
            switch (plan.getString("status")) {
                case "approved" -> {
                    assertThat(path).containsExactly("start", "submit", "approve");
                    assertThat(steps.get(2).documentNumber()).isEqualTo(plan.getString("document_number"));
                    assertThat(steps.get(2).approvedOn()).isEqualTo(plan.get("approved_on"));
                    assertThat(steps.get(2).user()).isEqualTo("approver");
                }
                case "entered" -> assertThat(path).containsExactly("start", "submit", "approve", "enter");
                case "reviewing" -> assertThat(path).containsExactly("start", "submit");
                case "compiling" -> assertThat(path).containsExactly("start");
                default -> assertThat(path).isEmpty();
            }
            assertThat(steps).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
            if (!steps.isEmpty()) {
                assertThat(steps.getLast().toStatus()).isEqualTo(plan.getString("status"));
            }
            checked++;
        }
        assertThat((long) checked)
                .as("every plan of the demo city (one for each rural village)")
                .isEqualTo(features.summary(catalogue.get("village_plan")).featureCount())
                .isGreaterThan(700);
    }

    @Test
    void disabledLoadsNothing() {
        initializer(false).run(null);

        assertThat(features.summary(catalogue.get("county")).featureCount()).isZero();
        assertThat(loads.latestByLayer()).isEmpty();
    }

    @Test
    void aStoreThatHoldsDataIsLeftAlone() {
        features.load(
                catalogue.get("bus_stop"),
                LoadMode.APPEND,
                List.of(Feature.of(Map.of("code", "B1"), null)).iterator());

        initializer(true).run(null);

        assertThat(features.summary(catalogue.get("county")).featureCount()).isZero();
        assertThat(features.summary(catalogue.get("bus_stop")).featureCount()).isEqualTo(1);
    }

    @Test
    void anUnknownScaleIsRefusedWithTheSettingNamed() {
        assertThat(DemoDataInitializer.parseScale(" Full ")).isEqualTo(DemoScale.FULL);
        assertThatThrownBy(() -> DemoDataInitializer.parseScale("huge"))
                .hasMessageContaining("PLANNING_DEMO_SCALE")
                .hasMessageContaining("huge")
                .hasMessageContaining("small");
    }
}
