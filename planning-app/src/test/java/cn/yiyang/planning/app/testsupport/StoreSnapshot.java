package cn.yiyang.planning.app.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a PostGIS test store holds, table by table, so that a test can show that a refused request changed nothing:
 * for a layer's table (it has a {@code version} column) its row count, the sum of its versions and the latest
 * {@code updated_at} where it has one (every write raises a version or adds or removes a row); for every other table (history, audit,
 * plans' timelines, imports, runs, indicators, accounts …) an MD5 of all its rows.
 */
public final class StoreSnapshot {

    private final DataSource store;
    private final Map<String, String> queries = new TreeMap<>();

    /** @param store a PostGIS store's data source */
    public StoreSnapshot(DataSource store) {
        this.store = store;
    }

    /** The digest of every table in the schema {@code public} (Flyway's record and PostGIS's own tables aside). */
    public Map<String, String> take() throws SQLException {
        try (Connection c = store.getConnection();
                Statement s = c.createStatement()) {
            if (queries.isEmpty()) {
                prepare(s);
            }
            Map<String, String> out = new TreeMap<>();
            for (Map.Entry<String, String> q : queries.entrySet()) {
                try (ResultSet r = s.executeQuery(q.getValue())) {
                    r.next();
                    out.put(q.getKey(), r.getString(1));
                }
            }
            return out;
        }
    }

    private static String has(String column) {
        return "EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public'"
                + " AND c.table_name = t.table_name AND c.column_name = '" + column + "')";
    }

    private void prepare(Statement s) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT t.table_name, " + has("version") + ", " + has("updated_at")
                + " FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'"
                + " AND t.table_name NOT IN ('spatial_ref_sys', 'flyway_schema_history')")) {
            while (r.next()) {
                tables.add(new String[] {
                    r.getString(1), Boolean.toString(r.getBoolean(2)), Boolean.toString(r.getBoolean(3))
                });
            }
        }
        for (String[] t : tables) {
            String name = "\"" + t[0] + "\"";
            queries.put(
                    t[0],
                    Boolean.parseBoolean(t[1])
                            ? "SELECT count(*) || '/' || coalesce(sum(version), 0) || '/' || "
                                    + (Boolean.parseBoolean(t[2]) ? "coalesce(max(updated_at)::text, '')" : "''")
                                    + " FROM " + name
                            : "SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM " + name
                                    + " x");
        }
    }
}
