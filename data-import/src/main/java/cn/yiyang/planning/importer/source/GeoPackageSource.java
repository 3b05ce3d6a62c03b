package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A feature table of a GeoPackage, read with NGA's GeoPackage library; rows are streamed from SQLite and their
 * geometries converted to JTS through WKB. Also the reader of what {@code ogr2ogr} converts other formats to.
 *
 * <p>A GeoPackage with several feature tables needs {@link SourceOptions#table()} (else CHOOSE_TABLE; an
 * unknown name gives NO_SUCH_TABLE). Fields are the table's columns except its primary key, its geometry and
 * BLOBs. Values: integers as Long, reals as Double, booleans, text, DATE as LocalDate, DATETIME as ISO text.
 * Opening makes one pass to learn the extent and geometry types. Row = the 1-based position in the table.
 *
 * <p>CRS from {@code gpkg_spatial_ref_sys}: organization EPSG with its code, else the definition as WKT (DECLARED);
 * the undefined systems (srs_id -1 and 0, organization NONE) are inferred from the coordinates.
 */
final class GeoPackageSource implements FeatureSource {

    private final GeoPackage geoPackage;
    private final FeatureDao dao;
    private final List<FeatureColumn> columns;
    private final SourceDescription description;
    private final TempDir temp;
    private final int srid;

    private GeoPackageSource(
            GeoPackage geoPackage, String fileName, SourceFormat format, SourceOptions options, TempDir temp) {
        this.geoPackage = geoPackage;
        this.temp = temp;
        List<String> tables = geoPackage.getFeatureTables();
        if (tables.isEmpty()) {
            throw new ImportException(
                    ImportIssue.ofFile(fileName, IssueCode.UNSUPPORTED_FORMAT, "GeoPackage without feature tables"));
        }
        String table;
        if (options.table() != null) {
            table = tables.stream()
                    .filter(t -> t.equalsIgnoreCase(options.table()))
                    .findFirst()
                    .orElseThrow(() -> new ImportException(
                            ImportIssue.ofFile(fileName, IssueCode.NO_SUCH_TABLE, options.table())));
        } else if (tables.size() > 1) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.CHOOSE_TABLE, String.join(", ", tables)));
        } else {
            table = tables.get(0);
        }
        this.dao = geoPackage.getFeatureDao(table);
        this.columns = dao.getColumns().stream()
                .filter(c -> !c.isPrimaryKey() && !c.isGeometry() && c.getDataType() != GeoPackageDataType.BLOB)
                .toList();
        List<ImportIssue> issues = new ArrayList<>();
        SourceScan scan = new SourceScan();
        new Rows(fileName, 0).forEachRemaining(scan::add);
        DetectedCrs crs = CrsDetector.resolve(
                options, () -> declaredCrs(dao.getSrs(), fileName), scan.extent(), fileName, issues);
        this.srid = GeoJsonFeatures.srid(crs);
        List<SourceField> fields = columns.stream()
                .map(c -> new SourceField(c.getName(), type(c.getDataType())))
                .toList();
        this.description = new SourceDescription(
                format,
                fileName,
                tables,
                table,
                fields,
                scan.count(),
                format == SourceFormat.GEOPACKAGE
                        ? new DetectedEncoding(StandardCharsets.UTF_8, Detection.FORMAT_DEFAULT)
                        : null,
                crs,
                scan.extent(),
                scan.geometryTypes(),
                issues);
    }

    /**
     * @param format GEOPACKAGE, or GDAL for a conversion's output
     * @throws ImportException UNSUPPORTED_FORMAT (not a GeoPackage, or no feature table), CHOOSE_TABLE,
     *                         NO_SUCH_TABLE, CRS_LEGACY_DATUM, CRS_UNSUPPORTED
     */
    static GeoPackageSource open(Path file, String fileName, SourceFormat format, SourceOptions options, TempDir temp) {
        GeoPackage geoPackage;
        try {
            geoPackage = GeoPackageManager.open(false, file.toFile(), false);
        } catch (RuntimeException e) {
            throw new ImportException(
                    ImportIssue.ofFile(
                            fileName, IssueCode.UNSUPPORTED_FORMAT, "SQLite database that is not a GeoPackage"),
                    e);
        }
        try {
            return new GeoPackageSource(geoPackage, fileName, format, options, temp);
        } catch (RuntimeException e) {
            geoPackage.close();
            throw e;
        }
    }

    @Override
    public SourceDescription describe() {
        return description;
    }

    @Override
    public Iterator<SourceRecord> records() {
        return new Rows(description.fileName(), srid);
    }

    @Override
    public void close() {
        geoPackage.close();
        if (temp != null) {
            temp.close();
        }
    }

    private static DetectedCrs declaredCrs(SpatialReferenceSystem srs, String fileName) {
        if (srs == null
                || srs.getSrsId() == -1
                || srs.getSrsId() == 0
                || srs.getOrganization() == null
                || srs.getOrganization().equalsIgnoreCase("NONE")) {
            return null;
        }
        if (srs.getOrganization().equalsIgnoreCase("EPSG")) {
            String code = "EPSG:" + srs.getOrganizationCoordsysId();
            return new DetectedCrs(CrsDetector.fromCode(code, fileName), Detection.DECLARED, code);
        }
        String wkt = srs.getDefinition();
        if (wkt == null || wkt.isBlank() || wkt.equalsIgnoreCase("undefined")) {
            return null;
        }
        Crs crs = CrsDetector.fromWkt(wkt, fileName);
        return new DetectedCrs(crs, Detection.DECLARED, CrsDetector.wktName(wkt));
    }

    private static String type(GeoPackageDataType type) {
        return switch (type) {
            case BOOLEAN -> "boolean";
            case TINYINT, SMALLINT, MEDIUMINT, INT, INTEGER -> "integer";
            case FLOAT, DOUBLE, REAL -> "decimal";
            case DATE -> "date";
            default -> "text";
        };
    }

    private static Object value(Object value, GeoPackageDataType type) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return switch (type) {
                case FLOAT, DOUBLE, REAL -> n.doubleValue();
                case BOOLEAN -> n.intValue() != 0;
                default ->
                    n instanceof Double || n instanceof Float ? (Object) n.doubleValue() : (Object) n.longValue();
            };
        }
        if (value instanceof Date date) {
            return type == GeoPackageDataType.DATE
                    ? LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC)
                    : date.toInstant().toString();
        }
        return value instanceof Boolean ? value : value.toString();
    }

    /** The table's rows in order, one record each; closing stops early (a sample of the first rows). */
    private final class Rows implements Iterator<SourceRecord>, AutoCloseable {

        private final String fileName;
        private final int recordSrid;
        private final WKBReader wkbReader = new WKBReader();
        private FeatureResultSet results;
        private boolean ready;
        private long row;

        Rows(String fileName, int recordSrid) {
            this.fileName = fileName;
            this.recordSrid = recordSrid;
            this.results = dao.queryForAll();
        }

        @Override
        public void close() {
            if (results != null) {
                results.close();
                results = null;
                ready = false;
            }
        }

        @Override
        public boolean hasNext() {
            if (!ready && results != null) {
                ready = results.moveToNext();
                if (!ready) {
                    results.close();
                    results = null;
                }
            }
            return ready;
        }

        @Override
        public SourceRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = false;
            long r = ++row;
            FeatureRow feature = results.getRow();
            Map<String, Object> values = new LinkedHashMap<>();
            for (FeatureColumn column : columns) {
                values.put(column.getName(), value(feature.getValue(column.getName()), column.getDataType()));
            }
            try {
                GeoPackageGeometryData data = feature.getGeometry();
                if (data == null || data.isEmpty() || data.getWkb() == null) {
                    return new SourceRecord(r, values, null, null);
                }
                Geometry geometry = wkbReader.read(data.getWkb());
                geometry.setSRID(recordSrid);
                return new SourceRecord(r, values, geometry, null);
            } catch (ParseException | IOException | RuntimeException e) {
                return new SourceRecord(
                        r, values, null, ImportIssue.ofRow(fileName, r, null, IssueCode.UNREADABLE_RECORD));
            }
        }
    }
}
