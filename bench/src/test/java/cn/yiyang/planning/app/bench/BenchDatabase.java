package cn.yiyang.planning.app.bench;

import cn.yiyang.planning.demo.DemoCityGenerator;
import cn.yiyang.planning.demo.DemoDataLoader;
import cn.yiyang.planning.demo.DemoLoadReport;
import cn.yiyang.planning.demo.DemoScale;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcLayerLoadRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Benchmark stores holding the FULL synthetic city, filled on first use and kept between runs: a PostGIS database on
 * the test server ({@code PLANNING_TEST_DB_URL}), or an H2GIS file.
 */
public final class BenchDatabase {

    /** The source recorded with the loads of the city; a store loaded by another version is filled again. */
    static final String SOURCE = "synthetic demo city (full, households along their roads: issue 14)";

    private BenchDatabase() {}

    /**
     * @param db the database name on the test server
     * @return its JDBC URL, migrated and holding the full city
     */
    public static String postgis(String db) {
        if (!db.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + db);
        }
        String admin = TestStores.adminUrl();
        try (Connection c = DriverManager.getConnection(admin);
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + db);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + db + ": " + e.getMessage(), e);
        }
        String url = TestStores.withDatabase(admin, db);
        fill(new StoreSettings(url, null, null), true);
        return url;
    }

    /**
     * @param path the H2GIS file path (without .mv.db)
     * @return the settings of the store, migrated and holding the full city
     */
    public static StoreSettings h2gis(String path) {
        StoreSettings settings = StoreSettings.embedded(path);
        fill(settings, false);
        return settings;
    }

    private static void fill(StoreSettings settings, boolean vacuum) {
        try (SpatialStore store = SpatialStore.open(settings)) {
            store.migrate();
            LayerCatalogue catalogue = LayerCatalogue.standard();
            FeatureRepository repo = new JdbcFeatureRepository(store);
            var loads = new JdbcLayerLoadRepository(store);
            // Filled by this version of the demo city (its households moved along their roads with issue 14): else fill
            // again.
            boolean current = loads.latest("water_work")
                    .map(l -> SOURCE.equals(l.source()))
                    .orElse(false);
            if (current && repo.summary(catalogue.get("household")).featureCount() >= 300_000) {
                return;
            }
            long t = System.nanoTime();
            DemoLoadReport report =
                    new DemoDataLoader(repo, catalogue).load(DemoScale.FULL, DemoCityGenerator.DEFAULT_SEED);
            report.counts()
                    .forEach((layer, n) ->
                            loads.record(new LayerLoad(layer, SOURCE, true, "REPLACE", n, "benchmark", null)));
            System.out.printf(
                    Locale.ROOT,
                    "[bench] loaded the full city (%d features) in %.1f s%n",
                    report.total(),
                    (System.nanoTime() - t) / 1e9);
            if (vacuum) {
                store.withConnection(conn -> {
                    try (Statement st = conn.createStatement()) {
                        st.execute("VACUUM ANALYZE");
                    }
                    return null;
                });
            }
        }
    }
}
