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
 * several connections (one backend builds one index at a time); the swap is one short transaction; the planner's
 * statistics are gathered just after it, off the caller's wait.
 */
final class PostgisReplace {

    private static final Logger LOG = LoggerFactory.getLogger(PostgisReplace.class);

    /**
     * Connections building the new table's indexes at once. Three kept a 2-core database busy (100,000 households'
     * seven indexes: 0.66-0.94 s on three connections, 0.83-1.11 s on one); a bigger server has more cores, but an
     * import should not take the pool from the other users.
     */
    static final int INDEX_BUILDERS = 3;

    /** The suffix of the private table a replace fills. */
    static final String FRESH_SUFFIX = "__replace";

    /** Statistics of replaced tables, gathered after the swap: one thread, so two loads do not gather at once. */
    private static final ExecutorService ANALYZER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "postgis-analyze");
        t.setDaemon(true);
        return t;
    });

    private PostgisReplace() {}

    /**
     * Replaces every row of the layer's table with {@code features}; on any failure the layer is left as it was.
     *
     * <ol>
     *   <li>One replace of a table at a time, in this process or another: a session advisory lock on the table's
     *       name, which PostgreSQL releases with the connection if the process dies.
     *   <li>COPY into a new table shaped like the layer's ({@code LIKE … INCLUDING GENERATED}: the tiles' generated
     *       columns keep their expressions), committed under a private name: a failing row rolls it back.
     *   <li>Its primary key and the layer's other indexes built over the loaded rows, {@link #INDEX_BUILDERS} at a
     *       time on separate connections (building once is far cheaper than keeping seven indexes up to date row by
     *       row, and a unique index still refuses a duplicate key).
     *   <li>In one transaction, with {@code alongside} (the load's history row): the old table dropped, the new one
     *       and its indexes and identity sequence renamed into its place. Readers keep the old rows until the commit
     *       and wait only for the swap itself.
     *   <li>ANALYZE of the new table on a background thread (without its JSON columns, which no query plans by):
     *       until it is done the planner has the row count and pages the index builds recorded, not yet the columns'
     *       statistics.
     * </ol>
     *
     * A process killed between the commit of the filled table and the swap leaves the private table behind;
     * {@link #dropLeftovers} removes it at the next start, and the next replace of the layer in any case.
     */
    static long replace(SpatialStore store, LayerDef layer, Iterator<Feature> features, Dialect.InSwap alongside)
            throws SQLException {
        String table = layer.table();
        String fresh = table + FRESH_SUFFIX;
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(true);
            lock(c, table, true);
            try {
                Shape shape = Shape.of(c, table);
                long rows = fill(c, table, fresh, layer, features);
                try {
                    buildIndexes(store, c, shape.builds(table, fresh));
                    swap(c, table, fresh, shape, rows, alongside);
                } catch (SQLException | RuntimeException e) {
                    drop(c, fresh, e);
                    throw e;
                }
                analyzeLater(store, table);
                return rows;
            } finally {
                release(c, table);
            }
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
     * Drops the private tables of replaces that a killed process left (a table {@code <layer>__replace} whose replace
     * holds no lock), called on every start after the migrations.
     */
    static void dropLeftovers(Connection c, List<LayerDef> layers) throws SQLException {
        Set<String> left = new HashSet<>();
        // One catalogue query on every start, not one per layer.
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace ="
                        + " current_schema()::regnamespace AND relname LIKE '%\\_\\_replace'")) {
            while (rs.next()) {
                left.add(rs.getString(1));
            }
        }
        for (LayerDef layer : layers) {
            String fresh = layer.table() + FRESH_SUFFIX;
            if (!left.contains(fresh)) {
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
                st.execute("DROP TABLE IF EXISTS " + fresh);
            } finally {
                lock(c, layer.table(), false);
            }
            LOG.info("dropped {}, left by an interrupted replace of layer {}", fresh, layer.id());
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
            for (String sql = queue.poll(); sql != null; sql = queue.poll()) {
                st.execute(sql);
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
                for (String[] index : shape.indexes()) {
                    st.execute("ALTER INDEX " + index[0] + "__new RENAME TO " + index[0]);
                }
                if (sequence != null) {
                    st.execute("ALTER SEQUENCE " + sequence + " RENAME TO " + table + "_id_seq");
                }
            }
            alongside.run(t, rows);
            return null;
        });
    }

    /** Statistics for the planner, but none for JSON columns (the features' extra attributes), which no query plans by. */
    private static void analyzeLater(SpatialStore store, String table) {
        ANALYZER.execute(() -> {
            try (Connection c = store.dataSource().getConnection();
                    Statement st = c.createStatement()) {
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
            } catch (SQLException | RuntimeException e) {
                // The store was closed, or the table replaced again meanwhile: autovacuum gathers them later.
                LOG.debug("statistics of {} not gathered after its replace: {}", table, e.toString());
            }
        });
    }

    /** The primary key's name and the other indexes (name, definition) of the layer's table. */
    private record Shape(String primaryKey, List<String[]> indexes) {

        static Shape of(Connection c, String table) throws SQLException {
            try (Statement st = c.createStatement()) {
                String primaryKey;
                try (ResultSet rs = st.executeQuery("SELECT conname FROM pg_constraint WHERE contype = 'p' AND"
                        + " conrelid = '" + table + "'::regclass")) {
                    primaryKey = rs.next() ? rs.getString(1) : table + "_pkey";
                }
                List<String[]> indexes = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname ="
                        + " current_schema() AND tablename = '" + table + "' AND indexname <> '" + primaryKey + "'")) {
                    while (rs.next()) {
                        indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                return new Shape(primaryKey, indexes);
            }
        }

        /**
         * The statements that build the new table's indexes: the primary key's unique index and "CREATE [UNIQUE] INDEX
         * name ON schema.table USING …" of each other index on the new table. The GiST indexes first: they take the
         * longest, so the builders end together.
         */
        List<String> builds(String table, String fresh) {
            List<String> statements = new ArrayList<>();
            statements.add("CREATE UNIQUE INDEX " + fresh + "_pkey ON " + fresh + " (id)");
            for (String[] index : indexes) {
                statements.add(index[1].replaceFirst(
                        "INDEX " + index[0] + " ON (\\S+\\.)?" + table + " ",
                        "INDEX " + index[0] + "__new ON " + fresh + " "));
            }
            statements.sort(Comparator.comparing(s -> !s.contains("USING gist")));
            return statements;
        }
    }
}
