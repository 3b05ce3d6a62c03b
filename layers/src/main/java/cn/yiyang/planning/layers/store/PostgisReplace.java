package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostGIS layer replaced by a new table swapped in (see {@link #replace}). The table is filled by COPY and committed
 * under a private name ({@code <layer>__replace}) before its indexes are built, so that they are built side by side on
 * several connections (one backend builds one index at a time); the swap is one short transaction; the layer's other
 * indexes ({@link PostgisLaterIndexes}) and the planner's statistics are built just after it, off the caller's wait.
 */
final class PostgisReplace {

    private static final Logger LOG = LoggerFactory.getLogger(PostgisReplace.class);

    /**
     * Connections building the new table's indexes at once: the spatial index on one, the unique indexes one after the
     * other on the other. The spatial index takes longest (100,000 points: GiST 150-200 ms, the primary key 30 ms,
     * the code 40 ms), so the unique ones are done on the second before the GiST index on the first, and on a 2-core
     * server the GiST build keeps a core to itself (with three connections it shared them with both unique builds); a
     * bigger server would not end sooner with more, and an import should not take the pool from the other users.
     */
    static final int INDEX_BUILDERS = 2;

    /** The suffix of the private table a replace fills. */
    static final String FRESH_SUFFIX = "__replace";

    private PostgisReplace() {}

    /**
     * Replaces every row of the layer's table with {@code features}; on any failure the layer is left as it was.
     *
     * <ol>
     *   <li>One replace of a table at a time, in this process or another: a session advisory lock on the table's
     *       name, which PostgreSQL releases with the connection if the process dies.
     *   <li>COPY into a new table shaped like the layer's ({@code LIKE … INCLUDING GENERATED}: the tiles' generated
     *       columns keep their expressions), committed under a private name: a failing row rolls it back.
     *   <li>Its primary key, unique indexes and spatial index built over the loaded rows, {@link #INDEX_BUILDERS} at
     *       a time on separate connections (building once is far cheaper than keeping indexes up to date row by row,
     *       and a unique index still refuses a duplicate key).
     *   <li>In one transaction, with {@code alongside} (the load's history row): the old table dropped, the new one
     *       and its indexes and identity sequence renamed into its place, the layer's other indexes recorded as to be
     *       built. Readers keep the old rows until the commit and wait only for the swap itself.
     *   <li>The method returns; on a thread of the store's ({@link SpatialStore#afterLoad}), still holding the lock,
     *       the other indexes are built ({@link PostgisLaterIndexes}), then ANALYZE of the new table (without its JSON
     *       columns, which no query plans by): until it is done the planner has the row count and pages the index
     *       builds recorded, not yet the columns' statistics.
     * </ol>
     *
     * A process killed between the commit of the filled table and the swap leaves the private table behind, and one
     * killed after the swap the unbuilt indexes recorded; {@link #dropLeftovers} repairs both at the next start.
     */
    static long replace(SpatialStore store, LayerDef layer, Iterator<Feature> features, Dialect.InSwap alongside)
            throws SQLException {
        String table = layer.table();
        String fresh = table + FRESH_SUFFIX;
        Connection c = store.dataSource().getConnection();
        boolean handedOver = false;
        try {
            c.setAutoCommit(true);
            lock(c, table, true);
            try {
                long start = System.nanoTime();
                Shape shape = Shape.of(c, table);
                long rows = fill(c, table, fresh, layer, features);
                long filled = System.nanoTime();
                try {
                    buildIndexes(store, c, shape.builds(table, fresh));
                    long indexed = System.nanoTime();
                    swap(c, table, fresh, shape, rows, alongside);
                    LOG.debug(
                            "layer table {}: {} rows filled in {} ms, indexes before the swap {} ms, swap {} ms",
                            table,
                            rows,
                            (filled - start) / 1_000_000,
                            (indexed - filled) / 1_000_000,
                            (System.nanoTime() - indexed) / 1_000_000);
                } catch (SQLException | RuntimeException e) {
                    drop(c, fresh, e);
                    throw e;
                }
                store.afterLoad(() -> afterSwap(c, table));
                handedOver = true;
                return rows;
            } finally {
                if (!handedOver) {
                    release(c, table);
                }
            }
        } finally {
            if (!handedOver) {
                c.close();
            }
        }
    }

    /**
     * After the swap, on the replace's connection, which still holds the layer's lock: the statistics, then the later
     * indexes ({@link PostgisLaterIndexes}) one by one; then the lock is given back. A failure leaves the unbuilt
     * indexes recorded, for the next start or the next replace of the layer.
     */
    private static void afterSwap(Connection c, String table) {
        long start = System.nanoTime();
        try (c) {
            try {
                // Statistics first, so that the planner has them for the queries that come at once; then the indexes
                // one at a time on this connection alone: a background build leaves the other cores to the users (the
                // import's own last steps, the map's first tiles); for 100,000 households it ends about 0.2 s later
                // than on three connections (0.5-0.6 s after the swap).
                analyze(c, table);
                int built = PostgisLaterIndexes.build(c, table);
                LOG.debug(
                        "layer table {}: {} later indexes and statistics built {} ms after the swap",
                        table,
                        built,
                        (System.nanoTime() - start) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                LOG.warn(
                        "layer table {}: indexes after the swap not all built, built at the next start: {}",
                        table,
                        e.toString());
            } finally {
                release(c, table);
            }
        } catch (SQLException e) {
            LOG.debug("closing the connection of a replace of {}: {}", table, e.toString());
        }
    }

    /** Drops the private table of a replace that failed; a failure to drop is added to the replace's own. */
    private static void drop(Connection c, String fresh, Exception failure) {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + fresh);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Gives the lock back; a connection that broke gave it back already (its session ended). */
    private static void release(Connection c, String table) {
        try {
            c.setAutoCommit(true);
            lock(c, table, false);
        } catch (SQLException e) {
            LOG.debug("replace lock of {} released with its connection: {}", table, e.toString());
        }
    }

    /**
     * Repairs what replaces of a stopped process left, called on every start after the migrations: drops its private
     * tables ({@code <layer>__replace}) and builds the later indexes it recorded but did not build
     * ({@link PostgisLaterIndexes}), for each layer whose replace holds no lock (none runs in another process).
     */
    static void dropLeftovers(Connection c, List<LayerDef> layers) throws SQLException {
        Set<String> left = new HashSet<>();
        // One catalogue query and one of the recorded indexes on every start, not one per layer.
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace ="
                        + " current_schema()::regnamespace AND relname LIKE '%\\_\\_replace'"
                        + " UNION SELECT DISTINCT table_name FROM layer_index_pending")) {
            while (rs.next()) {
                left.add(rs.getString(1));
            }
        }
        for (LayerDef layer : layers) {
            String fresh = layer.table() + FRESH_SUFFIX;
            if (!left.contains(fresh) && !left.contains(layer.table())) {
                continue;
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + lockKey(layer.table()) + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    continue; // a replace is running in another process
                }
            }
            try (Statement st = c.createStatement()) {
                if (left.contains(fresh)) {
                    st.execute("DROP TABLE IF EXISTS " + fresh);
                    LOG.info("dropped {}, left by an interrupted replace of layer {}", fresh, layer.id());
                }
                int built = PostgisLaterIndexes.build(c, layer.table());
                if (built > 0) {
                    LOG.info("built {} indexes of layer {} that an interrupted replace left", built, layer.id());
                }
            } finally {
                lock(c, layer.table(), false);
            }
        }
    }

    private static String lockKey(String table) {
        return "hashtext('layer replace " + table + "')";
    }

    private static void lock(Connection c, String table, boolean take) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT " + (take ? "pg_advisory_lock(" : "pg_advisory_unlock(") + lockKey(table) + ")");
        }
    }

    /** The new table, created and filled in one transaction and committed. */
    private static long fill(Connection c, String table, String fresh, LayerDef layer, Iterator<Feature> features)
            throws SQLException {
        return SpatialStore.inTransaction(c, t -> {
            try (Statement st = t.createStatement()) {
                // No wait for this commit's WAL flush: the swap's commit flushes it (WAL is flushed in order), and a
                // private table lost in a crash before the swap is one that dropLeftovers would drop anyway.
                st.execute("SET LOCAL synchronous_commit = off");
                st.execute("DROP TABLE IF EXISTS " + fresh);
                st.execute("CREATE TABLE " + fresh + " (LIKE " + table + " INCLUDING DEFAULTS INCLUDING IDENTITY"
                        + " INCLUDING GENERATED INCLUDING CONSTRAINTS INCLUDING STORAGE)");
            }
            return PostgisDialect.copy(t, fresh, layer, features);
        });
    }

    /**
     * Runs the statements on up to {@link #INDEX_BUILDERS} connections ({@code own} and others from the store's pool),
     * each taking the next statement when it is done; the first failure is thrown once all have stopped.
     */
    private static void buildIndexes(SpatialStore store, Connection own, List<String> statements) throws SQLException {
        Queue<String> queue = new ConcurrentLinkedQueue<>(statements);
        int others = Math.min(statements.size(), INDEX_BUILDERS) - 1;
        List<Future<Void>> running = new ArrayList<>();
        try (ExecutorService builders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < others; i++) {
                running.add(builders.submit(() -> {
                    try (Connection c = store.dataSource().getConnection()) {
                        c.setAutoCommit(true);
                        drain(c, queue);
                    }
                    return null;
                }));
            }
            SQLException failure = null;
            try {
                drain(own, queue);
            } catch (SQLException e) {
                failure = e;
                queue.clear();
            }
            for (Future<Void> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    queue.clear();
                    if (failure == null) {
                        failure = e.getCause() instanceof SQLException s
                                ? s
                                : new SQLException("building an index failed", e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while building indexes", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static void drain(Connection c, Queue<String> queue) throws SQLException {
        try (Statement st = c.createStatement()) {
            // as in fill: the swap's commit flushes the builds' WAL; the setting is the session's, so it is put back
            st.execute("SET synchronous_commit = off");
            try {
                for (String sql = queue.poll(); sql != null; sql = queue.poll()) {
                    st.execute(sql);
                }
            } finally {
                try {
                    st.execute("RESET synchronous_commit");
                } catch (SQLException e) {
                    LOG.debug(
                            "synchronous_commit not reset on a broken connection, which the pool drops: {}",
                            e.toString());
                }
            }
        }
    }

    /** The swap, with {@code alongside}, in one transaction. */
    private static void swap(Connection c, String table, String fresh, Shape shape, long rows, Dialect.InSwap alongside)
            throws SQLException {
        SpatialStore.inTransaction(c, t -> {
            try (Statement st = t.createStatement()) {
                st.execute("ALTER TABLE " + fresh + " ADD CONSTRAINT " + fresh + "_pkey PRIMARY KEY USING INDEX "
                        + fresh + "_pkey");
                String sequence;
                try (ResultSet rs = st.executeQuery("SELECT pg_get_serial_sequence('" + fresh + "', 'id')")) {
                    rs.next();
                    sequence = rs.getString(1);
                }
                st.execute("DROP TABLE " + table);
                st.execute("ALTER TABLE " + fresh + " RENAME TO " + table);
                st.execute("ALTER INDEX " + fresh + "_pkey RENAME TO " + shape.primaryKey());
                for (String[] index : shape.before()) {
                    st.execute("ALTER INDEX " + index[0] + "__new RENAME TO " + index[0]);
                }
                if (sequence != null) {
                    st.execute("ALTER SEQUENCE " + sequence + " RENAME TO " + table + "_id_seq");
                }
            }
            PostgisLaterIndexes.record(t, table, shape.later());
            alongside.run(t, rows);
            return null;
        });
    }

    /** Statistics for the planner, but none for JSON columns (the features' extra attributes), which no query plans by. */
    private static void analyze(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement()) {
            String columns;
            try (ResultSet rs = st.executeQuery("SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum)"
                    + " FROM pg_attribute WHERE attrelid = to_regclass('" + table + "') AND attnum > 0"
                    + " AND NOT attisdropped AND atttypid NOT IN ('jsonb'::regtype, 'json'::regtype)")) {
                rs.next();
                columns = rs.getString(1);
            }
            if (columns != null) {
                st.execute("ANALYZE " + table + " (" + columns + ")");
            }
        }
    }

    /**
     * The primary key's name and the other indexes (name, definition) of the layer's table: those built before the
     * swap and those built after it ({@link PostgisLaterIndexes}). The later ones are the table's and those recorded
     * but not built yet (a replace stopped before building them).
     */
    private record Shape(String primaryKey, List<String[]> before, List<String[]> later) {

        static Shape of(Connection c, String table) throws SQLException {
            try (Statement st = c.createStatement()) {
                String primaryKey;
                try (ResultSet rs = st.executeQuery("SELECT conname FROM pg_constraint WHERE contype = 'p' AND"
                        + " conrelid = '" + table + "'::regclass")) {
                    primaryKey = rs.next() ? rs.getString(1) : table + "_pkey";
                }
                List<String[]> before = new ArrayList<>();
                List<String[]> later = new ArrayList<>();
                Set<String> names = new HashSet<>();
                try (ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname ="
                        + " current_schema() AND tablename = '" + table + "' AND indexname <> '" + primaryKey + "'")) {
                    while (rs.next()) {
                        String[] index = {rs.getString(1), rs.getString(2)};
                        (PostgisLaterIndexes.beforeSwap(index[1]) ? before : later).add(index);
                        names.add(index[0]);
                    }
                }
                for (String[] recorded : PostgisLaterIndexes.recorded(c, table)) {
                    if (names.add(recorded[0])) {
                        later.add(recorded);
                    }
                }
                return new Shape(primaryKey, before, later);
            }
        }

        /**
         * The statements that build the new table's indexes before the swap: the primary key's unique index and
         * "CREATE [UNIQUE] INDEX name ON schema.table USING …" of each other such index on the new table. The GiST
         * index first: it takes the longest, so the builders end together.
         */
        List<String> builds(String table, String fresh) {
            List<String> statements = new ArrayList<>();
            statements.add("CREATE UNIQUE INDEX " + fresh + "_pkey ON " + fresh + " (id)");
            for (String[] index : before) {
                statements.add(index[1].replaceFirst(
                        "INDEX " + index[0] + " ON (\\S+\\.)?" + table + " ",
                        "INDEX " + index[0] + "__new ON " + fresh + " "));
            }
            statements.sort(Comparator.comparing(s -> !s.contains("USING gist")));
            return statements;
        }
    }
}
