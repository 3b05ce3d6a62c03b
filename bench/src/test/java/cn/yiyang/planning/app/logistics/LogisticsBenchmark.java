package cn.yiyang.planning.app.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.bench.BenchDatabase;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.facility.LogisticsAnalysis;
import cn.yiyang.planning.geo.facility.LogisticsResult;
import cn.yiyang.planning.geo.facility.LogisticsSettings;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.store.JdbcAnalysisRunRepository;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorTargetRepository;
import cn.yiyang.planning.layers.store.JdbcLayerLoadRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cold-chain and courier benchmark on the FULL synthetic city, run by {@code bench/cold-chain-benchmark.sh} (named
 * neither *Test nor *IT). In the same run and on the same data:
 * <ol>
 *   <li>Java on PostGIS: read the layers (JDBC, the road network built) and run {@link LogisticsAnalysis}, timing apart
 *   the location-allocation (suggested sites for every township without a centre and every village without an outlet
 *   or courier point);</li>
 *   <li>the same on the embedded H2GIS store;</li>
 *   <li>PostGIS SQL ({@link PostgisLogisticsSql}, {@code ST_Covers}) for the same coverage counts; they must be
 *   identical;</li>
 *   <li>one whole run through {@link AnalysisRunner} on each store (read, analysis with the sites, storing the
 *   indicators and both result layers), as the page and the API start it.</li>
 * </ol>
 * Rounds alternate; medians are reported. Writes {@code target/bench/cold-chain-benchmark.md}.
 */
class LogisticsBenchmark {

    static final int ROUNDS = Integer.getInteger("logistics.benchmark.rounds", 3);
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final List<String> report = new ArrayList<>();

    /** One timed analysis: read, coverage and gaps, location-allocation, in ms. */
    private record Timing(double read, double coverage, double siting, LogisticsResult result) {}

    @Test
    void fullCityJavaVersusPostgisSql() throws Exception {
        String url = BenchDatabase.postgis("planning_access_bench");
        StoreSettings h2 = BenchDatabase.h2gis(Path.of("target", "bench", "h2-full", "planning")
                .toAbsolutePath()
                .toString());
        List<Timing> pg = new ArrayList<>();
        List<Timing> embedded = new ArrayList<>();
        List<Double> sql = new ArrayList<>();
        PostgisLogisticsSql.Counts counts = null;
        try (SpatialStore pgStore = SpatialStore.open(new StoreSettings(url, null, null));
                SpatialStore h2Store = SpatialStore.open(h2)) {
            for (int round = 0; round < ROUNDS; round++) {
                pg.add(time(pgStore));
                long s0 = System.nanoTime();
                counts = pgStore.withConnection(PostgisLogisticsSql::run);
                sql.add((System.nanoTime() - s0) / 1e6);
                embedded.add(time(h2Store));
                assertThat(sorted(embedded.getLast().result().indicators()))
                        .isEqualTo(sorted(pg.getLast().result().indicators()));
                System.out.printf(
                        Locale.ROOT,
                        "[bench] round %d: pg read %.0f + coverage %.0f + siting %.0f ms; h2 read %.0f + coverage"
                                + " %.0f + siting %.0f ms; SQL %.0f ms%n",
                        round + 1,
                        pg.getLast().read(),
                        pg.getLast().coverage(),
                        pg.getLast().siting(),
                        embedded.getLast().read(),
                        embedded.getLast().coverage(),
                        embedded.getLast().siting(),
                        sql.getLast());
            }
        }
        // A whole run through the runner, as the page and the API start it: read, analysis (sites included) and storing
        // the indicators and both result layers.
        List<String> whole = new ArrayList<>();
        for (var entry : Map.of("PostGIS", new StoreSettings(url, null, null), "H2GIS (embedded)", h2)
                .entrySet()) {
            try (SpatialStore store = SpatialStore.open(entry.getValue())) {
                whole.add(entry.getKey() + ": " + runnerRun(store));
            }
        }
        LogisticsResult last = pg.getLast().result();
        Map<String, String> compare = new TreeMap<>();
        boolean same = true;
        for (var e : counts.city().entrySet()) {
            UnitIndicator u = last.indicators().stream()
                    .filter(i -> i.indicator().id().equals(e.getKey())
                            && i.level() == UnitLevel.CITY
                            && i.group() == UnitGroup.ALL)
                    .findFirst()
                    .orElseThrow();
            boolean equal = u.numerator() == e.getValue()[0] && u.denominator() == e.getValue()[1];
            same &= equal;
            compare.put(
                    e.getKey(),
                    String.format(
                            Locale.ROOT,
                            "Java %,d / %,d · SQL %,d / %,d%s",
                            u.numerator(),
                            u.denominator(),
                            e.getValue()[0],
                            e.getValue()[1],
                            equal ? "" : "  ← DIFFERENT"));
        }
        long wanting = last.gaps().stream()
                .filter(g -> g.kind() != LogisticsResult.GapKind.COUNTY_NO_WAREHOUSE)
                .count();
        line("# Cold-chain and courier benchmark (full demo city)%n");
        line(
                "%,d gaps (%,d townships or villages asking for sites), %,d suggested sites, %d cores, %d rounds;"
                        + " medians (min-max) in ms%n",
                last.gaps().size(),
                wanting,
                last.sites().size(),
                Runtime.getRuntime().availableProcessors(),
                ROUNDS);
        line(
                "| what | read (roads noded) | coverage and gaps | location-allocation | total |%n|---|---|---|---|---|%n");
        row("Java on PostGIS", pg);
        row("Java on H2GIS (embedded)", embedded);
        line("| PostGIS SQL (ST_Covers), coverage counts only | | %s | | |%n", stat(sql));
        line("%nWhole runs through AnalysisRunner (one each; read + analysis + store):%n");
        whole.forEach(w -> line("- %s%n", w));
        line("%nCity counts (numerator / denominator):%n");
        compare.forEach((k, v) -> line("- %s: %s%n", k, v));
        Path out = Path.of("target", "bench", "cold-chain-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("", report));
        System.out.println(String.join("", report));
        assertThat(same).as("Java and SQL counts").isTrue();
    }

    /** One whole run through the runner on the store: what it took and wrote. */
    static String runnerRun(SpatialStore store) throws Exception {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        JdbcFeatureRepository repo = new JdbcFeatureRepository(store);
        LogisticsKind kind = new LogisticsKind(new AnalysisInputs(repo, catalogue, new Messages()), repo, catalogue);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            AnalysisRunner runner = new AnalysisRunner(
                    List.of(kind),
                    new JdbcAnalysisRunRepository(store),
                    new JdbcIndicatorTargetRepository(store),
                    repo,
                    catalogue,
                    new LayerVersions(repo),
                    new JdbcLayerLoadRepository(store),
                    new AuditLog(new JdbcAuditRepository(store), Clock.systemUTC()),
                    "2021-2025",
                    5,
                    worker);
            long t0 = System.nanoTime();
            String id =
                    runner.startScheduled(LogisticsKind.ID, null, "benchmark").id();
            while (!runner.get(id).status().settled()) {
                Thread.sleep(50);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            AnalysisRun run = runner.get(id);
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            JsonNode summary = JsonMapper.builder().build().readTree(run.summaryJson());
            return String.format(
                    Locale.ROOT,
                    "%,d ms from start to succeeded (read %d, analysis %d, store %d: %s), %,d gaps and %,d suggested"
                            + " sites written",
                    ms,
                    summary.get("readMs").asLong(),
                    summary.get("analysisMs").asLong(),
                    summary.get("storeMs").asLong(),
                    summary.get("storeSteps"),
                    summary.get("gaps").asLong(),
                    summary.get("suggestedSites").asLong());
        } finally {
            worker.shutdownNow();
        }
    }

    private Timing time(SpatialStore store) {
        long t0 = System.nanoTime();
        JdbcFeatureRepository repo = new JdbcFeatureRepository(store);
        LogisticsInputReader.Read read =
                new LogisticsInputReader(new AnalysisInputs(repo, catalogue, new Messages()), repo, catalogue).read();
        long t1 = System.nanoTime();
        long[] sitesFrom = {0};
        LogisticsResult result = new LogisticsAnalysis(LogisticsSettings.defaults()).run(read.input(), (f, stage) -> {
            if (stage.equals("sites")) {
                sitesFrom[0] = System.nanoTime();
            }
        });
        long t2 = System.nanoTime();
        return new Timing((t1 - t0) / 1e6, (sitesFrom[0] - t1) / 1e6, (t2 - sitesFrom[0]) / 1e6, result);
    }

    private void row(String what, List<Timing> timings) {
        List<Double> read = timings.stream().map(Timing::read).toList();
        List<Double> coverage = timings.stream().map(Timing::coverage).toList();
        List<Double> siting = timings.stream().map(Timing::siting).toList();
        List<Double> total =
                timings.stream().map(t -> t.read() + t.coverage() + t.siting()).toList();
        line("| %s | %s | %s | %s | %s |%n", what, stat(read), stat(coverage), stat(siting), stat(total));
    }

    /** The indicators in one order whatever order each store listed the units in. */
    private static List<UnitIndicator> sorted(List<UnitIndicator> indicators) {
        return indicators.stream()
                .sorted(Comparator.comparing((UnitIndicator u) -> u.level().ordinal())
                        .thenComparing(UnitIndicator::code)
                        .thenComparing(u -> u.group().ordinal())
                        .thenComparing(u -> u.indicator().id()))
                .toList();
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
