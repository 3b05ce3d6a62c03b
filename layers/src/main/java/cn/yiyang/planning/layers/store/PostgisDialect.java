package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.GeometryKind;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
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

    /** A new table filled, indexed and swapped in: {@link PostgisReplace#replace}. */
    @Override
    public long replace(SpatialStore store, LayerDef layer, Iterator<Feature> features, InSwap alongside)
            throws SQLException {
        return PostgisReplace.replace(store, layer, features, alongside);
    }

    /** Drops the tables that replaces of a killed process left: {@link PostgisReplace#dropLeftovers}. */
    @Override
    public void repairAfterInterruptedLoads(Connection connection, List<LayerDef> layers) throws SQLException {
        PostgisReplace.dropLeftovers(connection, layers);
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

    /**
     * COPY of the features into {@code table} (the layer's insert columns) in the binary format ({@link CopyBinary}),
     * in the connection's transaction.
     */
    static long copy(Connection connection, String table, LayerDef layer, Iterator<Feature> features)
            throws SQLException {
        String sql = "COPY " + table + " (" + String.join(", ", FeatureRows.insertColumns(layer))
                + ") FROM STDIN WITH (FORMAT binary)";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        long rows = 0;
        try {
            CopyBinary out = new CopyBinary(layer);
            while (features.hasNext()) {
                out.row(features.next());
                rows++;
                if (out.size() >= COPY_CHUNK) {
                    copy.writeToCopy(out.bytes(), 0, out.size());
                    out.clear();
                }
            }
            out.end();
            copy.writeToCopy(out.bytes(), 0, out.size());
            copy.endCopy();
            return rows;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
