package cn.yiyang.planning.app.water;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.analysis.RunContext;
import cn.yiyang.planning.app.analysis.RunOutput;
import cn.yiyang.planning.app.analysis.RunSettings;
import cn.yiyang.planning.app.bench.BenchDatabase;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.testsupport.Analyses;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Water-supply benchmark on the FULL synthetic city, run by {@code bench/water-supply-benchmark.sh} (named neither
 * *Test nor *IT, so the test runs never collect it). In the same run and on the same data:
 * <ol>
 *   <li>the computation of a run ({@link WaterSupplyKind#compute}: read the layers, the analysis, the suggested sites)
 *   on PostGIS and on the embedded H2GIS store, with the coverage alone (no sites) beside it;</li>
 *   <li>PostGIS SQL ({@link PostgisWaterSql}: {@code ST_Covers} on the service areas, {@code ST_DWithin} on geography
 *   for the mains, GiST indexes) for the coverage counts; the counts must be identical, city and per county;</li>
 *   <li>one whole run through {@link AnalysisRunner} on each store (read, compute, store the indicators and the three
 *   result layers).</li>
 * </ol>
 * Rounds alternate; medians are reported. Writes {@code target/bench/water-supply-benchmark.md}.
 */
class WaterSupplyBenchmark {

    static final int ROUNDS = Integer.getInteger("water.benchmark.rounds", 3);
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    /** No township has this many unserved households: the run computes the coverage only. */
    private static final Map<String, Object> COVERAGE_ONLY =
            Map.of("asOf", AS_OF.toString(), WaterSupplyKind.SITE_MIN_UNSERVED, 100_000);

    private static final Map<String, Object> WITH_SITES = Map.of("asOf", AS_OF.toString());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final List<String> report = new ArrayList<>();

    @Test
    void fullCityJavaVersusPostgisSql() throws Exception {
        String url = BenchDatabase.postgis("planning_access_bench");
        StoreSettings h2 = BenchDatabase.h2gis(Path.of("target", "bench", "h2-full", "planning")
                .toAbsolutePath()
                .toString());
        Map<String, List<Double>> times = new LinkedHashMap<>();
        RunOutput last = null;
        PostgisWaterSql.Counts counts = null;
        try (SpatialStore pg = SpatialStore.open(new StoreSettings(url, null, null));
                SpatialStore embedded = SpatialStore.open(h2)) {
            for (int round = 0; round < ROUNDS; round++) {
                last = timed(times, "PostGIS", pg, COVERAGE_ONLY);
                timed(times, "PostGIS, with sites", pg, WITH_SITES);
                long s0 = System.nanoTime();
                counts = pg.withConnection(c -> PostgisWaterSql.run(c, 100, AS_OF, 6));
                times.computeIfAbsent("PostGIS SQL (ST_Covers + ST_DWithin geography, GiST)", k -> new ArrayList<>())
                        .add((System.nanoTime() - s0) / 1e6);
                RunOutput onH2 = timed(times, "H2GIS (embedded)", embedded, COVERAGE_ONLY);
                timed(times, "H2GIS (embedded), with sites", embedded, WITH_SITES);
                assertThat(onH2.indicators()).hasSameSizeAs(last.indicators());
                System.out.printf(Locale.ROOT, "[bench] round %d: %s%n", round + 1, lastOf(times));
            }
        }
        List<String> whole = new ArrayList<>();
        for (var entry : Map.of("PostGIS", new StoreSettings(url, null, null), "H2GIS (embedded)", h2)
                .entrySet()) {
            try (SpatialStore store = SpatialStore.open(entry.getValue())) {
                whole.add(entry.getKey() + ", coverage only: " + wholeRun(store, COVERAGE_ONLY));
                whole.add(entry.getKey() + ", with sites: " + wholeRun(store, WITH_SITES));
            }
        }
        boolean same = compare(last, counts);
        line("# Water-supply benchmark (full demo city)%n");
        line(
                "%s households, %d cores, %d rounds; medians (min-max) in ms%n",
                last.summary().get("households"), Runtime.getRuntime().availableProcessors(), ROUNDS);
        line("| what (read + analysis [+ sites]) | ms |%n|---|---|%n");
        times.forEach((k, v) -> line("| %s | %s |%n", k, stat(v)));
        line("%nWhole runs through AnalysisRunner (one each; read + compute + store):%n");
        whole.forEach(w -> line("- %s%n", w));
        Path out = Path.of("target", "bench", "water-supply-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("", report));
        System.out.println(String.join("", report));
        assertThat(same).as("Java and SQL counts").isTrue();
    }

    /** The computation of one run on a store (read, analysis, sites as set), timed. */
    private RunOutput timed(Map<String, List<Double>> times, String what, SpatialStore store, Map<String, ?> given) {
        var repo = new JdbcFeatureRepository(store);
        Messages messages = new Messages();
        WaterSupplyKind kind =
                new WaterSupplyKind(repo, catalogue, new AnalysisInputs(repo, catalogue, messages), messages);
        RunSettings settings = RunSettings.resolve(kind.settings(), given, AS_OF);
        long t0 = System.nanoTime();
        RunOutput out = kind.compute(new RunContext("benchmark", "benchmark", settings, p -> {}));
        times.computeIfAbsent(what, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
        return out;
    }

    /** Java and SQL coverage counts, city and per county, into the report: whether all are the same. */
    private boolean compare(RunOutput java, PostgisWaterSql.Counts sql) {
        boolean same = true;
        line("%nCity counts (numerator / denominator), Java run · PostGIS SQL:%n");
        for (var e : sql.city().entrySet()) {
            UnitIndicator u = java.indicators().stream()
                    .filter(i -> i.level() == UnitLevel.CITY
                            && i.group() == UnitGroup.ALL
                            && i.indicator().id().equals(e.getKey()))
                    .findFirst()
                    .orElseThrow();
            boolean equal = u.numerator() == e.getValue()[0] && u.denominator() == e.getValue()[1];
            same &= equal;
            line(
                    "- %s: %,d / %,d · %,d / %,d%s%n",
                    e.getKey(),
                    u.numerator(),
                    u.denominator(),
                    e.getValue()[0],
                    e.getValue()[1],
                    equal ? "" : "  ← DIFFERENT");
        }
        int counties = 0;
        int differ = 0;
        for (var byIndicator : sql.byCounty().entrySet()) {
            for (var c : byIndicator.getValue().entrySet()) {
                counties++;
                UnitIndicator u = java.indicators().stream()
                        .filter(i -> i.level() == UnitLevel.COUNTY
                                && i.group() == UnitGroup.ALL
                                && i.code().equals(c.getKey())
                                && i.indicator().id().equals(byIndicator.getKey()))
                        .findFirst()
                        .orElse(null);
                if (u == null || u.numerator() != c.getValue()[0] || u.denominator() != c.getValue()[1]) {
                    differ++;
                }
            }
        }
        line("- per county: %d county counts, %d different%n", counties, differ);
        return same && differ == 0;
    }

    /** One whole run through the runner on the store: what it took and wrote. */
    private static String wholeRun(SpatialStore store, Map<String, ?> settings) throws Exception {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        var repo = new JdbcFeatureRepository(store);
        Messages messages = new Messages();
        WaterSupplyKind kind =
                new WaterSupplyKind(repo, catalogue, new AnalysisInputs(repo, catalogue, messages), messages);
        var worker = Executors.newSingleThreadExecutor();
        AnalysisRunner runner = Analyses.runner(store, repo, new LayerVersions(repo), worker, List.of(kind));
        try {
            long t0 = System.nanoTime();
            String id = runner.startScheduled(WaterSupplyKind.ID, settings, "benchmark")
                    .id();
            while (!runner.get(id).status().settled()) {
                Thread.sleep(50);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            var run = runner.get(id);
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            JsonNode s = JSON.readTree(run.summaryJson());
            return String.format(
                    Locale.ROOT,
                    "%,d ms from start to succeeded (read %d, analysis %d, sites %d, store %d: %s), %,d unserved "
                            + "households, %,d duties and %,d sites written",
                    ms,
                    s.path("readMs").asLong(),
                    s.path("analysisMs").asLong(),
                    s.path("sitingMs").asLong(),
                    s.path("storeMs").asLong(),
                    s.path("storeSteps").toString(),
                    s.path("households").asLong() - s.path("householdsServed").asLong(),
                    s.path("duties").asLong(),
                    s.path("suggestedSites").asLong());
        } finally {
            worker.shutdownNow();
        }
    }

    private static String lastOf(Map<String, List<Double>> times) {
        StringBuilder b = new StringBuilder();
        times.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s %.0f ms; ", k, v.getLast())));
        return b.toString();
    }

    private void line(String format, Object... args) {
        report.add(String.format(Locale.ROOT, format, args));
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static String stat(List<Double> values) {
        return String.format(
                Locale.ROOT,
                "%.0f (%.0f-%.0f)",
                median(values),
                values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }
}
