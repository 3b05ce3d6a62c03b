package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureWriteRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The process {@link H2gisKilledAfterWriteTest} kills: on an embedded file store, edits a road (an insert through the
 * write path) and replaces a result layer (an analysis run's rows), prints {@code WROTE n} when both have returned,
 * then waits for the next line on its input before it writes again.
 *
 * <p>Argument: the store's path (without .mv.db).
 */
public final class KilledAfterWriteChild {

    private KilledAfterWriteChild() {}

    public static void main(String[] args) throws Exception {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        LayerDef road = catalogue.get("road");
        LayerDef unserved = catalogue.get("access_household");
        GeometryFactory gf = new GeometryFactory();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (SpatialStore store = SpatialStore.open(StoreSettings.embedded(args[0]))) {
            store.migrate();
            var writes = new JdbcFeatureWriteRepository(store);
            var loads = new JdbcFeatureRepository(store);
            for (int n = 0; ; n++) {
                double x = 112.40 + n * 0.001;
                writes.insert(
                        road,
                        Feature.of(
                                Map.of("code", "K" + n, "admin_class", "village"),
                                gf.createLineString(
                                        new Coordinate[] {new Coordinate(x, 28.5), new Coordinate(x + 0.001, 28.51)})),
                        "kill-test");
                loads.load(
                        unserved,
                        LoadMode.REPLACE,
                        List.of(Feature.of(
                                        Map.of(
                                                "code",
                                                "H" + n,
                                                "population",
                                                3,
                                                "distance_m",
                                                600.0,
                                                "run_id",
                                                "run-" + n),
                                        null))
                                .iterator());
                System.out.println("WROTE " + n);
                System.out.flush();
                if (in.readLine() == null) {
                    return;
                }
            }
        }
    }
}
