package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.GeometryKind;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;

/**
 * Everything that differs between PostGIS and H2GIS, in one place: column types, spatial index,
 * JSON binding, connection set-up and bulk load. Vector tiles are the other difference; they live
 * with the tile sources.
 */
public sealed interface Dialect permits PostgisDialect, H2gisDialect {

    StoreKind kind();

    /** The Flyway location of this store's migrations. */
    String migrationLocation();

    /** Makes a fresh database ready for the migrations (H2GIS: registers the spatial functions). */
    void prepareDatabase(Connection connection) throws SQLException;

    String columnType(FieldType type);

    String geometryColumnType(GeometryKind kind, int srid);

    String jsonColumnType();

    /** The SQL placeholder that binds a JSON text parameter into a JSON column. */
    String jsonParameter();

    String createSpatialIndex(String table, String column);

    /**
     * The table that holds the layer's rows: the layer's own table, or, where this store keeps the rows of a layer
     * that describes another layer's features apart ({@link LayerDef#describes}), the rows table behind the view
     * named as the layer. Reads go to the layer's name either way; its data version and loads to this table.
     */
    default String rowsTable(LayerDef layer) {
        return layer.table();
    }

    /**
     * A statement that inserts one row of plain {@code ?} parameters, {@code columns} in order, or
     * replaces the other columns of the row with the same {@code key} columns: {@code INSERT … ON
     * CONFLICT (key) DO UPDATE} on PostGIS, {@code MERGE INTO … KEY (key)} on H2GIS. For batches.
     */
    String upsertRow(String table, List<String> columns, List<String> key);

    /**
     * Inserts features into the layer's table on {@code connection} (inside the caller's
     * transaction): PostgreSQL COPY on PostGIS, batched inserts on H2GIS.
     *
     * @return the number of rows inserted
     */
    long bulkInsert(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException;

    /**
     * Inserts or updates features by the layer's key field on {@code connection} (inside the
     * caller's transaction): COPY into a temporary table then {@code INSERT … ON CONFLICT (key) DO
     * UPDATE} on PostGIS, batched {@code MERGE INTO … USING} on H2GIS. An updated feature keeps
     * its id; its attributes, extra attributes and geometry are replaced and its version goes up by
     * one; an inserted one has version 1.
     *
     * @return the number of features written (inserted or updated)
     */
    long bulkUpsert(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException;

    /**
     * Replaces every feature of the layer with {@code features}, inside the caller's transaction: deletes and
     * inserts (H2GIS swaps in a new table for derived layers). PostGIS does not use it: see {@link #replace}.
     *
     * @return the number of rows inserted
     */
    default long bulkReplace(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM " + layer.table());
        }
        return bulkInsert(connection, layer, features);
    }

    /**
     * Replaces every feature of the layer with {@code features} and runs {@code alongside} in the transaction that
     * makes the new rows visible; on any failure the layer is left exactly as it was. The default is
     * {@link #bulkReplace} and {@code alongside} in one transaction of the store; PostGIS fills a new table in a
     * transaction of its own, builds its indexes on several connections and swaps it in ({@link PostgisReplace}).
     *
     * @return the number of rows written
     */
    default long replace(SpatialStore store, LayerDef layer, Iterator<Feature> features, InSwap alongside)
            throws SQLException {
        return store.inTransaction(c -> {
            long rows = bulkReplace(c, layer, features);
            alongside.run(c, rows);
            return rows;
        });
    }

    /**
     * Whether a replace of the layer can be staged ({@link cn.yiyang.planning.layers.feature.FeatureRepository#stage}):
     * its new rows filled apart from its current ones by {@link #stageReplace} and swapped in later by
     * {@link #commitStaged}. H2GIS stages its describing layers' rows; elsewhere a staged replace is an ordinary
     * replace at the commit.
     */
    default boolean stagesReplace(LayerDef layer) {
        return false;
    }

    /**
     * Fills the layer's new rows apart from its current ones, which readers keep seeing ({@link #stagesReplace}).
     *
     * @return the number of rows written
     */
    default long stageReplace(SpatialStore store, LayerDef layer, Iterator<Feature> features) throws SQLException {
        throw new UnsupportedOperationException("no staged replace of " + layer.id() + " in this store");
    }

    /**
     * Swaps the rows {@link #stageReplace} filled in, with {@code alongside}.
     *
     * @throws IllegalStateException when there are no staged rows (discarded, or replaced meanwhile); the layer is
     *     left as it was
     */
    default void commitStaged(SpatialStore store, LayerDef layer, long rows, InSwap alongside) throws SQLException {
        throw new UnsupportedOperationException("no staged replace of " + layer.id() + " in this store");
    }

    /** Drops rows {@link #stageReplace} filled and nobody committed. */
    default void discardStaged(SpatialStore store, LayerDef layer) throws SQLException {}

    /** Work done in the transaction that makes a replace's rows visible, given how many were written. */
    @FunctionalInterface
    interface InSwap {
        void run(Connection connection, long rows) throws SQLException;
    }

    /**
     * Prepares a layer for a bulk load, outside the load's transaction. H2GIS drops the layer's
     * spatial index: H2's R-tree does not survive a process killed in the middle of a write (the
     * file cannot be reopened, or uncommitted rows reappear), while the table's other indexes do.
     */
    default void beforeBulkLoad(Connection connection, LayerDef layer) throws SQLException {}

    /** Undoes {@link #beforeBulkLoad} once the load has committed or rolled back. */
    default void afterBulkLoad(Connection connection, LayerDef layer) throws SQLException {}

    /**
     * Before ({@code on}) and after a result is read row by row on {@code connection} ({@link SpatialStore#stream}).
     * H2 copies a result of more than a few thousand rows into a temporary one before it returns the first row,
     * unless the session reads lazily: reading the full demo city's 371,361 households took twice as long (bench/
     * RESULTS.md, issue 14). PostgreSQL streams with the fetch size in a transaction, and needs nothing.
     */
    default void streaming(Connection connection, boolean on) throws SQLException {}

    /**
     * Recreates what an interrupted {@link #beforeBulkLoad} / {@link #afterBulkLoad} pair left
     * undone (called after the migrations on every start).
     */
    default void repairAfterInterruptedLoads(Connection connection, List<LayerDef> layers) throws SQLException {}

    static Dialect of(StoreKind kind) {
        return switch (kind) {
            case POSTGIS -> new PostgisDialect();
            case H2GIS -> new H2gisDialect();
        };
    }
}
