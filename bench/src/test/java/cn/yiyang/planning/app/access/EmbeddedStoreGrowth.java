package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.bench.BenchDatabase;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How the embedded store's file grows over repeated full-city road-access runs (an experiment, run by hand). */
class EmbeddedStoreGrowth {

    @Test
    void fileSizeOverRuns() throws Exception {
        Path dir = Path.of("target", "bench", "h2-full");
        StoreSettings h2 =
                BenchDatabase.h2gis(dir.resolve("planning").toAbsolutePath().toString());
        Path file = dir.resolve("planning.mv.db");
        System.out.printf(Locale.ROOT, "[growth] start: %,d MB%n", Files.size(file) >> 20);
        for (int i = 1; i <= Integer.getInteger("growth.runs", 6); i++) {
            String what;
            try (SpatialStore store = SpatialStore.open(h2)) {
                what = RoadAccessBenchmark.serviceRun(store);
                System.out.printf(Locale.ROOT, "[growth] run %d open: %,d MB (%s)%n", i, Files.size(file) >> 20, what);
            }
            System.out.printf(Locale.ROOT, "[growth] run %d closed: %,d MB%n", i, Files.size(file) >> 20);
        }
    }
}
