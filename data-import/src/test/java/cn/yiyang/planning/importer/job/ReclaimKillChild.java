package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The process {@link H2gisReclaimKillTest} kills: replaces the unserved-households result layer of an embedded file
 * store run after run, as an analysis server does, so that the store frees replaced data as it writes and reuses
 * the space; prints {@code RUN n <file bytes>} after each run.
 *
 * <p>Arguments: the store's path (without .mv.db), rows a run.
 */
public final class ReclaimKillChild {

    private ReclaimKillChild() {}

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[1]);
        LayerDef unserved = LayerCatalogue.standard().get("access_household");
        try (SpatialStore store = SpatialStore.open(StoreSettings.embedded(args[0]))) {
            store.migrate();
            var repo = new JdbcFeatureRepository(store);
            for (int run = 0; run < 1_000; run++) {
                int r = run;
                repo.load(
                        unserved,
                        LoadMode.REPLACE,
                        IntStream.range(0, rows)
                                .mapToObj(i -> Feature.of(
                                        Map.of(
                                                "code", String.format("H%07d", i),
                                                "population", 1 + (i + r) % 7,
                                                "distance_m", 50.0 + (i * 31 + r) % 4_000,
                                                "run_id", "run-" + r),
                                        null))
                                .iterator());
                System.out.println("RUN " + run + " " + Files.size(Path.of(args[0] + ".mv.db")));
                System.out.flush();
            }
        }
    }
}
