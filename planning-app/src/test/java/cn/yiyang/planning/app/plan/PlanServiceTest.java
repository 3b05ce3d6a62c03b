package cn.yiyang.planning.app.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.testsupport.Audits;
import cn.yiyang.planning.layers.audit.AuditFilter;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.FeatureWriteRepository;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import cn.yiyang.planning.layers.feature.WriteResult;
import cn.yiyang.planning.layers.plans.PlanTransitionRepository;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureWriteRepository;
import cn.yiyang.planning.layers.store.JdbcPlanTransitionRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The register service on an in-memory H2GIS store holding {@link PlanTestData}: a step that loses the race
 * against another write of the plan, and pages past the end.
 */
class PlanServiceTest {

    private TestStores.TestStore store;
    private FeatureWriteRepository writes;
    private PlanTransitionRepository transitions;
    private PlanService plans;
    /** Set: the next update is preceded by another user's write of the same feature. */
    private boolean race;

    @BeforeEach
    void setUp() {
        store = TestStores.h2gis();
        FeatureRepository features = new JdbcFeatureRepository(store.store());
        LayerCatalogue catalogue = LayerCatalogue.standard();
        PlanTestData.load(features, catalogue);
        writes = new JdbcFeatureWriteRepository(store.store());
        transitions = new JdbcPlanTransitionRepository(store.store());
        LayerVersions versions = new LayerVersions(features);
        plans = new PlanService(
                catalogue,
                features,
                new Racing(),
                versions,
                new PlaceService(features, catalogue, versions),
                transitions,
                Audits.log(store.store()),
                List::of,
                new Overdue(LocalDate.of(2023, 12, 31)),
                PlansViewTest.CLOCK);
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    @Test
    void aStepThatLosesTheRaceIsRefusedAndRecordsNothing() {
        race = true;
        assertThatThrownBy(() ->
                        plans.take(PlansViewTest.PLANNER, PlanTestData.COMPILING, PlanStep.SUBMIT, StepInput.none()))
                .isInstanceOf(PlanChangedException.class)
                .hasFieldOrPropertyWithValue("code", "plan_changed");
        PlanSummary after = plans.get(PlansViewTest.PLANNER, PlanTestData.COMPILING);
        assertThat(after.plan().status())
                .as("the other write's, not the step's")
                .isEqualTo("compiling");
        assertThat(after.plan().version()).isEqualTo(2);
        assertThat(transitions.of(PlanTestData.COMPILING)).isEmpty();
        assertThat(new JdbcAuditRepository(store.store()).find(AuditFilter.all(10)))
                .isEmpty();

        plans.take(PlansViewTest.PLANNER, PlanTestData.COMPILING, PlanStep.SUBMIT, StepInput.none());
        assertThat(plans.get(PlansViewTest.PLANNER, PlanTestData.COMPILING)
                        .plan()
                        .status())
                .isEqualTo("reviewing");
        assertThat(transitions.of(PlanTestData.COMPILING)).hasSize(1);
        assertThat(new JdbcAuditRepository(store.store()).find(AuditFilter.all(10)))
                .as("the step in the audit record")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.user()).isEqualTo(PlansViewTest.PLANNER.name());
                    assertThat(e.action()).isEqualTo("plan-step");
                    assertThat(e.layer()).isEqualTo("village_plan");
                    assertThat(e.feature()).isEqualTo(PlanTestData.COMPILING);
                    assertThat(e.detail()).isEqualTo("submit: compiling → reviewing");
                });
    }

    @Test
    void pagesStopAtTheEnd() {
        PlanPage all = plans.list(PlansViewTest.LEADER, PlanFilter.all(), 0, 2);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.plans()).hasSize(2);
        PlanPage last = plans.list(PlansViewTest.LEADER, PlanFilter.all(), 2, Integer.MAX_VALUE);
        assertThat(last.plans()).extracting(s -> s.plan().code()).containsExactly(PlanTestData.COMPILING);
        assertThat(plans.list(PlansViewTest.LEADER, PlanFilter.all(), 7, 5).plans())
                .isEmpty();
    }

    /** The store's writes, with another user's write of the same feature slipped in before an update when asked. */
    private final class Racing implements FeatureWriteRepository {
        @Override
        public Optional<VersionedFeature> find(LayerDef layer, long id) {
            return writes.find(layer, id);
        }

        @Override
        public VersionedFeature insert(LayerDef layer, Feature feature, String user) {
            return writes.insert(layer, feature, user);
        }

        @Override
        public WriteResult update(LayerDef layer, long id, long expectedVersion, Feature feature, String user) {
            if (race) {
                race = false;
                VersionedFeature current = writes.find(layer, id).orElseThrow();
                writes.update(layer, id, current.version(), current.feature(), "someone-else");
            }
            return writes.update(layer, id, expectedVersion, feature, user);
        }

        @Override
        public WriteResult delete(LayerDef layer, long id, long expectedVersion, String user) {
            return writes.delete(layer, id, expectedVersion, user);
        }
    }
}
