package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.bench.BenchDatabase;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whole road-access runs, one after another on one open store as a server that is never restarted makes them: on
 * PostGIS and on an embedded H2GIS file freshly filled with the full demo city, the time of every run (start to
 * succeeded through the runner) and the embedded file's size after it. Run by {@code bench/road-access-runs.sh}.
 */
class RoadAccessRunsBenchmark {

    private static final Pattern TOTAL = Pattern.compile("^([\\d,]+) ms from start.*store (\\d+)");

    @Test
    void consecutiveRuns() throws Exception {
        int runs = Integer.getInteger("runs.count", 20);
        // runs.stores=h2: the embedded store only; runs.template=<file>: copy this filled file (made by an earlier
        // call with the same property if missing) instead of filling the city again, which takes minutes.
        boolean withPostgis = !"h2".equals(System.getProperty("runs.stores"));
        String template = System.getProperty("runs.template");
        // runs.urlSuffix: H2 settings appended to the embedded store's URL for the runs (e.g. ";COMPRESS=TRUE")
        String suffix = System.getProperty("runs.urlSuffix", "");
        // runs.pauseSeconds: the store left open and idle this long after each embedded run (a server on a schedule)
        int pause = Integer.getInteger("runs.pauseSeconds", 0);
        Path dir = Path.of("target", "bench", "h2-runs");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        long fill = System.nanoTime();
        Path file = dir.resolve("planning.mv.db");
        Path copy = template == null ? null : Path.of(template).toAbsolutePath();
        if (copy != null && Files.exists(copy)) {
            Files.createDirectories(dir);
            Files.copy(copy, file);
        }
        StoreSettings h2 =
                BenchDatabase.h2gis(dir.resolve("planning").toAbsolutePath().toString());
        if (copy != null && !Files.exists(copy)) {
            Files.copy(file, copy);
        }
        long fillMs = (System.nanoTime() - fill) / 1_000_000;
        String pgUrl = withPostgis ? BenchDatabase.postgis("planning_access_bench") : null;
        h2 = new StoreSettings(h2.jdbcUrl() + suffix, h2.user(), h2.password());

        List<String> report = new ArrayList<>();
        report.add("# Road access: consecutive whole runs on one open store");
        report.add("");
        report.add(String.format(
                Locale.ROOT,
                "Full demo city; the embedded file filled fresh (%,d ms, %,d MB), then %d runs on each store without"
                        + " a restart. ms from start to succeeded (of which storing the results).",
                fillMs,
                Files.size(file) >> 20,
                runs));
        report.add("");
        if (!suffix.isEmpty() || pause > 0) {
            report.add("Embedded store URL settings added: `" + suffix + "`; idle between runs: " + pause + " s");
            report.add("");
        }
        report.add("| run | PostGIS ms (store) | H2GIS ms (store) | H2GIS file MB after the run |");
        report.add("|---|---|---|---|");
        List<long[]> pg = new ArrayList<>();
        if (withPostgis) {
            try (SpatialStore store = SpatialStore.open(new StoreSettings(pgUrl, null, null))) {
                for (int i = 0; i < runs; i++) {
                    pg.add(parse(RoadAccessBenchmark.serviceRun(store)));
                }
            }
        } else {
            for (int i = 0; i < runs; i++) {
                pg.add(new long[] {0, 0});
            }
        }
        List<long[]> embedded = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        String lastState;
        try (SpatialStore store = SpatialStore.open(h2)) {
            String state = "";
            for (int i = 0; i < runs; i++) {
                if (i > 0) {
                    Thread.sleep(pause * 1000L);
                }
                embedded.add(parse(RoadAccessBenchmark.serviceRun(store)));
                sizes.add(Files.size(file) >> 20);
                state = StoreDiagnostics.describe(store);
                System.out.println("[runs] " + (i + 1) + " " + state);
                System.out.printf(Locale.ROOT, "[runs] %d: pg %s h2 %s%n", i + 1, pg.get(i)[0], embedded.get(i)[0]);
            }
            lastState = state;
        }
        for (int i = 0; i < runs; i++) {
            report.add(String.format(
                    Locale.ROOT,
                    "| %d | %s | %,d (%,d) | %,d |",
                    i + 1,
                    withPostgis ? String.format(Locale.ROOT, "%,d (%,d)", pg.get(i)[0], pg.get(i)[1]) : "–",
                    embedded.get(i)[0],
                    embedded.get(i)[1],
                    sizes.get(i)));
        }
        report.add("");
        // one run (a cold first run alone, e.g. under a profiler) has no later runs to take the median of
        String later = runs < 2
                ? ""
                : String.format(
                        Locale.ROOT,
                        "Median of runs 2-%d: PostGIS %,d ms, H2GIS %,d ms; ",
                        runs,
                        median(pg.subList(1, runs)),
                        median(embedded.subList(1, runs)));
        report.add(String.format(
                Locale.ROOT,
                "%sfirst run PostGIS %,d ms, H2GIS %,d ms; the embedded file after the last run %,d MB, after closing"
                        + " (compacted) %,d MB.",
                later,
                pg.get(0)[0],
                embedded.get(0)[0],
                sizes.getLast(),
                Files.size(file) >> 20));
        report.add("");
        report.add("The embedded store after the last run (H2's figures; `StoreDiagnostics`): " + lastState);
        Path out = Path.of("target", "bench", "road-access-runs.md");
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private static long[] parse(String run) {
        Matcher m = TOTAL.matcher(run);
        if (!m.find()) {
            throw new IllegalStateException("unexpected run report: " + run);
        }
        return new long[] {Long.parseLong(m.group(1).replace(",", "")), Long.parseLong(m.group(2))};
    }

    private static long median(List<long[]> runs) {
        List<Long> totals = runs.stream().map(r -> r[0]).sorted().toList();
        return totals.get(totals.size() / 2);
    }
}
