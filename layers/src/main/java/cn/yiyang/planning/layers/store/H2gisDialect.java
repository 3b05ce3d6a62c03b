package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.GeometryKind;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.h2gis.functions.factory.H2GISFunctions;
import org.locationtech.jts.geom.Geometry;

/** Embedded H2 with the H2GIS functions: JSON columns, H2 spatial indexes, batched inserts. */
public final class H2gisDialect implements Dialect {

    private static final int BATCH = 2_000;
    private static final String ROWS = "__rows";
    private static final String FRESH = "__fresh";

    @Override
    public StoreKind kind() {
        return StoreKind.H2GIS;
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/h2gis";
    }

    @Override
    public void prepareDatabase(Connection connection) throws SQLException {
        boolean loaded;
        try (Statement st = connection.createStatement();
                var rs = st.executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_NAME = 'ST_EXTENT'")) {
            rs.next();
            loaded = rs.getInt(1) > 0;
        }
        if (!loaded) {
            H2GISFunctions.load(connection);
        }
    }

    @Override
    public String columnType(FieldType type) {
        return switch (type) {
            case TEXT, CODE -> "VARCHAR";
            case INTEGER -> "INTEGER";
            case DECIMAL -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
        };
    }

    @Override
    public String geometryColumnType(GeometryKind kind, int srid) {
        return "GEOMETRY(" + kind.sqlType() + ", " + srid + ")";
    }

    @Override
    public String jsonColumnType() {
        return "JSON";
    }

    @Override
    public String upsertRow(String table, List<String> columns, List<String> key) {
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", key)
                + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    @Override
    public String jsonParameter() {
        return "? FORMAT JSON";
    }

    @Override
    public String createSpatialIndex(String table, String column) {
        return "CREATE SPATIAL INDEX " + table + "_" + column + "_sidx ON " + table + " (" + column + ")";
    }

    /**
     * A layer that describes another layer's features (an analysis's row per household or road) keeps its rows in
     * {@code <layer>__rows} without geometry, behind a view named as the layer that joins the described features'
     * geometry (their spatial index serves its tiles). Each run writes only keys and results: for the full demo
     * city's 269,161 untreated households this saves copying every point again and building an R-tree over them, the
     * larger part of a sewage run on this store (bench/RESULTS.md, issue 13).
     */
    @Override
    public String rowsTable(LayerDef layer) {
        return layer.describes().isPresent() ? layer.table() + ROWS : layer.table();
    }

    @Override
    public void beforeBulkLoad(Connection connection, LayerDef layer) throws SQLException {
        if (layer.geometry().hasGeometry() && layer.describes().isEmpty()) {
            try (Statement st = connection.createStatement()) {
                st.execute("DROP INDEX IF EXISTS " + layer.table() + "_geom_sidx");
            }
        }
    }

    @Override
    public void afterBulkLoad(Connection connection, LayerDef layer) throws SQLException {
        if (layer.geometry().hasGeometry() && layer.describes().isEmpty()) {
            try (Statement st = connection.createStatement()) {
                st.execute(createSpatialIndex(layer.table(), "geom")
                        .replace("CREATE SPATIAL INDEX ", "CREATE SPATIAL INDEX IF NOT EXISTS "));
            }
        }
    }

    @Override
    public void streaming(Connection connection, boolean on) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + on);
        }
    }

    @Override
    public void repairAfterInterruptedLoads(Connection connection, List<LayerDef> layers) throws SQLException {
        for (LayerDef layer : layers) {
            afterBulkLoad(connection, layer);
            if (layer.describes().isPresent()) {
                finishSwap(connection, layer);
            }
        }
    }

    /**
     * Completes a swap of a describing layer's rows that a killed process left between its steps: fresh rows but no
     * rows table (renamed in), or rows but no view (recreated).
     */
    private void finishSwap(Connection connection, LayerDef layer) throws SQLException {
        String rows = rowsTable(layer);
        String fresh = layer.table() + FRESH;
        try (Statement st = connection.createStatement()) {
            if (!exists(connection, rows) && exists(connection, fresh)) {
                renameInto(connection, fresh, rows);
            }
            if (exists(connection, rows) && !exists(connection, layer.table())) {
                st.execute(SchemaDdl.describingView(layer, rows));
            }
        }
    }

    /**
     * A derived layer (an analysis's results, replaced whole by every run) is loaded into a new table that is then
     * swapped in: H2's MVStore makes deleting a few hundred thousand rows and committing them in one transaction cost
     * seconds each (the full demo city's 269,161 untreated households: delete 5.4 s, insert 4.4 s, commit 7.2 s),
     * while dropping a table is a few milliseconds. The new table is created from the catalogue ({@link SchemaDdl})
     * and filled first; only then is the old one dropped and the new one renamed and indexed (the layer's key and
     * reference indexes, its spatial index, and the {@code updated_at} index of V6), so a failing load leaves the old
     * rows as they were. H2 commits at each DDL statement: a reader between the drop and the rename (a few
     * milliseconds) finds no table. Other layers (imports) keep the transactional delete and insert.
     */
    @Override
    public long bulkReplace(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException {
        if (!layer.derived()) {
            return Dialect.super.bulkReplace(connection, layer, features);
        }
        if (layer.describes().isPresent()) {
            return replaceRows(connection, layer, features);
        }
        String table = layer.table();
        String fresh = table + "__replace";
        List<String> statements = statements(new SchemaDdl(this).createLayer(layer));
        String create = statements.removeFirst();
        // The layer's indexes (key, references, spatial, and V6's updated_at), named for the new table until it is
        // renamed: the unique key before the rows go in, so that a duplicate key fails the load, the others after.
        statements.add("CREATE INDEX " + table + "_updated_at_idx ON " + table + " (updated_at)");
        List<String> unique = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String index : statements) {
            String onFresh = index.replace(" " + table + "_", " " + fresh + "_")
                    .replace(" ON " + table + " ", " ON " + fresh + " ");
            (index.startsWith("CREATE UNIQUE") ? unique : others).add(onFresh);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + fresh);
            st.execute(create.replaceFirst("^CREATE TABLE " + table + " \\(", "CREATE TABLE " + fresh + " ("));
            for (String index : unique) {
                st.execute(index);
            }
        }
        var cols = FeatureRows.insertColumns(layer);
        long rows = batch(
                connection,
                "INSERT INTO " + fresh + " (" + String.join(", ", cols) + ") VALUES (" + values(cols) + ")",
                layer,
                features);
        try (Statement st = connection.createStatement()) {
            for (String index : others) {
                st.execute(index);
            }
            st.execute("DROP TABLE " + table);
        }
        renameInto(connection, fresh, table);
        return rows;
    }

    /**
     * Replaces a describing layer's rows ({@link #rowsTable}), their own fields only ({@link LayerDef#ownFields}):
     * fills {@code <layer>__fresh} ({@link #fillFresh}), then swaps it in ({@link #swapFresh}).
     */
    private long replaceRows(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException {
        long written = fillFresh(connection, layer, features);
        swapFresh(connection, layer);
        return written;
    }

    /** A describing layer's rows are filled apart and swapped in: a replace of them can be staged. */
    @Override
    public boolean stagesReplace(LayerDef layer) {
        return layer.derived() && layer.describes().isPresent();
    }

    @Override
    public long stageReplace(SpatialStore store, LayerDef layer, Iterator<Feature> features) throws SQLException {
        try {
            return store.inTransaction(c -> fillFresh(c, layer, features));
        } catch (RuntimeException e) {
            discardStaged(store, layer);
            throw e;
        }
    }

    @Override
    public void commitStaged(SpatialStore store, LayerDef layer, long rows, InSwap alongside) throws SQLException {
        store.inTransaction(c -> {
            swapFresh(c, layer);
            alongside.run(c, rows);
            return null;
        });
    }

    @Override
    public void discardStaged(SpatialStore store, LayerDef layer) throws SQLException {
        store.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + layer.table() + FRESH);
            }
            return null;
        });
    }

    /**
     * Fills {@code <layer>__fresh} with a describing layer's rows, in key order (its key index then grows at its end
     * instead of splitting pages all over), and indexes it. Its ids continue after the current rows' highest, so that
     * the layer's data version (count and highest id) changes with every run.
     */
    private long fillFresh(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException {
        String rows = rowsTable(layer);
        String fresh = layer.table() + FRESH;
        List<String> statements = statements(new SchemaDdl(this).createLayer(layer));
        String create = statements.removeFirst();
        statements.removeLast(); // the view
        List<String> unique = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String index : statements) {
            (index.startsWith("CREATE UNIQUE") ? unique : others).add(index.replace(rows, fresh));
        }
        long nextId = 1;
        try (Statement st = connection.createStatement()) {
            if (exists(connection, rows)) {
                try (var rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + rows)) {
                    rs.next();
                    nextId = rs.getLong(1);
                }
            }
            st.execute("DROP TABLE IF EXISTS " + fresh);
            st.execute(create.replace(rows, fresh));
            st.execute("ALTER TABLE " + fresh + " ALTER COLUMN id RESTART WITH " + nextId);
            for (String index : unique) {
                st.execute(index);
            }
        }
        List<Feature> sorted = new ArrayList<>();
        features.forEachRemaining(sorted::add);
        String key = layer.keyField();
        sorted.sort(Comparator.comparing(
                (Feature f) -> f.get(key) == null ? "" : f.get(key).toString()));
        // The rows hold neither the geometry nor the fields taken from the described features (the view joins them).
        List<FieldDef> own = layer.ownFields();
        List<String> cols = new ArrayList<>();
        own.forEach(f -> cols.add(f.name()));
        cols.add(FeatureRows.EXTRA);
        long written = 0;
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + fresh + " (" + String.join(", ", cols) + ") VALUES (" + values(cols) + ")")) {
            for (Feature f : sorted) {
                FeatureRows.bindAttributes(ps, 1, layer, own, f);
                ps.addBatch();
                if (++written % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        try (Statement st = connection.createStatement()) {
            for (String index : others) {
                st.execute(index);
            }
        }
        return written;
    }

    /**
     * Swaps a filled {@code <layer>__fresh} in: drops the view and the old rows, renames the fresh table in and
     * recreates the view.
     *
     * @throws IllegalStateException when there is no fresh table (then nothing is changed)
     */
    private void swapFresh(Connection connection, LayerDef layer) throws SQLException {
        String rows = rowsTable(layer);
        String fresh = layer.table() + FRESH;
        if (!exists(connection, fresh)) {
            throw new IllegalStateException("no staged rows of " + layer.id() + " to swap in");
        }
        try (Statement st = connection.createStatement()) {
            st.execute("DROP VIEW IF EXISTS " + layer.table());
            st.execute("DROP TABLE IF EXISTS " + rows);
            renameInto(connection, fresh, rows);
            st.execute(SchemaDdl.describingView(layer, rows));
        }
    }

    /** The SQL statements of a DDL script (comments left out). */
    private static List<String> statements(String ddl) {
        List<String> out = new ArrayList<>();
        for (String statement : ddl.split(";\n")) {
            String sql = statement
                    .lines()
                    .filter(l -> !l.startsWith("--"))
                    .collect(Collectors.joining("\n"))
                    .strip();
            if (!sql.isEmpty()) {
                out.add(sql);
            }
        }
        return out;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?")) {
            ps.setString(1, table.toUpperCase(Locale.ROOT));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /**
     * Renames a freshly filled table to {@code target}, and its indexes, which are named for it ({@code fresh_…}),
     * to {@code target_…} (H2 keeps an index's name when its table is renamed).
     */
    private static void renameInto(Connection connection, String fresh, String target) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("ALTER TABLE " + fresh + " RENAME TO " + target);
            for (String name : indexNames(connection, target)) {
                if (name.startsWith(fresh.toUpperCase(Locale.ROOT))) {
                    st.execute("ALTER INDEX " + name + " RENAME TO " + target + name.substring(fresh.length()));
                }
            }
        }
    }

    private static List<String> indexNames(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = ? AND INDEX_TYPE_NAME <> 'PRIMARY KEY'")) {
            ps.setString(1, table.toUpperCase(Locale.ROOT));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Override
    public long bulkInsert(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException {
        var cols = FeatureRows.insertColumns(layer);
        String sql =
                "INSERT INTO " + layer.table() + " (" + String.join(", ", cols) + ") VALUES (" + values(cols) + ")";
        return batch(connection, sql, layer, features);
    }

    @Override
    public long bulkUpsert(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException {
        return batch(connection, upsertSql(layer), layer, features);
    }

    /**
     * A standard {@code MERGE … USING} rather than H2's {@code MERGE … KEY}, which can only replace columns: an
     * updated row's version must go up by one (an inserted one's is 1, the column's default), so that an
     * optimistic-lock check never misses an import.
     */
    private String upsertSql(LayerDef layer) {
        var cols = FeatureRows.insertColumns(layer);
        String key = layer.keyField();
        List<String> sets = new ArrayList<>();
        for (String c : cols) {
            if (!c.equals(key)) {
                sets.add(c + " = s." + c);
            }
        }
        sets.add("updated_at = CURRENT_TIMESTAMP");
        sets.add("version = t.version + 1");
        return "MERGE INTO " + layer.table() + " t USING (VALUES (" + values(cols) + ")) AS s ("
                + String.join(", ", cols) + ") ON t." + key + " = s." + key + " WHEN MATCHED THEN UPDATE SET "
                + String.join(", ", sets) + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", cols)
                + ") VALUES ("
                + String.join(", ", cols.stream().map(c -> "s." + c).toList()) + ")";
    }

    private String values(List<String> cols) {
        StringBuilder values = new StringBuilder();
        for (String c : cols) {
            if (!values.isEmpty()) {
                values.append(", ");
            }
            values.append(
                    switch (c) {
                        case FeatureRows.EXTRA -> jsonParameter();
                        case FeatureRows.GEOM -> "ST_GeomFromWKB(?, " + LayerDef.SRID + ")";
                        default -> "?";
                    });
        }
        return values.toString();
    }

    private static long batch(Connection connection, String sql, LayerDef layer, Iterator<Feature> features)
            throws SQLException {
        long rows = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            while (features.hasNext()) {
                Feature f = features.next();
                int next = FeatureRows.bindAttributes(ps, 1, layer, f);
                if (layer.geometry().hasGeometry()) {
                    Geometry g = LayerGeometry.stored(layer, f.geometry());
                    ps.setBytes(next, FeatureRows.wkb(g));
                }
                ps.addBatch();
                if (++rows % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return rows;
    }
}
