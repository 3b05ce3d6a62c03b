package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.GeometryKind;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;

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
     * Inserts features into the layer's table on {@code connection} (inside the caller's
     * transaction): PostgreSQL COPY on PostGIS, batched inserts on H2GIS.
     *
     * @return the number of rows inserted
     */
    long bulkInsert(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException;

    /**
     * Inserts or updates features by the layer's key field on {@code connection} (inside the
     * caller's transaction): COPY into a temporary table then {@code INSERT … ON CONFLICT (key) DO
     * UPDATE} on PostGIS, batched {@code MERGE INTO … KEY (key)} on H2GIS. An updated feature keeps
     * its id; its attributes, extra attributes and geometry are replaced.
     *
     * @return the number of features written (inserted or updated)
     */
    long bulkUpsert(Connection connection, LayerDef layer, Iterator<Feature> features) throws SQLException;

    static Dialect of(StoreKind kind) {
        return switch (kind) {
            case POSTGIS -> new PostgisDialect();
            case H2GIS -> new H2gisDialect();
        };
    }
}
