package cn.yiyang.planning.app.sewage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.testsupport.Analyses;
import cn.yiyang.planning.demo.DemoCityGenerator;
import cn.yiyang.planning.demo.DemoDataLoader;
import cn.yiyang.planning.demo.DemoScale;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.facility.FacilityIndicator;
import cn.yiyang.planning.geo.facility.SewageAnalysis;
import cn.yiyang.planning.geo.facility.SewageResult;
import cn.yiyang.planning.geo.facility.SewageResult.FacilityLoad;
import cn.yiyang.planning.geo.facility.SewageResult.TownshipCoverage;
import cn.yiyang.planning.geo.facility.SewageResult.VillageTreatment;
import cn.yiyang.planning.geo.facility.SewageSettings;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sewage and sanitation coverage counts of the (small) demo city computed twice: by whole runs of the two kinds
 * (read, compute, store) and independently by PostGIS SQL ({@link PostgisSewageSql}); the counts must be identical,
 * per village, township and facility as well as for the city. The same runs on the embedded H2GIS store must store the
 * same indicators and result rows.
 */
class SewageCrossCheckIT {

    private static final LayerCatalogue CATALOGUE = LayerCatalogue.standard();
    private static TestStore postgis;
    private static TestStore h2gis;
    private static SewageResult onPostgis;
    private static PostgisSewageSql sql;
    private static final Map<TestStore, AnalysisRunner> RUNNERS = new HashMap<>();
    private static final Map<TestStore, String[]> RUNS = new HashMap<>();
    private static ExecutorService worker;

    @BeforeAll
    static void load() throws Exception {
        postgis = TestStores.postgis();
        h2gis = TestStores.h2gis();
        worker = Executors.newSingleThreadExecutor();
        for (TestStore db : List.of(postgis, h2gis)) {
            db.store().migrate();
            JdbcFeatureRepository repo = new JdbcFeatureRepository(db.store());
            new DemoDataLoader(repo, CATALOGUE).load(DemoScale.SMALL, DemoCityGenerator.DEFAULT_SEED);
            AnalysisInputs inputs = new AnalysisInputs(repo, CATALOGUE, new Messages());
            AnalysisRunner runner = Analyses.runner(
                    db.store(),
                    repo,
                    new LayerVersions(repo),
                    worker,
                    List.of(new SewageKind(inputs, repo, CATALOGUE, new Messages()), new SanitationKind(inputs)));
            RUNNERS.put(db, runner);
            RUNS.put(db, new String[] {
                await(runner, runner.startScheduled(SewageKind.ID, null, "test")),
                await(runner, runner.startScheduled(SanitationKind.ID, null, "test"))
            });
        }
        onPostgis = analyse(postgis);
        sql = postgis.store().withConnection(PostgisSewageSql::run);
    }

    @AfterAll
    static void drop() throws Exception {
        worker.shutdownNow();
        postgis.close();
        h2gis.close();
    }

    private static String await(AnalysisRunner runner, AnalysisRun queued) throws InterruptedException {
        AnalysisRun run = queued;
        for (int i = 0; i < 1200 && !run.status().settled(); i++) {
            Thread.sleep(100);
            run = runner.get(queued.id());
        }
        assertThat(run.status()).as("run %s", run.kind()).isEqualTo(RunStatus.SUCCEEDED);
        return run.id();
    }

    private static SewageResult analyse(TestStore db) {
        JdbcFeatureRepository repo = new JdbcFeatureRepository(db.store());
        AnalysisInputs inputs = new AnalysisInputs(repo, CATALOGUE, new Messages());
        SewageInputReader.Read read = new SewageInputReader(repo, CATALOGUE).read(inputs.units(), inputs.households());
        return new SewageAnalysis(SewageSettings.defaults()).run(read.input());
    }

    private static long[] stored(TestStore db, String kind, FacilityIndicator indicator) {
        IndicatorValue v = RUNNERS.get(db)
                .indicators(kind, null, UnitLevel.CITY, "430900", UnitGroup.ALL, indicator)
                .getFirst();
        return new long[] {v.numerator(), v.denominator()};
    }

    @Test
    void theDemoCityHasSomethingToFind() {
        UnitIndicator rate = onPostgis
                .indicator(FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE, UnitLevel.CITY, "430900", UnitGroup.ALL)
                .orElseThrow();
        assertThat(rate.denominator()).isGreaterThan(5_000);
        assertThat(rate.numerator()).isPositive();
        assertThat(onPostgis.gaps()).isNotEmpty();
        assertThat(onPostgis.townships()).anyMatch(t -> t.counted() && !t.covered());
    }

    @Test
    void theStoredRunsCountWhatPostgisSqlCounts() {
        assertThat(stored(postgis, SewageKind.ID, FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE))
                .containsExactly(sql.cityTreated());
        assertThat(stored(postgis, SewageKind.ID, FacilityIndicator.TOWNSHIP_SEWAGE_FACILITY_RATE))
                .containsExactly(sql.cityTownships());
        assertThat(stored(postgis, SanitationKind.ID, FacilityIndicator.SANITARY_TOILET_RATE))
                .containsExactly(sql.cityToilets());
        List<Feature> untreated = rows(postgis, LayerIds.SEWAGE_HOUSEHOLD);
        assertThat(untreated).hasSize((int) (sql.cityTreated()[1] - sql.cityTreated()[0]));
        assertThat(untreated).allMatch(f -> RUNS.get(postgis)[0].equals(f.getString("run_id")));
    }

    @Test
    void postgisSqlCountsTheSameTreatedHouseholdsPerVillageTownshipAndFacility() {
        Map<String, List<Long>> java = new TreeMap<>();
        for (VillageTreatment v : onPostgis.villages()) {
            if (v.rural() && v.households() > 0) {
                java.put(v.code(), List.of((long) v.treatedHouseholds(), (long) v.households()));
            }
        }
        Map<String, List<Long>> bySql = new TreeMap<>();
        sql.treatedByVillage().forEach((k, v) -> bySql.put(k, List.of(v[0], v[1])));
        assertThat(java).isEqualTo(bySql);
        assertThat(new TreeSet<>(onPostgis.townships().stream()
                        .filter(TownshipCoverage::covered)
                        .map(TownshipCoverage::code)
                        .toList()))
                .isEqualTo(sql.coveredTownships());
        Map<String, Long> served = new TreeMap<>();
        for (FacilityLoad f : onPostgis.facilities()) {
            if (f.servedHouseholds() > 0) {
                served.put(f.code(), (long) f.servedHouseholds());
            }
        }
        assertThat(served).isEqualTo(sql.servedByFacility());
    }

    @Test
    void theEmbeddedStoreStoresTheSameIndicatorsAndRows() {
        for (FacilityIndicator i : List.of(
                FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE, FacilityIndicator.TOWNSHIP_SEWAGE_FACILITY_RATE)) {
            assertThat(values(h2gis, SewageKind.ID, i)).isEqualTo(values(postgis, SewageKind.ID, i));
        }
        assertThat(values(h2gis, SanitationKind.ID, FacilityIndicator.SANITARY_TOILET_RATE))
                .isEqualTo(values(postgis, SanitationKind.ID, FacilityIndicator.SANITARY_TOILET_RATE));
        List<String> layers = new ArrayList<>(SewageKind.RESULT_LAYERS);
        layers.add(LayerIds.SANITATION_GAP);
        for (String layer : layers) {
            assertThat(codes(h2gis, layer)).as(layer).isEqualTo(codes(postgis, layer));
        }
        assertThat(rows(postgis, LayerIds.SANITATION_GAP))
                .isNotEmpty()
                .allMatch(f ->
                        ((Number) f.get("share")).doubleValue() < 0.9 && ((Number) f.get("missing")).intValue() > 0);
        assertThat(rows(postgis, LayerIds.SEWAGE_GAP))
                .filteredOn(f -> "village_untreated".equals(f.getString("kind")))
                .isNotEmpty()
                .allMatch(f -> f.getString("mode") != null && f.getString("reason") != null);
    }

    @Test
    void sitesAreSuggestedOnlyForVillagesRecommendedACentralFacility() {
        Set<String> central = new TreeSet<>();
        for (Feature g : rows(postgis, LayerIds.SEWAGE_GAP)) {
            if ("village_central".equals(g.getString("mode"))) {
                central.add(g.getString("village_code"));
            }
        }
        List<Feature> sites = rows(postgis, LayerIds.SEWAGE_SITE);
        assertThat(sites).isNotEmpty().allSatisfy(f -> {
            assertThat(central).contains(f.getString("for_code"));
            assertThat(f.getString("purpose")).isEqualTo("sewage_facility");
            assertThat(((Number) f.get("rank")).intValue()).isBetween(1, 3);
            assertThat(((Number) f.get("households")).intValue()).isPositive();
        });
    }

    private static List<String> values(TestStore db, String kind, FacilityIndicator indicator) {
        List<String> out = new ArrayList<>();
        for (UnitLevel level : List.of(UnitLevel.CITY, UnitLevel.COUNTY, UnitLevel.TOWNSHIP, UnitLevel.VILLAGE)) {
            for (IndicatorValue v : RUNNERS.get(db).indicators(kind, null, level, null, null, indicator)) {
                out.add(level + " " + v.code() + " " + v.group() + " " + v.numerator() + "/" + v.denominator());
            }
        }
        out.sort(null);
        return out;
    }

    private static List<Feature> rows(TestStore db, String layer) {
        List<Feature> out = new ArrayList<>();
        new JdbcFeatureRepository(db.store()).forEach(CATALOGUE.get(layer), out::add);
        return out;
    }

    private static List<String> codes(TestStore db, String layer) {
        return rows(db, layer).stream().map(f -> f.getString("code")).sorted().toList();
    }
}
