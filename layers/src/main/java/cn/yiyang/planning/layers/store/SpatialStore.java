package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A store: a pooled data source and its {@link Dialect}. {@link #migrate()} brings an empty
 * database to the current schema with Flyway.
 */
public final class SpatialStore implements AutoCloseable {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final AutoCloseable owned;
    /** The embedded store's settings, to compact its file after the pool is closed (null otherwise). */
    private final StoreSettings embedded;

    private SpatialStore(DataSource dataSource, Dialect dialect, AutoCloseable owned, StoreSettings embedded) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.owned = owned;
        this.embedded = embedded;
    }

    /** Opens a connection pool to the store the settings name. */
    public static SpatialStore open(StoreSettings settings) {
        boolean embedded = settings.kind() == StoreKind.H2GIS && settings.jdbcUrl().startsWith("jdbc:h2:file:");
        if (embedded) {
            EmbeddedCompaction.compactIfSparse(settings); // left sparse by a process that did not close it
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            cfg.setUsername(settings.user());
        }
        if (settings.password() != null) {
            cfg.setPassword(settings.password());
        }
        cfg.setPoolName("planning-store");
        cfg.setMaximumPoolSize(settings.kind() == StoreKind.H2GIS ? 8 : 20);
        cfg.setInitializationFailTimeout(-1);
        if (settings.kind() == StoreKind.POSTGIS) {
            cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
            cfg.addDataSourceProperty("ApplicationName", "rural-planning");
        }
        HikariDataSource ds = new HikariDataSource(cfg);
        return new SpatialStore(ds, Dialect.of(settings.kind()), ds, embedded ? settings : null);
    }

    /** A store over a data source someone else owns (and closes). */
    public static SpatialStore of(DataSource dataSource, StoreKind kind) {
        return new SpatialStore(dataSource, Dialect.of(kind), null, null);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public StoreKind kind() {
        return dialect.kind();
    }

    /** Brings the database to the current schema. Safe to call on every start. */
    public void migrate() {
        try (Connection c = dataSource.getConnection()) {
            dialect.prepareDatabase(c);
        } catch (SQLException e) {
            throw translate("preparing the database", e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocation())
                    // The spatial extension's own objects (spatial_ref_sys, geometry_columns) may be
                    // there before our first migration: baseline below V1 rather than refuse.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            try (Connection c = dataSource.getConnection()) {
                dialect.repairAfterInterruptedLoads(c, LayerCatalogue.standard().layers());
            } catch (SQLException e) {
                throw translate("checking the spatial indexes", e);
            }
        } catch (FlywayException e) {
            String msg = e.getMessage() != null && e.getMessage().contains("postgis")
                    ? "the PostGIS extension is not available in this database"
                    : "the schema migration failed";
            throw new StoreException(msg.contains("PostGIS") ? StoreException.Reason.POSTGIS_MISSING
                    : StoreException.Reason.MIGRATION_FAILED, msg, e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw translate("a transaction", e);
        }
    }

    /** Runs read-only {@code work} on a pooled connection. */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate("a query", e);
        }
    }

    /** Turns a driver exception into a {@link StoreException} whose message leaks nothing. */
    static StoreException translate(String doing, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        StoreException.Reason reason;
        if (state.startsWith("08")) {
            reason = StoreException.Reason.UNAVAILABLE;
        } else if (state.startsWith("23")) {
            reason = StoreException.Reason.CONSTRAINT_VIOLATED;
        } else {
            reason = StoreException.Reason.QUERY_FAILED;
        }
        return new StoreException(reason, doing + " failed (SQLSTATE " + state + ")", e);
    }

    /**
     * Closes the pool this store opened; an embedded file store is then compacted if replaced data
     * have left its file mostly empty (see {@link EmbeddedCompaction}).
     */
    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the store", e);
            }
        }
        if (embedded != null) {
            EmbeddedCompaction.compactIfSparse(embedded);
        }
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
