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
        Path dir = Path.of("target", "bench", "h2-runs");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        long fill = System.nanoTime();
        StoreSettings h2 =
                BenchDatabase.h2gis(dir.resolve("planning").toAbsolutePath().toString());
        long fillMs = (System.nanoTime() - fill) / 1_000_000;
        Path file = dir.resolve("planning.mv.db");
        String pgUrl = BenchDatabase.postgis("planning_access_bench");

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
        report.add("| run | PostGIS ms (store) | H2GIS ms (store) | H2GIS file MB after the run |");
        report.add("|---|---|---|---|");
        List<long[]> pg = new ArrayList<>();
        try (SpatialStore store = SpatialStore.open(new StoreSettings(pgUrl, null, null))) {
            for (int i = 0; i < runs; i++) {
                pg.add(parse(RoadAccessBenchmark.serviceRun(store)));
            }
        }
        List<long[]> embedded = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        try (SpatialStore store = SpatialStore.open(h2)) {
            for (int i = 0; i < runs; i++) {
                embedded.add(parse(RoadAccessBenchmark.serviceRun(store)));
                sizes.add(Files.size(file) >> 20);
                System.out.printf(Locale.ROOT, "[runs] %d: pg %s h2 %s%n", i + 1, pg.get(i)[0], embedded.get(i)[0]);
            }
        }
        for (int i = 0; i < runs; i++) {
            report.add(String.format(
                    Locale.ROOT,
                    "| %d | %,d (%,d) | %,d (%,d) | %,d |",
                    i + 1,
                    pg.get(i)[0],
                    pg.get(i)[1],
                    embedded.get(i)[0],
                    embedded.get(i)[1],
                    sizes.get(i)));
        }
        report.add("");
        report.add(String.format(
                Locale.ROOT,
                "Median of runs 2-%d: PostGIS %,d ms, H2GIS %,d ms; first run PostGIS %,d ms, H2GIS %,d ms; the"
                        + " embedded file after the last run %,d MB, after closing (compacted) %,d MB.",
                runs,
                median(pg.subList(1, runs)),
                median(embedded.subList(1, runs)),
                pg.get(0)[0],
                embedded.get(0)[0],
                sizes.getLast(),
                Files.size(file) >> 20));
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
