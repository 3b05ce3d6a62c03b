package cn.yiyang.planning.app.logistics;

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
import cn.yiyang.planning.geo.facility.LogisticsAnalysis;
import cn.yiyang.planning.geo.facility.LogisticsResult;
import cn.yiyang.planning.geo.facility.LogisticsSettings;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cold-chain and courier coverage of the (small) demo city computed twice: by the Java analysis on the layers read
 * from PostGIS, and independently by PostGIS SQL ({@link PostgisLogisticsSql}, {@code ST_Covers}); the counts must be
 * identical. The same analysis on the embedded H2GIS store must give the same indicators, gaps and suggested sites.
 */
class LogisticsCrossCheckIT {

    private static final LayerCatalogue CATALOGUE = LayerCatalogue.standard();
    private static TestStore postgis;
    private static TestStore h2gis;
    private static LogisticsResult onPostgis;

    @BeforeAll
    static void load() throws Exception {
        postgis = TestStores.postgis();
        h2gis = TestStores.h2gis();
        for (TestStore db : List.of(postgis, h2gis)) {
            db.store().migrate();
            new DemoDataLoader(new JdbcFeatureRepository(db.store()), CATALOGUE)
                    .load(DemoScale.SMALL, DemoCityGenerator.DEFAULT_SEED);
        }
        onPostgis = analyse(postgis);
    }

    @AfterAll
    static void drop() throws Exception {
        postgis.close();
        h2gis.close();
    }

    static LogisticsResult analyse(TestStore db) {
        JdbcFeatureRepository repo = new JdbcFeatureRepository(db.store());
        LogisticsInputReader.Read read =
                new LogisticsInputReader(new AnalysisInputs(repo, CATALOGUE, new Messages()), repo, CATALOGUE).read();
        return new LogisticsAnalysis(LogisticsSettings.defaults()).run(read.input());
    }

    @Test
    void theDemoCityHasGapsAndSuggestions() {
        for (FacilityIndicator i : List.of(
                FacilityIndicator.COUNTY_WAREHOUSE_RATE,
                FacilityIndicator.TOWNSHIP_COLD_CHAIN_CENTRE_RATE,
                FacilityIndicator.VILLAGE_COLD_CHAIN_OUTLET_RATE,
                FacilityIndicator.VILLAGE_COURIER_SERVICE_RATE)) {
            assertThat(city(i).value()).as(i.id()).isStrictlyBetween(0.0, 1.0);
        }
        assertThat(onPostgis.gaps()).isNotEmpty();
        assertThat(onPostgis.sites()).isNotEmpty();
        assertThat(onPostgis.sites()).allSatisfy(s -> assertThat(s.households()).isPositive());
    }

    @Test
    void postgisSqlCountsTheSame() throws Exception {
        PostgisLogisticsSql.Counts sql = postgis.store().withConnection(PostgisLogisticsSql::run);
        Map<String, List<Long>> expected = new TreeMap<>();
        Map<String, List<Long>> actual = new TreeMap<>();
        sql.city().forEach((id, nd) -> expected.put(id, List.of(nd[0], nd[1])));
        for (String id : sql.city().keySet()) {
            UnitIndicator u = city(FacilityIndicator.byId(id).orElseThrow());
            actual.put(id, List.of(u.numerator(), u.denominator()));
        }
        assertThat(actual).isEqualTo(expected);
        sql.villagesByCounty().forEach((id, counties) -> {
            Map<String, List<Long>> bySql = new TreeMap<>();
            counties.forEach((code, nd) -> bySql.put(code, List.of(nd[0], nd[1])));
            Map<String, List<Long>> byJava = new TreeMap<>();
            onPostgis.indicators().stream()
                    .filter(u -> u.level() == UnitLevel.COUNTY
                            && u.group() == UnitGroup.ALL
                            && u.indicator().id().equals(id)
                            && u.denominator() > 0)
                    .forEach(u -> byJava.put(u.code(), List.of(u.numerator(), u.denominator())));
            assertThat(byJava).as(id).isEqualTo(bySql);
        });
    }

    @Test
    void aStoredRunHoldsTheSameCounts() throws Exception {
        JdbcFeatureRepository repo = new JdbcFeatureRepository(postgis.store());
        LogisticsKind kind = new LogisticsKind(new AnalysisInputs(repo, CATALOGUE, new Messages()), repo, CATALOGUE);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            AnalysisRunner runner =
                    Analyses.runner(postgis.store(), repo, new LayerVersions(repo), worker, List.of(kind));
            String id = runner.startScheduled(LogisticsKind.ID, null, "test").id();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!runner.get(id).status().settled() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(runner.get(id).status()).isEqualTo(RunStatus.SUCCEEDED);
            PostgisLogisticsSql.Counts sql = postgis.store().withConnection(PostgisLogisticsSql::run);
            Map<String, List<Long>> expected = new TreeMap<>();
            sql.city().forEach((i, nd) -> expected.put(i, List.of(nd[0], nd[1])));
            Map<String, List<Long>> stored = new TreeMap<>();
            for (IndicatorValue v :
                    runner.indicators(LogisticsKind.ID, id, UnitLevel.CITY, null, UnitGroup.ALL, null)) {
                stored.put(v.indicator().id(), List.of(v.numerator(), v.denominator()));
                assertThat(v.target()).as(v.indicator().id()).isEqualTo(1.0);
            }
            assertThat(stored).isEqualTo(expected);
            List<Feature> gaps = new ArrayList<>();
            repo.forEach(CATALOGUE.get(LayerIds.LOGISTICS_GAP), gaps::add);
            assertThat(gaps)
                    .extracting(f -> f.getString("code"))
                    .containsExactlyInAnyOrderElementsOf(onPostgis.gaps().stream()
                            .map(LogisticsResult.Gap::code)
                            .toList());
            assertThat(runner.get(id).summaryJson()).contains("code_mismatch", "village_code");
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void theEmbeddedStoreGivesTheSameResults() {
        LogisticsResult onH2 = analyse(h2gis);
        Comparator<UnitIndicator> order = Comparator.comparing(
                        (UnitIndicator u) -> u.level().ordinal())
                .thenComparing(UnitIndicator::code)
                .thenComparing(u -> u.group().ordinal())
                .thenComparing(u -> u.indicator().id());
        assertThat(onH2.indicators().stream().sorted(order).toList())
                .isEqualTo(onPostgis.indicators().stream().sorted(order).toList());
        assertThat(onH2.gaps())
                .extracting(LogisticsResult.Gap::code, LogisticsResult.Gap::households)
                .isEqualTo(onPostgis.gaps().stream()
                        .map(g -> Tuple.tuple(g.code(), g.households()))
                        .toList());
        assertThat(onH2.sites())
                .extracting(LogisticsResult.SuggestedSite::code, LogisticsResult.SuggestedSite::households)
                .isEqualTo(onPostgis.sites().stream()
                        .map(s -> Tuple.tuple(s.code(), s.households()))
                        .toList());
        assertThat(onH2.problems()).isEqualTo(onPostgis.problems());
    }

    private static UnitIndicator city(FacilityIndicator indicator) {
        return onPostgis.indicators().stream()
                .filter(u -> u.indicator() == indicator && u.level() == UnitLevel.CITY && u.group() == UnitGroup.ALL)
                .findFirst()
                .orElseThrow();
    }
}
