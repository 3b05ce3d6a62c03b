package cn.yiyang.planning.app.sewage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.bench.BenchDatabase;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.testsupport.Analyses;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.facility.FacilityIndicator;
import cn.yiyang.planning.geo.facility.SanitationAnalysis;
import cn.yiyang.planning.geo.facility.SanitationResult;
import cn.yiyang.planning.geo.facility.SanitationSettings;
import cn.yiyang.planning.geo.facility.SewageAnalysis;
import cn.yiyang.planning.geo.facility.SewageResult;
import cn.yiyang.planning.geo.facility.SewageSettings;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Sewage and sanitation benchmark on the FULL synthetic city, run by {@code bench/sewage-benchmark.sh} (named neither
 * *Test nor *IT, so the test runs never collect it). In the same run and on the same data:
 * <ol>
 *   <li>Java on PostGIS: read the layers (JDBC) and run {@link SewageAnalysis} (treated households, township plants,
 *   loads, the recommended mode of every untreated village) and {@link SanitationAnalysis};</li>
 *   <li>the same on the embedded H2GIS store (a file under target/bench);</li>
 *   <li>PostGIS SQL ({@link PostgisSewageSql}: {@code ST_Covers} with GiST indexes) for the coverage counts; they must
 *   be identical.</li>
 * </ol>
 * Rounds alternate; medians are reported. Writes {@code target/bench/sewage-benchmark.md}.
 */
class SewageBenchmark {

    static final int ROUNDS = Integer.getInteger("sewage.benchmark.rounds", 3);
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final List<String> report = new ArrayList<>();

    /** Times of one store: read, sewage analysis, sanitation analysis (ms per round). */
    private record Times(List<Double> read, List<Double> sewage, List<Double> sanitation) {
        Times() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        List<Double> total() {
            List<Double> s = new ArrayList<>();
            for (int i = 0; i < read.size(); i++) {
                s.add(read.get(i) + sewage.get(i) + sanitation.get(i));
            }
            return s;
        }
    }

    private record Outcome(SewageResult sewage, SanitationResult sanitation, int households) {}

    @Test
    void fullCityJavaVersusPostgisSql() throws Exception {
        String url = BenchDatabase.postgis("planning_access_bench");
        StoreSettings h2 = BenchDatabase.h2gis(Path.of("target", "bench", "h2-full", "planning")
                .toAbsolutePath()
                .toString());
        Times pg = new Times();
        Times embedded = new Times();
        List<Double> sql = new ArrayList<>();
        Outcome last = null;
        Outcome lastH2 = null;
        PostgisSewageSql counts = null;
        try (SpatialStore pgStore = SpatialStore.open(new StoreSettings(url, null, null));
                SpatialStore h2Store = SpatialStore.open(h2)) {
            pgStore.migrate();
            h2Store.migrate();
            for (int round = 0; round < ROUNDS; round++) {
                last = measure(pgStore, pg);
                long s0 = System.nanoTime();
                counts = pgStore.withConnection(PostgisSewageSql::run);
                sql.add((System.nanoTime() - s0) / 1e6);
                lastH2 = measure(h2Store, embedded);
                System.out.printf(
                        Locale.ROOT,
                        "[bench] round %d: pg %.0f ms; h2 %.0f ms; SQL %.0f ms%n",
                        round + 1,
                        pg.total().getLast(),
                        embedded.total().getLast(),
                        sql.getLast());
            }
        }
        // Whole runs through the AnalysisRunner, as the page and the API start them: read, compute (with the
        // suggested sites) and store the indicators and result layers.
        List<String> whole = new ArrayList<>();
        for (var entry : Map.of("PostGIS", new StoreSettings(url, null, null), "H2GIS (embedded)", h2)
                .entrySet()) {
            try (SpatialStore store = SpatialStore.open(entry.getValue())) {
                whole.add(entry.getKey() + ": " + wholeRuns(store));
            }
        }
        Map<String, String> compare = new LinkedHashMap<>();
        boolean same = compare(
                compare,
                FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE.id(),
                city(last.sewage(), FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE),
                counts.cityTreated());
        same &= compare(
                compare,
                FacilityIndicator.TOWNSHIP_SEWAGE_FACILITY_RATE.id(),
                city(last.sewage(), FacilityIndicator.TOWNSHIP_SEWAGE_FACILITY_RATE),
                counts.cityTownships());
        same &= compare(
                compare,
                FacilityIndicator.SANITARY_TOILET_RATE.id(),
                last.sanitation()
                        .indicator(UnitLevel.CITY, "430900", UnitGroup.ALL)
                        .orElseThrow(),
                counts.cityToilets());
        boolean storesAgree = last.sewage().indicators().equals(lastH2.sewage().indicators())
                && last.sewage().gaps().equals(lastH2.sewage().gaps())
                && last.sanitation().indicators().equals(lastH2.sanitation().indicators());
        line("# Sewage and sanitation benchmark (full demo city)%n");
        line(
                "%,d households, %,d sewage gaps, %,d sanitation gaps, %d cores, %d rounds; medians (min-max) in ms%n",
                last.households(),
                last.sewage().gaps().size(),
                last.sanitation().gaps().size(),
                Runtime.getRuntime().availableProcessors(),
                ROUNDS);
        line("| what | read | sewage analysis | sanitation analysis | total |%n|---|---|---|---|---|%n");
        row("Java on PostGIS", pg);
        row("Java on H2GIS (embedded)", embedded);
        line("| PostGIS SQL (ST_Covers, GiST) coverage counts | | | | %s |%n", stat(sql));
        line("%nEmbedded and PostGIS results agree: %s%n", storesAgree ? "yes" : "NO");
        line("%nWhole runs through the AnalysisRunner (one each; read + compute + store):%n");
        whole.forEach(w -> line("- %s%n", w));
        line("%nCity counts (numerator / denominator):%n");
        compare.forEach((k, v) -> line("- %s: %s%n", k, v));
        Path out = Path.of("target", "bench", "sewage-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("", report));
        System.out.println(String.join("", report));
        assertThat(same).as("Java and SQL counts").isTrue();
        assertThat(storesAgree).as("embedded and PostGIS results").isTrue();
    }

    /** One sewage and one sanitation run through the runner on the store: how long each took and what it wrote. */
    private String wholeRuns(SpatialStore store) throws Exception {
        JdbcFeatureRepository repo = new JdbcFeatureRepository(store);
        AnalysisInputs inputs = new AnalysisInputs(repo, catalogue, new Messages());
        var worker = Executors.newSingleThreadExecutor();
        try {
            AnalysisRunner runner = Analyses.runner(
                    store,
                    repo,
                    new LayerVersions(repo),
                    worker,
                    List.of(new SewageKind(inputs, repo, catalogue, new Messages()), new SanitationKind(inputs)));
            StringBuilder out = new StringBuilder();
            Map<String, Map<String, Object>> asked = new LinkedHashMap<>();
            asked.put(SewageKind.ID + " (no sites)", Map.of("suggestSites", false));
            asked.put(SewageKind.ID + " (with sites)", Map.of());
            asked.put(SanitationKind.ID, Map.of());
            for (var e : asked.entrySet()) {
                String kind = e.getKey().split(" ")[0];
                long t0 = System.nanoTime();
                AnalysisRun run = runner.startScheduled(kind, e.getValue(), "benchmark");
                while (!run.status().settled()) {
                    Thread.sleep(20);
                    run = runner.get(run.id());
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
                out.append(String.format(Locale.ROOT, "%s %,d ms (summary %s); ", e.getKey(), ms, run.summaryJson()));
            }
            return out.toString();
        } finally {
            worker.shutdownNow();
        }
    }

    private Outcome measure(SpatialStore store, Times times) {
        long t0 = System.nanoTime();
        JdbcFeatureRepository repo = new JdbcFeatureRepository(store);
        AnalysisInputs inputs = new AnalysisInputs(repo, catalogue, new Messages());
        SewageInputReader.Read read = new SewageInputReader(repo, catalogue).read(inputs.units(), inputs.households());
        long t1 = System.nanoTime();
        SewageResult sewage = new SewageAnalysis(SewageSettings.defaults()).run(read.input());
        long t2 = System.nanoTime();
        SanitationResult sanitation = new SanitationAnalysis(SanitationSettings.defaults())
                .run(read.input().households(), read.input().units());
        long t3 = System.nanoTime();
        times.read().add((t1 - t0) / 1e6);
        times.sewage().add((t2 - t1) / 1e6);
        times.sanitation().add((t3 - t2) / 1e6);
        return new Outcome(sewage, sanitation, read.input().households().size());
    }

    private static UnitIndicator city(SewageResult r, FacilityIndicator indicator) {
        return r.indicator(indicator, UnitLevel.CITY, "430900", UnitGroup.ALL).orElseThrow();
    }

    private static boolean compare(Map<String, String> out, String id, UnitIndicator java, long[] sql) {
        boolean equal = java.numerator() == sql[0] && java.denominator() == sql[1];
        out.put(
                id,
                String.format(
                        Locale.ROOT,
                        "Java %,d / %,d · SQL %,d / %,d%s",
                        java.numerator(),
                        java.denominator(),
                        sql[0],
                        sql[1],
                        equal ? "" : "  ← DIFFERENT"));
        return equal;
    }

    private void row(String what, Times t) {
        line(
                "| %s | %s | %s | %s | %s |%n",
                what, stat(t.read()), stat(t.sewage()), stat(t.sanitation()), stat(t.total()));
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
