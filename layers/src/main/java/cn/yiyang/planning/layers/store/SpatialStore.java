package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store: a pooled data source and its {@link Dialect}. {@link #migrate()} brings an empty
 * database to the current schema with Flyway.
 *
 * <p>A PostGIS store it opens also has a second pool for vector tiles ({@link #withTileConnection}),
 * opened by {@link #openTilePool()} or else with the first tile: short read-only statements that many map users send at once, each one
 * round trip. Its sessions have {@link #TILE_SESSION_SETTINGS}, so the statements need no transaction of
 * their own to set them.
 */
public final class SpatialStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpatialStore.class);

    /**
     * The planner settings of tile sessions. PostGIS gives its functions high planner costs, so a tile's
     * estimate passes PostgreSQL's JIT thresholds and every request would be compiled by LLVM (a z8 road
     * tile of the full demo city: 295 ms with JIT, 32 ms without), and parallel workers only add start-up
     * cost to a query of a few milliseconds while concurrent tile requests already keep every core busy
     * (a dense z13 household tile: 42 ms with workers, 18 ms without).
     */
    public static final Map<String, String> TILE_SESSION_SETTINGS =
            Map.of("jit", "off", "max_parallel_workers_per_gather", "0");
    /**
     * Run once by each new tile connection, so that a map user's first tile on it does not pay for it: a
     * new PostgreSQL backend loads PostGIS (about 8 ms) on its first spatial call and sets up PROJ's
     * EPSG:4490 to Web Mercator transformation (about 40 ms) on its first {@code ST_Transform}, which
     * label points of polygon layers use (measured with psql on this machine: a village tile 45 ms on a
     * new backend, 1.3 ms after this, 0.9 ms warm).
     */
    static final String TILE_SESSION_WARM_UP = "SELECT ST_Transform(ST_SetSRID(ST_MakePoint(112, 28), 4490), 3857)";
    /**
     * At most this many tile connections, as the main pool: tile statements are CPU-bound, and beyond
     * about two per database core more at once only queue inside the server.
     */
    static final int TILE_POOL_SIZE = 20;
    /**
     * Tile connections kept open when the map is quiet. A new one costs the database about 60 ms here
     * (SCRAM sign-in and {@link #TILE_SESSION_WARM_UP}), so the pool grows with the requests at once and
     * shrinks back after ten idle minutes (Hikari's default), rather than opening all
     * {@link #TILE_POOL_SIZE} at the first tile: that burst delayed the first map render by a third.
     */
    static final int TILE_MIN_IDLE = 4;
    /**
     * Main-pool connections kept open on PostGIS (it grows to 20 under load): with the tile pool's, an app
     * holds 14 connections when quiet, fewer than the 20 it held before tiles had their own pool.
     */
    static final int MAIN_MIN_IDLE = 10;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final AutoCloseable owned;
    /** The embedded store's settings, to compact its file after the pool is closed (null otherwise). */
    private final StoreSettings embedded;
    /** The settings of a PostGIS store opened here, for its tile pool (null otherwise: no tile pool). */
    private final StoreSettings tileSettings;
    /** Frees the space of replaced data of an embedded file store while it is open (null otherwise). */
    private final EmbeddedReclaim reclaim;
    /** The tile pool (see the class comment); null until opened, so a store that serves no tiles has none. */
    private volatile HikariDataSource tilePool;
    /**
     * What a load leaves to do after its caller's wait (a PostGIS replace's later indexes and statistics:
     * {@link PostgisLaterIndexes}), one thread a load; {@link #close} waits for it.
     */
    private final ExecutorService afterLoads = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("store-after-load-", 0).factory());
    /** The after-load work not yet finished, for {@link #awaitAfterLoadWork}. */
    private final Queue<Future<?>> afterLoadWork = new ConcurrentLinkedQueue<>();

    private boolean closed;

    private SpatialStore(
            DataSource dataSource,
            Dialect dialect,
            AutoCloseable owned,
            StoreSettings embedded,
            StoreSettings tileSettings) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.owned = owned;
        this.embedded = embedded;
        this.tileSettings = tileSettings;
        this.reclaim = embedded == null ? null : new EmbeddedReclaim();
    }

    /** Opens a connection pool to the store the settings name. */
    public static SpatialStore open(StoreSettings settings) {
        boolean embedded =
                settings.kind() == StoreKind.H2GIS && settings.jdbcUrl().startsWith("jdbc:h2:file:");
        if (embedded) {
            EmbeddedCompaction.compactIfSparse(settings); // left sparse by a process that did not close it
        }
        boolean postgis = settings.kind() == StoreKind.POSTGIS;
        HikariConfig cfg = poolConfig(settings, "planning-store");
        cfg.setMaximumPoolSize(postgis ? 20 : 8);
        if (postgis) {
            cfg.setMinimumIdle(MAIN_MIN_IDLE);
            cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
            cfg.addDataSourceProperty("ApplicationName", "rural-planning");
        }
        HikariDataSource ds = new HikariDataSource(cfg);
        return new SpatialStore(
                ds, Dialect.of(settings.kind()), ds, embedded ? settings : null, postgis ? settings : null);
    }

    /** The tile pool, opened on first use; null when the store has none. */
    private HikariDataSource tilePool() {
        HikariDataSource pool = tilePool;
        return pool != null || tileSettings == null ? pool : openPool();
    }

    /**
     * Opens the tile pool of a PostGIS store now rather than at the first tile; it then opens its first
     * {@link #TILE_MIN_IDLE} connections in the background. The app does so at start, so that its first
     * map view does not wait for them; a store that serves no tiles (most tests) never needs to. Does
     * nothing on other stores.
     */
    public void openTilePool() {
        if (tileSettings != null) {
            openPool();
        }
    }

    private synchronized HikariDataSource openPool() {
        if (tilePool == null && !closed) {
            HikariConfig t = poolConfig(tileSettings, "planning-tiles");
            t.setMaximumPoolSize(TILE_POOL_SIZE);
            t.setMinimumIdle(TILE_MIN_IDLE);
            t.setReadOnly(true);
            t.setConnectionInitSql(setAll(false) + "; " + TILE_SESSION_WARM_UP);
            t.addDataSourceProperty("ApplicationName", "rural-planning-tiles");
            tilePool = new HikariDataSource(t);
        }
        return tilePool;
    }

    private static HikariConfig poolConfig(StoreSettings settings, String name) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            cfg.setUsername(settings.user());
        }
        if (settings.password() != null) {
            cfg.setPassword(settings.password());
        }
        cfg.setPoolName(name);
        cfg.setInitializationFailTimeout(-1);
        return cfg;
    }

    /** {@link #TILE_SESSION_SETTINGS} as SET statements, for a session or (local) for one transaction. */
    private static String setAll(boolean local) {
        return TILE_SESSION_SETTINGS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> (local ? "SET LOCAL " : "SET ") + e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** A store over a data source someone else owns (and closes). Its tiles use that data source too. */
    public static SpatialStore of(DataSource dataSource, StoreKind kind) {
        return new SpatialStore(dataSource, Dialect.of(kind), null, null, null);
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
                afterWork(c); // the migrations and repairs stored: a kill now leaves a store that opens
            } catch (SQLException e) {
                throw translate("checking the spatial indexes", e);
            }
        } catch (FlywayException e) {
            // PostgreSQL's words when the extension is not installed on the server; not any message that names the
            // migrations' folder (db/migration/postgis), which every failing PostGIS migration does.
            String text = e.getMessage() == null ? "" : e.getMessage();
            boolean missing = text.contains("extension \"postgis\"") || text.contains("postgis.control");
            throw new StoreException(
                    missing ? StoreException.Reason.POSTGIS_MISSING : StoreException.Reason.MIGRATION_FAILED,
                    missing ? "the PostGIS extension is not available in this database" : "the schema migration failed",
                    e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            T result = inTransaction(c, work);
            afterWork(c);
            return result;
        } catch (SQLException e) {
            throw translate("a transaction", e);
        }
    }

    /** Runs {@code work} in one transaction on {@code c}: committed when it returns, rolled back when it throws. */
    static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
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
    }

    /**
     * After work on {@code c} on an embedded file store: writes what it committed to the file, then frees the space
     * of replaced data ({@link EmbeddedReclaim}).
     *
     * <p>H2 keeps a commit in memory until its background writer stores it, up to half a second later (its write
     * delay), so a process killed in that time lost writes it had reported done: an edit, an analysis run's results,
     * the last steps of a first migration (the next start then failed to migrate). Stored here, a write that has
     * returned survives the process; as on PostgreSQL without the sync, a power cut can still lose the last
     * seconds. A store with nothing unsaved, as after a read, writes nothing. A failure is logged: the work is
     * committed, and H2's writer will try again.
     */
    private void afterWork(Connection c) {
        if (reclaim == null) {
            return;
        }
        try {
            MVStore mv = EmbeddedReclaim.mvStore(c);
            if (mv == null || mv.isReadOnly() || mv.isClosed()) {
                return;
            }
            if (mv.hasUnsavedChanges()) {
                mv.commit();
            }
            reclaim.afterCommit(mv);
        } catch (SQLException | RuntimeException e) {
            log.warn("The embedded store's last writes could not be stored or its space freed now: {}", e.getMessage());
        }
    }

    /**
     * Runs {@code work} on a pooled connection: reads, and writes that commit as they go or manage their own
     * transaction.
     */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            T result = work.run(c);
            afterWork(c);
            return result;
        } catch (SQLException e) {
            throw translate("a query", e);
        }
    }

    /**
     * Reads a large result row by row, without holding it whole: in a transaction with a fetch size (PostgreSQL
     * streams only so), and on the embedded store lazily ({@link Dialect#streaming}).
     *
     * @param sql the query
     * @param bind sets its placeholders
     * @param fetchSize rows fetched at a time
     * @param row reads the current row
     */
    public void stream(String sql, SqlBind bind, int fetchSize, SqlRow row) {
        withConnection(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                dialect.streaming(c, true);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind.bind(ps);
                    ps.setFetchSize(fetchSize);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            row.read(rs);
                        }
                    }
                }
                c.commit();
            } finally {
                try {
                    c.rollback(); // nothing after the commit; what a failed read began
                    dialect.streaming(c, false);
                } finally {
                    c.setAutoCommit(auto);
                }
            }
            return null;
        });
    }

    /**
     * Runs a read-only tile statement ({@link cn.yiyang.planning.layers.tiles.TileSource}) in a session
     * with {@link #TILE_SESSION_SETTINGS}: on the tile pool of a PostGIS store in one round trip; on a
     * PostGIS store over someone else's data source in a transaction of its own that sets them locally;
     * on the embedded store as {@link #withConnection}.
     */
    public <T> T withTileConnection(SqlWork<T> work) {
        HikariDataSource pool = tilePool();
        if (pool != null) {
            try (Connection c = pool.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                throw translate("a tile query", e);
            }
        }
        if (kind() != StoreKind.POSTGIS) {
            return withConnection(work);
        }
        return inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(setAll(true));
            }
            return work.run(c);
        });
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
        afterLoads.close(); // waits for the loads' later indexes: the next start would build them anyway, but slower
        synchronized (this) {
            closed = true;
            if (tilePool != null) {
                tilePool.close();
            }
        }
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

    /**
     * Runs {@code work} after a load, off its caller's wait ({@link PostgisReplace}); a store being closed runs it
     * on the caller's thread.
     */
    void afterLoad(Runnable work) {
        try {
            afterLoadWork.add(afterLoads.submit(work));
        } catch (RejectedExecutionException e) {
            work.run();
        }
        afterLoadWork.removeIf(Future::isDone);
    }

    /**
     * Waits until the work loads left to do after their callers' wait is done: on PostGIS, the replaced layers'
     * indexes other than the primary key, the unique ones and the spatial index, and their statistics (see
     * {@link PostgisLaterIndexes}). For tests and benchmarks that look at the indexes or at query plans right after a
     * load; the app never needs to wait, since a layer is complete and queryable once its load returns.
     */
    public void awaitAfterLoadWork() {
        for (Future<?> f = afterLoadWork.peek(); f != null; f = afterLoadWork.peek()) {
            try {
                f.get();
            } catch (ExecutionException e) {
                log.warn("work after a load failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            afterLoadWork.remove(f);
        }
    }

    /** Sets a statement's placeholders. */
    @FunctionalInterface
    public interface SqlBind {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row of a result set. */
    @FunctionalInterface
    public interface SqlRow {
        void read(ResultSet row) throws SQLException;
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
