package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Disabled;

/**
 * An embedded H2GIS file database whose writer is killed half-way. Disabled because it fails, and
 * not for want of a transaction: with H2 2.4.240 a database file that has a SPATIAL index cannot be
 * reopened after its writer is killed during a load ("MVStoreException: Unable to read the page …
 * ClassCastException: ValueDataType cannot be cast to SpatialDataType"). Plain JDBC reproduces it
 * (4 of 4 runs; 2 of 3 even when committing every 2,000 rows), and without the spatial index the
 * same kill leaves exactly the old rows. Enable it when H2 fixes crash recovery of R-tree indexes.
 */
@Disabled("H2 2.4.240 cannot reopen a file with a SPATIAL index after a kill during writes (see the class comment)")
class H2gisKillHalfwayIT extends KillHalfwayContract {

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
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
