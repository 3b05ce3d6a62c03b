package cn.yiyang.planning.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.testsupport.Analyses;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Theme;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * A run that hands a result layer's rows early ({@link RunContext.EarlyRows}) on the embedded store, which writes
 * them apart while the run computes: its results are those it returns, and a failed run leaves the layer as it was.
 */
class EarlyRowsTest {

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef unserved = catalogue.get(LayerIds.ACCESS_HOUSEHOLD);
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private TestStores.TestStore store;
    private FeatureRepository features;

    @BeforeEach
    void open() {
        store = TestStores.h2gis();
        features = new JdbcFeatureRepository(store.store());
        var at = LayerGeometry.FACTORY.createPoint(new Coordinate(112.35, 28.55));
        List<Feature> households = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            households.add(Feature.of(Map.of("code", "H" + i, "village_code", "430921100201", "population", i), at));
        }
        features.load(catalogue.get(LayerIds.HOUSEHOLD), LoadMode.REPLACE, households.iterator());
        features.load(unserved, LoadMode.REPLACE, List.of(row("H1", "before")).iterator());
    }

    @AfterEach
    void close() throws Exception {
        worker.shutdownNow();
        store.close();
    }

    @Test
    void rowsHandedEarlyAreWrittenWhileTheRunComputesAndAreItsResults() throws Exception {
        List<Feature> rows = List.of(row("H2", "r"), row("H3", "r"));
        AnalysisRun run = run(context -> {
            context.early().accept(LayerIds.ACCESS_HOUSEHOLD, rows);
            // the store writes them apart before the run ends; readers still see the layer as it was
            awaitFreshRows(2);
            assertThat(features.findByKey(unserved, "H1")).isPresent();
            return rows;
        });

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(features.findByKey(unserved, "H1")).isEmpty();
        assertThat(features.findByKey(unserved, "H3").orElseThrow().get("population"))
                .as("the household's own, through the view")
                .isEqualTo(3);
        assertThat(freshTables()).isZero();
    }

    @Test
    void aRunThatReturnsOtherRowsThanItHandedEarlyStoresThoseItReturns() throws Exception {
        AnalysisRun run = run(context -> {
            context.early().accept(LayerIds.ACCESS_HOUSEHOLD, List.of(row("H2", "early")));
            return List.of(row("H3", "returned"));
        });

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(features.findByKey(unserved, "H2")).isEmpty();
        assertThat(features.findByKey(unserved, "H3").orElseThrow().getString("run_id"))
                .isEqualTo("returned");
        assertThat(freshTables()).isZero();
    }

    @Test
    void aRunThatFailsAfterHandingRowsEarlyLeavesTheLayerAsItWas() throws Exception {
        AnalysisRun run = run(context -> {
            context.early().accept(LayerIds.ACCESS_HOUSEHOLD, List.of(row("H2", "early")));
            throw new IllegalStateException("the computation fails after it handed rows early");
        });

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(features.findByKey(unserved, "H1").orElseThrow().getString("run_id"))
                .isEqualTo("before");
        assertThat(features.findByKey(unserved, "H2")).isEmpty();
        assertThat(freshTables()).as("the staged rows dropped").isZero();
    }

    private AnalysisRun run(Function<RunContext, List<Feature>> compute) throws Exception {
        AnalysisKind kind = new AnalysisKind() {
            @Override
            public String id() {
                return "early-test";
            }

            @Override
            public Theme theme() {
                return Theme.ROADS;
            }

            @Override
            public List<Indicator> indicators() {
                return List.of();
            }

            @Override
            public List<SettingSpec> settings() {
                return List.of();
            }

            @Override
            public List<String> inputLayers() {
                return List.of(LayerIds.HOUSEHOLD);
            }

            @Override
            public List<String> resultLayers() {
                return List.of(LayerIds.ACCESS_HOUSEHOLD);
            }

            @Override
            public RunOutput compute(RunContext context) {
                return new RunOutput(
                        List.of(), Map.of(LayerIds.ACCESS_HOUSEHOLD, compute.apply(context)), Map.of(), List.of());
            }
        };
        AnalysisRunner runner =
                Analyses.runner(store.store(), features, new LayerVersions(features), worker, List.of(kind));
        AnalysisRun queued = runner.startScheduled(kind.id(), Map.of(), "tester");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        AnalysisRun now = runner.get(queued.id());
        while (List.of(RunStatus.QUEUED, RunStatus.RUNNING).contains(now.status()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = runner.get(queued.id());
        }
        return now;
    }

    private void awaitFreshRows(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = store.store().dataSource().getConnection();
                    ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM access_household__fresh")) {
                rs.next();
                if (rs.getLong(1) == n) {
                    return;
                }
            } catch (SQLException notYet) {
                // the table is not there yet
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the early rows were not written apart");
    }

    private long freshTables() throws SQLException {
        try (Connection c = store.store().dataSource().getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE '%__FRESH'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Feature row(String code, String runId) {
        return Feature.of(
                Map.of("code", code, "distance_m", 120.5, "run_id", runId),
                LayerGeometry.FACTORY.createPoint(new Coordinate(112.35, 28.55)));
    }
}
