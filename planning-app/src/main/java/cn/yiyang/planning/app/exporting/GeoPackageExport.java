package cn.yiyang.planning.app.exporting;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * A GeoPackage of one feature table named after the layer, the fields with their types (dates as GeoPackage DATE),
 * the geometry in the request's CRS, written with NGA's library into a temporary file in transactions of 10,000
 * rows, then streamed to the download. Layers without geometry become a table whose features have no geometry.
 */
final class GeoPackageExport implements ExportWriter {

    private static final int BATCH = 10_000;
    private final ExportRequest request;
    private final OutputStream out;
    private final Path file;
    private final GeoPackage gpkg;
    private final FeatureDao dao;
    private final long srsId;
    private final WKBWriter wkb = new WKBWriter(2);
    private int inBatch;

    GeoPackageExport(ExportRequest request, OutputStream out, Path tmp) throws IOException {
        this.request = request;
        this.out = out;
        this.file = tmp.resolve(request.layer().id() + ".gpkg");
        GeoPackageManager.create(file.toFile());
        this.gpkg = GeoPackageManager.open(file.toFile());
        try {
            int epsg = request.crs().crs().epsg().orElseThrow();
            SpatialReferenceSystem srs = new SpatialReferenceSystem();
            srs.setSrsName(request.crs().crs().nameEn());
            srs.setSrsId(epsg);
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(epsg);
            srs.setDefinition(CrsWkt.ogc(epsg));
            gpkg.getSpatialReferenceSystemDao().createIfNotExists(srs);
            this.srsId = epsg;
            LayerDef layer = request.layer();
            GeometryColumns gc = new GeometryColumns();
            gc.setTableName(layer.id());
            gc.setColumnName("geom");
            gc.setGeometryType(geometryType(layer));
            gc.setZ((byte) 0);
            gc.setM((byte) 0);
            gc.setSrs(srs);
            gpkg.createFeatureTable(FeatureTableMetadata.create(gc, columns(layer)));
            this.dao = gpkg.getFeatureDao(layer.id());
        } catch (SQLException e) {
            gpkg.close();
            throw new IOException("cannot create the GeoPackage", e);
        }
        gpkg.beginTransaction();
    }

    @Override
    public void write(Feature f) throws IOException {
        FeatureRow row = dao.newRow();
        for (FieldDef field : request.layer().fields()) {
            Object v = f.get(field.name());
            row.setValue(field.name(), v == null || v instanceof Number || v instanceof Boolean ? v : v.toString());
        }
        Geometry g = ExportWriter.geometry(request, f);
        if (g != null) {
            row.setGeometry(
                    GeoPackageGeometryData.createAndBuildEnvelope(srsId, GeometryReader.readGeometry(wkb.write(g))));
        }
        dao.insert(row);
        if (++inBatch == BATCH) {
            gpkg.endAndBeginTransaction();
            inBatch = 0;
        }
    }

    @Override
    public void finish() throws IOException {
        try {
            gpkg.endTransaction();
        } finally {
            gpkg.close();
        }
        Files.copy(file, out);
    }

    private static List<FeatureColumn> columns(LayerDef layer) {
        List<FeatureColumn> cols = new ArrayList<>();
        for (FieldDef f : layer.fields()) {
            GeoPackageDataType type = switch (f.type()) {
                case TEXT, CODE -> GeoPackageDataType.TEXT;
                case INTEGER -> GeoPackageDataType.INTEGER;
                case DECIMAL -> GeoPackageDataType.DOUBLE;
                case BOOLEAN -> GeoPackageDataType.BOOLEAN;
                case DATE -> GeoPackageDataType.DATE;
            };
            cols.add(FeatureColumn.createColumn(f.name(), type));
        }
        return cols;
    }

    private static GeometryType geometryType(LayerDef layer) {
        return switch (layer.geometry()) {
            case POINT -> GeometryType.POINT;
            case MULTILINESTRING -> GeometryType.MULTILINESTRING;
            case MULTIPOLYGON -> GeometryType.MULTIPOLYGON;
            case NONE -> GeometryType.GEOMETRY;
        };
    }
}
