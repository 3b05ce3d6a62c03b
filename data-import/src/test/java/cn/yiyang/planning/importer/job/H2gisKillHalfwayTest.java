package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * An embedded H2GIS file database whose writer is killed half-way. H2's R-tree does not survive such
 * a kill (the file cannot be reopened, or uncommitted rows reappear), so the H2GIS dialect drops a
 * layer's spatial index for the length of a bulk load and the store recreates any missing one on
 * start; this test holds the result to the same contract as PostGIS.
 */
class H2gisKillHalfwayTest extends KillHalfwayContract {

    private Path dir;
    private StoreSettings settings;

    @Override
    SpatialStore openStore() throws Exception {
        if (dir == null) {
            dir = tempDir();
            settings = StoreSettings.embedded(dir.resolve("planning").toString());
        }
        SpatialStore store = SpatialStore.open(settings);
        store.migrate();
        return store;
    }

    @Override
    void releaseStore(SpatialStore store) {
        store.close();
    }

    @Override
    List<String> childConnection() {
        return List.of(settings.jdbcUrl(), settings.user(), settings.password().isEmpty() ? "-" : settings.password());
    }

    @Override
    void dropStore() throws Exception {
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
