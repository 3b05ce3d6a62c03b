package cn.yiyang.planning.layers.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexes of a replaced PostGIS layer that are built after the swap ({@link PostgisReplace}), off the load's wait:
 * every index but the primary key, the unique indexes and the GiST index of {@code geom}, which are built before it.
 *
 * <p>Why: on a 2-core server the seven indexes of 100,000 households take 0.3 s of a 1 s import, and a layer is
 * complete without most of them. The primary key and the unique indexes must be there before the swap (they refuse a
 * duplicate key, and the load fails rather than swapping it in), and the spatial index is the one every spatial query
 * of the layer uses (ogr2ogr builds the same two). Until the others are built, the queries that would use them (tiles,
 * lookups by village code, changes by time) scan the table: correct, slower for a moment. Writes to the layer wait for
 * each build (about 0.1 s for 100,000 rows); the next replace of the layer waits for all of them.
 *
 * <p>Durable: the swap records them in {@code layer_index_pending} (V25) in its own transaction, and each row is
 * deleted when its index is built, so an index that a stopped process never built is built at the next start
 * ({@link PostgisReplace#dropLeftovers}) or by the next replace of the layer.
 */
final class PostgisLaterIndexes {

    private PostgisLaterIndexes() {}

    /**
     * Whether an index (its definition as {@code pg_indexes} gives it) is built before the swap: a unique index, or the
     * GiST index of the whole {@code geom} column.
     */
    static boolean beforeSwap(String definition) {
        return definition.startsWith("CREATE UNIQUE INDEX ") || definition.endsWith(" USING gist (geom)");
    }

    /** In the swap's transaction: {@code later} (name, definition) become the table's recorded later indexes. */
    static void record(Connection inSwap, String table, List<String[]> later) throws SQLException {
        try (PreparedStatement delete =
                inSwap.prepareStatement("DELETE FROM layer_index_pending WHERE table_name = ?")) {
            delete.setString(1, table);
            delete.executeUpdate();
        }
        if (later.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = inSwap.prepareStatement(
                "INSERT INTO layer_index_pending (table_name, index_name, definition) VALUES (?, ?, ?)")) {
            for (String[] index : later) {
                insert.setString(1, table);
                insert.setString(2, index[0]);
                insert.setString(3, index[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The table's recorded later indexes (name, definition), by name. */
    static List<String[]> recorded(Connection c, String table) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT index_name, definition FROM layer_index_pending"
                + " WHERE table_name = ? ORDER BY index_name")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return indexes;
    }

    /**
     * Builds the table's recorded later indexes one by one on {@code c}, each row deleted once its index is built; an
     * index is built {@code IF NOT EXISTS}, since a process stopped between a build and the deletion of its row built
     * it already.
     *
     * @return how many were recorded
     */
    static int build(Connection c, String table) throws SQLException {
        List<String[]> recorded = recorded(c, table);
        try (Statement st = c.createStatement();
                PreparedStatement done =
                        c.prepareStatement("DELETE FROM layer_index_pending WHERE table_name = ? AND index_name = ?")) {
            for (String[] index : recorded) {
                st.execute(index[1].replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS "));
                done.setString(1, table);
                done.setString(2, index[0]);
                done.executeUpdate();
            }
        }
        return recorded.size();
    }
}
