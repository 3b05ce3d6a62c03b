package cn.yiyang.planning.layers.testsupport;

import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreKind;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;

/**
 * Fresh, migrated stores for tests. PostGIS comes from {@code PLANNING_TEST_DB_URL} (a database
 * whose user may create databases; each store gets a new database, dropped on close), or from
 * Testcontainers where Docker runs. With neither, the test fails and says what to do: it never
 * skips.
 */
public final class TestStores {

    public static final String ENV = "PLANNING_TEST_DB_URL";
    private static String containerUrl;

    private TestStores() {}

    /** A new, migrated store of the given kind. Close it to drop it. */
    public static TestStore create(StoreKind kind) {
        return kind == StoreKind.POSTGIS ? postgis() : h2gis();
    }

    /**
     * A new, empty store of the given kind that {@code migration} brings to the schema a test needs (for
     * example an older version, to test a migration from it). Close it to drop it.
     */
    public static TestStore create(StoreKind kind, Consumer<SpatialStore> migration) {
        return kind == StoreKind.POSTGIS ? postgis(migration) : h2gis(migration);
    }

    /** A new store of the given kind migrated up to {@code version} only, to test a migration from there. */
    public static TestStore createAt(StoreKind kind, String version) {
        return create(kind, store -> {
            try (Connection c = store.dataSource().getConnection()) {
                store.dialect().prepareDatabase(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Flyway.configure()
                    .dataSource(store.dataSource())
                    .locations(store.dialect().migrationLocation())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .target(version)
                    .load()
                    .migrate();
        });
    }

    /** A new in-memory H2GIS store, migrated. */
    public static TestStore h2gis() {
        return h2gis(SpatialStore::migrate);
    }

    private static TestStore h2gis(Consumer<SpatialStore> migration) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        SpatialStore store = SpatialStore.open(new StoreSettings(url, "sa", ""));
        migration.accept(store);
        return new TestStore(store, url, () -> {
            store.close();
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                    Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        });
    }

    /** A new PostGIS database, migrated. */
    public static TestStore postgis() {
        return postgis(SpatialStore::migrate);
    }

    private static TestStore postgis(Consumer<SpatialStore> migration) {
        PostgisDatabase db = newPostgisDatabase("");
        SpatialStore store = SpatialStore.open(new StoreSettings(db.url(), null, null));
        migration.accept(store);
        return new TestStore(store, db.url(), () -> {
            store.close();
            db.close();
        });
    }

    /**
     * A new, empty database on the tests' PostGIS server, created with {@code options} (e.g. an encoding); close it
     * to drop it.
     */
    public static PostgisDatabase newPostgisDatabase(String options) {
        String adminUrl = adminUrl();
        String db =
                "planning_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db + (options.isEmpty() ? "" : " " + options));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a test database through " + ENV
                            + " (the user needs CREATEDB and the postgis extension must be installed): "
                            + e.getMessage(),
                    e);
        }
        return new PostgisDatabase(withDatabase(adminUrl, db), db, adminUrl);
    }

    /** A database made by {@link #newPostgisDatabase}: its JDBC URL (credentials included); closing drops it. */
    public record PostgisDatabase(String url, String name, String adminUrl) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (Connection c = DriverManager.getConnection(adminUrl);
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** The JDBC URL of the PostGIS server the tests use (PLANNING_TEST_DB_URL or a container). */
    public static synchronized String adminUrl() {
        String url = System.getenv(ENV);
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (containerUrl == null) {
            containerUrl = PostgisContainer.startOrExplain();
        }
        return containerUrl;
    }

    /** The same server URL pointing at another database. */
    public static String withDatabase(String url, String db) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int q = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + db + (q >= 0 ? url.substring(q) : "");
    }

    /** A store, its JDBC URL (credentials included) and how to throw it away. */
    public record TestStore(SpatialStore store, String jdbcUrl, Dropper dropper) implements AutoCloseable {
        public StoreKind kind() {
            return store.kind();
        }

        @Override
        public void close() throws Exception {
            dropper.drop();
        }

        @Override
        public String toString() {
            return kind().name().toLowerCase(Locale.ROOT);
        }
    }

    /** Drops a test store. */
    @FunctionalInterface
    public interface Dropper {
        void drop() throws Exception;
    }
}
