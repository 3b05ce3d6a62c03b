package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.GeometryKind;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** PostgreSQL + PostGIS: jsonb, GiST indexes, bulk load by COPY. */
public final class PostgisDialect implements Dialect {

    private static final int COPY_CHUNK = 1 << 16;

    @Override
    public StoreKind kind() {
        return StoreKind.POSTGIS;
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/postgis";
    }

    @Override
    public void prepareDatabase(Connection connection) {
        // The first migration creates the postgis extension.
    }

    @Override
    public String columnType(FieldType type) {
        return switch (type) {
            case TEXT, CODE -> "varchar";
            case INTEGER -> "integer";
            case DECIMAL -> "double precision";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
        };
    }

    @Override
    public String geometryColumnType(GeometryKind kind, int srid) {
        return "geometry(" + kind.sqlType() + ", " + srid + ")";
    }

    @Override
    public String jsonColumnType() {
        return "jsonb";
    }

    @Override
    public String upsertRow(String table, List<String> columns, List<String> key) {
        List<String> others = columns.stream().filter(c -> !key.contains(c)).toList();
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON CONFLICT ("
                + String.join(", ", key) + ") DO "
                + (others.isEmpty()
                        ? "NOTHING"
                        : "UPDATE SET "
                                + String.join(
                                        ", ",
                                        others.stream()
                                                .map(c -> c + " = EXCLUDED." + c)
                                                .toList()));
    }

    @Override
    public String jsonParameter() {
        return "CAST(? AS jsonb)";
    }

    @Override
    public String createSpatialIndex(String table, String column) {
        return "CREATE INDEX " + table + "_" + column + "_gist ON " + table + " USING gist (" + column + ")";
    }

    @Override
    public long bulkInsert(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException {
        return copy(connection, layer.table(), layer, features);
    }

    /**
     * Loads a new table and swaps it in, all in the caller's transaction: COPY into an index-free copy
     * of the layer's table, then its primary key and the layer's other indexes built once over the
     * loaded rows (much cheaper than keeping five indexes up to date row by row), then the old table
     * dropped and the new one renamed into its place. Generated columns (the tiles' {@code geom_3857})
     * keep their expression, so COPY fills them as it does the layer's own table. Readers keep reading the old rows until the
     * commit (they wait only for the swap itself); on a failure or a killed process the transaction
     * rolls back and nothing changed.
     */
    @Override
    public long bulkReplace(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException {
        String table = layer.table();
        String fresh = table + "__replace";
        List<String[]> indexes = new ArrayList<>(); // name, definition
        String primaryKey;
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = '" + table + "'::regclass")) {
                primaryKey = rs.next() ? rs.getString(1) : table + "_pkey";
            }
            try (ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                    + "current_schema() AND tablename = '" + table + "' AND indexname <> '" + primaryKey + "'")) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            st.execute("DROP TABLE IF EXISTS " + fresh);
            st.execute(
                    "CREATE TABLE " + fresh + " (LIKE " + table
                            + " INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING CONSTRAINTS INCLUDING STORAGE)");
        }
        long rows = copy(connection, fresh, layer, features);
        try (Statement st = connection.createStatement()) {
            st.execute("ALTER TABLE " + fresh + " ADD CONSTRAINT " + fresh + "_pkey PRIMARY KEY (id)");
            for (String[] index : indexes) {
                // "CREATE [UNIQUE] INDEX name ON schema.table USING …": the same index on the new table.
                st.execute(index[1].replaceFirst(
                        "INDEX " + index[0] + " ON (\\S+\\.)?" + table + " ",
                        "INDEX " + index[0] + "__new ON " + fresh + " "));
            }
            String sequence;
            try (ResultSet rs = st.executeQuery("SELECT pg_get_serial_sequence('" + fresh + "', 'id')")) {
                rs.next();
                sequence = rs.getString(1);
            }
            st.execute("DROP TABLE " + table);
            st.execute("ALTER TABLE " + fresh + " RENAME TO " + table);
            st.execute("ALTER INDEX " + fresh + "_pkey RENAME TO " + primaryKey);
            for (String[] index : indexes) {
                st.execute("ALTER INDEX " + index[0] + "__new RENAME TO " + index[0]);
            }
            if (sequence != null) {
                st.execute("ALTER SEQUENCE " + sequence + " RENAME TO " + table + "_id_seq");
            }
            // Statistics for the planner, but none for JSON columns (the features' extra attributes), which no query
            // plans by and which took a quarter of the ANALYZE of 100,000 households (autovacuum gathers them later).
            String analysed;
            try (ResultSet rs = st.executeQuery("SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM"
                    + " pg_attribute WHERE attrelid = '" + table + "'::regclass AND attnum > 0 AND NOT attisdropped"
                    + " AND atttypid NOT IN ('jsonb'::regtype, 'json'::regtype)")) {
                rs.next();
                analysed = rs.getString(1);
            }
            st.execute("ANALYZE " + table + (analysed == null ? "" : " (" + analysed + ")"));
        }
        return rows;
    }

    /**
     * COPY into a temporary table shaped like the layer's insert columns (dropped at the end of the
     * transaction), then one {@code INSERT … SELECT … ON CONFLICT (key) DO UPDATE}: the key's unique
     * index decides between insert and update; an updated row's version goes up by one, an inserted one's is 1.
     */
    @Override
    public long bulkUpsert(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException {
        List<String> cols = FeatureRows.insertColumns(layer);
        String columns = String.join(", ", cols);
        String stage = "upsert_stage_" + layer.table();
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + stage);
            st.execute("CREATE TEMP TABLE " + stage + " ON COMMIT DROP AS SELECT " + columns + " FROM " + layer.table()
                    + " WITH NO DATA");
        }
        long rows = copy(connection, stage, layer, features);
        StringBuilder sql = new StringBuilder("INSERT INTO ")
                .append(layer.table())
                .append(" (")
                .append(columns)
                .append(") SELECT ")
                .append(columns)
                .append(" FROM ")
                .append(stage)
                .append(" ON CONFLICT (")
                .append(layer.keyField())
                .append(") DO UPDATE SET ");
        for (String c : cols) {
            if (!c.equals(layer.keyField())) {
                sql.append(c).append(" = EXCLUDED.").append(c).append(", ");
            }
        }
        // Every writer raises the version of a row it changes, so an optimistic-lock check never misses an import.
        sql.append("updated_at = CURRENT_TIMESTAMP, version = ")
                .append(layer.table())
                .append(".version + 1");
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(sql.toString());
            st.execute("DROP TABLE " + stage);
        }
        return rows;
    }

    private static long copy(Connection connection, String table, LayerDef layer, Iterator<Feature> features)
            throws SQLException {
        String sql = "COPY " + table + " (" + String.join(", ", FeatureRows.insertColumns(layer)) + ") FROM STDIN";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        long rows = 0;
        try {
            StringBuilder buf = new StringBuilder(COPY_CHUNK + 4096);
            while (features.hasNext()) {
                appendRow(buf, layer, features.next());
                rows++;
                if (buf.length() >= COPY_CHUNK) {
                    write(copy, buf);
                }
            }
            write(copy, buf);
            copy.endCopy();
            return rows;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, StringBuilder buf) throws SQLException {
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buf.setLength(0);
    }

    /** One row of COPY text format: tab-separated, \N for null, backslash escapes. */
    private static void appendRow(StringBuilder sb, LayerDef layer, Feature f) {
        for (FieldDef field : layer.fields()) {
            Object v = FeatureRows.checked(layer, field, f.get(field.name()));
            if (v == null) {
                sb.append("\\N");
            } else if (v instanceof Boolean b) {
                sb.append(b ? 't' : 'f');
            } else {
                escape(sb, v.toString());
            }
            sb.append('\t');
        }
        String extra = FeatureRows.extraJson(f);
        if (extra == null) {
            sb.append("\\N");
        } else {
            escape(sb, extra);
        }
        if (layer.geometry().hasGeometry()) {
            sb.append('\t');
            Geometry g = LayerGeometry.stored(layer, f.geometry());
            sb.append(g == null ? "\\N" : FeatureRows.ewkbHex(g));
        }
        sb.append('\n');
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
    }
}
