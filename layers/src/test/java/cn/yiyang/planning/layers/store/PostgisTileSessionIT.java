package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Tile statements run in sessions without JIT and parallel workers ({@link SpatialStore#TILE_SESSION_SETTINGS}),
 * and nothing else does: on the tile pool of a store the app opens (settings of the session, one round trip a
 * tile), and on a store over someone else's data source (settings local to a transaction of the tile's own).
 */
class PostgisTileSessionIT {

    private static final String SETTINGS =
            "SELECT current_setting('jit'), current_setting('max_parallel_workers_per_gather')";

    private static Map<String, String> settings(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(SETTINGS)) {
            rs.next();
            return new TreeMap<>(Map.of("jit", rs.getString(1), "max_parallel_workers_per_gather", rs.getString(2)));
        }
    }

    /** The server's own settings, as a connection outside the app sees them. */
    private static Map<String, String> serverDefaults(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return settings(c);
        }
    }

    @Test
    void tileConnectionsOfAnOpenedStoreHaveTheTileSettingsAndTheMainPoolTheServers() throws Exception {
        try (TestStore t = TestStores.postgis()) {
            SpatialStore store = t.store();
            assertThat(store.withTileConnection(PostgisTileSessionIT::settings))
                    .isEqualTo(new TreeMap<>(SpatialStore.TILE_SESSION_SETTINGS));
            assertThat(store.<Boolean>withTileConnection(Connection::getAutoCommit))
                    .as("no transaction of its own")
                    .isTrue();
            for (int i = 0; i < 25; i++) { // every connection of the main pool, more than once
                assertThat(store.withConnection(PostgisTileSessionIT::settings)).isEqualTo(serverDefaults(t.jdbcUrl()));
            }
        }
    }

    /** Connections of the store's tile pool open on its database (the server's view). */
    private static int tileConnections(TestStore t) throws SQLException {
        try (Connection c = DriverManager.getConnection(t.jdbcUrl());
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND application_name = 'rural-planning-tiles'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void theTilePoolOpensWithTheFirstTileAndClosesWithTheStore() throws Exception {
        try (TestStore t = TestStores.postgis()) {
            t.store().withConnection(c -> c.isValid(1));
            assertThat(tileConnections(t)).as("a store that has served no tile").isZero();
            t.store().withTileConnection(c -> c.isValid(1));
            assertThat(tileConnections(t)).as("after the first tile").isPositive();
            t.store().close();
            long until = System.nanoTime() + 5_000_000_000L; // a backend leaves pg_stat_activity as it exits
            while (tileConnections(t) > 0 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(tileConnections(t)).as("after close").isZero();
        }
    }

    @Test
    void aStoreOverSomeoneElsesDataSourceSetsThemForTheTileOnly() throws Exception {
        try (TestStore t = TestStores.postgis()) {
            HikariConfig cfg = new HikariConfig();
            cfg.setJdbcUrl(t.jdbcUrl());
            cfg.setMaximumPoolSize(1); // the tile's connection is the next query's
            try (HikariDataSource ds = new HikariDataSource(cfg)) {
                SpatialStore store = SpatialStore.of(ds, StoreKind.POSTGIS);
                assertThat(store.withTileConnection(PostgisTileSessionIT::settings))
                        .isEqualTo(new TreeMap<>(SpatialStore.TILE_SESSION_SETTINGS));
                assertThat(store.withConnection(PostgisTileSessionIT::settings)).isEqualTo(serverDefaults(t.jdbcUrl()));
            }
        }
    }
}
