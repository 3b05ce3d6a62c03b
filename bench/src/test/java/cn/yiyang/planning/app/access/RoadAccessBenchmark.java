package cn.yiyang.planning.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.bench.BenchDatabase;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.AccessResult;
import cn.yiyang.planning.geo.access.AccessSettings;
import cn.yiyang.planning.geo.access.RoadAccessAnalysis;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Road-access benchmark on the FULL synthetic city, run by {@code bench/road-access-benchmark.sh} (named neither *Test
 * nor *IT, so the test runs never collect it). In the same run and on the same data:
 * <ol>
 *   <li>Java on PostGIS: read the layers (JDBC) and run {@link RoadAccessAnalysis} (every indicator, network distances,
 *   gaps);</li>
 *   <li>the same on the embedded H2GIS store (a file under target/bench);</li>
 *   <li>PostGIS SQL ({@link PostgisAccessSql}: {@code ST_ClusterDBSCAN} network, {@code ST_DWithin} on geography with
 *   GiST indexes) for the same indicators; the counts must be identical.</li>
 * </ol>
 * Rounds alternate; medians are reported. Writes {@code target/bench/road-access-benchmark.md}.
 */
class RoadAccessBenchmark {

    static final int ROUNDS = Integer.getInteger("access.benchmark.rounds", 3);
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final List<String> report = new ArrayList<>();

    @Test
    void fullCityJavaVersusPostgisSql() throws Exception {
        String url = BenchDatabase.postgis("planning_access_bench");
        StoreSettings h2 = BenchDatabase.h2gis(Path.of("target", "bench", "h2-full", "planning")
                .toAbsolutePath()
                .toString());
        AccessSettings settings = AccessSettings.defaults();
        List<Double> pgRead = new ArrayList<>();
        List<Double> pgAnalysis = new ArrayList<>();
        List<Double> h2Read = new ArrayList<>();
        List<Double> h2Analysis = new ArrayList<>();
        List<Double> sql = new ArrayList<>();
        AccessResult last = null;
        PostgisAccessSql.Counts counts = null;
        int households = 0;
        try (SpatialStore pg = SpatialStore.open(new StoreSettings(url, null, null));
                SpatialStore embedded = SpatialStore.open(h2)) {
            Set<String> impassable = pg.withConnection(PostgisAccessSql::impassableFromInspections);
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                AccessInputReader.Read read =
                        new AccessInputReader(new JdbcFeatureRepository(pg), catalogue, "益阳市").read(impassable);
                long t1 = System.nanoTime();
                last = new RoadAccessAnalysis(settings).run(read.input());
                long t2 = System.nanoTime();
                households = read.input().households().size();
                pgRead.add((t1 - t0) / 1e6);
                pgAnalysis.add((t2 - t1) / 1e6);

                long s0 = System.nanoTime();
                counts = pg.withConnection(c -> PostgisAccessSql.run(c, settings, impassable));
                sql.add((System.nanoTime() - s0) / 1e6);

                long h0 = System.nanoTime();
                AccessInputReader.Read hread =
                        new AccessInputReader(new JdbcFeatureRepository(embedded), catalogue, "益阳市").read(impassable);
                long h1 = System.nanoTime();
                AccessResult onH2 = new RoadAccessAnalysis(settings).run(hread.input());
                long h2t = System.nanoTime();
                h2Read.add((h1 - h0) / 1e6);
                h2Analysis.add((h2t - h1) / 1e6);
                assertThat(onH2.indicators()).hasSameSizeAs(last.indicators());
                System.out.printf(
                        Locale.ROOT,
                        "[bench] round %d: pg read %.0f + analysis %.0f ms; h2 read %.0f + "
                                + "analysis %.0f ms; SQL %.0f ms%n",
                        round + 1,
                        pgRead.getLast(),
                        pgAnalysis.getLast(),
                        h2Read.getLast(),
                        h2Analysis.getLast(),
                        sql.getLast());
            }
        }
        // A whole run through the service, as the page and the API start it: read, analysis, and storing the
        // indicators (every unit and group, natural villages included) and the three result layers.
        List<String> whole = new ArrayList<>();
        for (var entry : Map.of("PostGIS", new StoreSettings(url, null, null), "H2GIS (embedded)", h2)
                .entrySet()) {
            try (SpatialStore store = SpatialStore.open(entry.getValue())) {
                whole.add(entry.getKey() + ": " + serviceRun(store));
            }
        }
        Map<String, String> compare = new TreeMap<>();
        boolean same = true;
        for (var e : counts.city().entrySet()) {
            UnitIndicator u = last.indicator(
                            AccessIndicator.byId(e.getKey()).orElseThrow(), UnitLevel.CITY, "430900", UnitGroup.ALL)
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
        line("# Road-access benchmark (full demo city)%n");
        line(
                "%,d households, %,d gaps, %d cores, %d rounds; medians (min-max) in ms%n",
                households, last.gaps().size(), Runtime.getRuntime().availableProcessors(), ROUNDS);
        line("| what | read | analysis | total |%n|---|---|---|---|%n");
        line("| Java on PostGIS | %s | %s | %s |%n", stat(pgRead), stat(pgAnalysis), stat(sum(pgRead, pgAnalysis)));
        line(
                "| Java on H2GIS (embedded) | %s | %s | %s |%n",
                stat(h2Read), stat(h2Analysis), stat(sum(h2Read, h2Analysis)));
        line("| PostGIS SQL (ST_ClusterDBSCAN + ST_DWithin geography, GiST) | | | %s |%n", stat(sql));
        line(
                "%nratio Java on PostGIS / SQL (medians): %.2f; Java on H2GIS / SQL: %.2f%n",
                median(sum(pgRead, pgAnalysis)) / median(sql), median(sum(h2Read, h2Analysis)) / median(sql));
        line("%nWhole runs through RoadAccessService (one each; read + analysis + store, ms):%n");
        whole.forEach(w -> line("- %s%n", w));
        line("%nCity counts (numerator / denominator):%n");
        compare.forEach((k, v) -> line("- %s: %s%n", k, v));
        Path out = Path.of("target", "bench", "road-access-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("", report));
        System.out.println(String.join("", report));
        assertThat(same).as("Java and SQL counts").isTrue();
    }

    /** One whole run through RoadAccessService on the store: what it took and wrote. */
    static String serviceRun(SpatialStore store) throws Exception {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        Set<String> impassable = store.withConnection(PostgisAccessSql::impassableFromInspections);
        var repo = new JdbcFeatureRepository(store);
        var versions = new LayerVersions(repo);
        var beans = new StaticListableBeanFactory();
        beans.addBean("impassable", (ImpassableRoads) () -> impassable);
        var worker = Executors.newSingleThreadExecutor();
        RoadAccessKind kind = new RoadAccessKind(
                repo,
                catalogue,
                beans.getBeanProvider(ImpassableRoads.class),
                new AccessDefaults(50, 30, 100, 100, 1000, 200, 2000, 1, 100, true),
                new Messages());
        var runner = new AnalysisRunner(
                List.of(kind),
                new JdbcAnalysisRunRepository(store),
                new JdbcIndicatorTargetRepository(store),
                repo,
                catalogue,
                versions,
                new JdbcLayerLoadRepository(store),
                new AuditLog(new JdbcAuditRepository(store), Clock.systemUTC()),
                "2021-2025",
                5,
                worker);
        RoadAccessService service = new RoadAccessService(runner, kind, repo, catalogue);
        try {
            long t0 = System.nanoTime();
            String id = service.startScheduled(AccessSettings.defaults(), "benchmark")
                    .id();
            while (!service.get(id).status().settled()) {
                Thread.sleep(50);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            var run = service.get(id);
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            var summary =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(run.summaryJson());
            return String.format(
                    Locale.ROOT,
                    "%,d ms from start to succeeded (read %d, analysis %d, store %d: %s), "
                            + "%,d unserved households and %,d gaps written",
                    ms,
                    summary.get("readMs").asLong(),
                    summary.get("analysisMs").asLong(),
                    summary.get("storeMs").asLong(),
                    summary.get("storeSteps"),
                    summary.get("households").asLong()
                            - summary.get("householdsServed").asLong(),
                    summary.get("gaps").asLong());
        } finally {
            // The run's status is visible once H2 has committed it in memory; the worker then stores that commit in
            // the file (SpatialStore.afterWork). Interrupting it there would close H2's file channel and with it the
            // store: let it finish.
            worker.shutdown();
            if (!worker.awaitTermination(1, TimeUnit.MINUTES)) {
                worker.shutdownNow();
            }
        }
    }

    private void line(String format, Object... args) {
        report.add(String.format(Locale.ROOT, format, args));
    }

    private static List<Double> sum(List<Double> a, List<Double> b) {
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            s.add(a.get(i) + b.get(i));
        }
        return s;
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
