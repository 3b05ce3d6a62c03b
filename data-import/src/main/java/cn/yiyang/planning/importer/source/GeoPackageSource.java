package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.DateConverter;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A feature table of a GeoPackage, opened with NGA's GeoPackage library (tables, columns, CRS); rows are streamed
 * from SQLite by plain SQL and their geometries converted to JTS from the WKB after the GeoPackage header. Also the reader of what {@code ogr2ogr} converts other formats to.
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

    /** The factory of JTS's {@link WKBReader} (floating precision, no SRID), for the points read without it. */
    private static final GeometryFactory POINTS = new GeometryFactory();

    private final GeoPackage geoPackage;
    private final FeatureDao dao;
    private final List<FeatureColumn> columns;
    /** The columns' names, which the values of every row share. */
    private final RowValues.Columns names;

    private final SourceDescription description;
    private final TempDir temp;
    private final int srid;
    /** Whether the database holds its text in UTF-8 (a GeoPackage should; SQLite also allows UTF-16). */
    private final boolean utf8;

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
        this.utf8 = utf8(geoPackage, fileName);
        this.columns = dao.getColumns().stream()
                .filter(c -> !c.isPrimaryKey() && !c.isGeometry() && c.getDataType() != GeoPackageDataType.BLOB)
                .toList();
        this.names = new RowValues.Columns(
                columns.stream().map(FeatureColumn::getName).toList());
        List<ImportIssue> issues = new ArrayList<>();
        SourceScan scan = scan(fileName);
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

    private boolean utf8(GeoPackage geoPackage, String fileName) {
        try (Statement statement = geoPackage.getConnection().getConnection().createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA encoding")) {
            return rs.next() && "UTF-8".equalsIgnoreCase(rs.getString(1));
        } catch (SQLException e) {
            throw unreadable(fileName, e);
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

    /**
     * A column's value as NGA's result reading gives it (by the value's SQLite storage class and the column's
     * declared type), then as a record holds it: integers as Long (BOOLEAN as Boolean, FLOAT/DOUBLE/REAL as Double,
     * TINYINT/SMALLINT/MEDIUMINT narrowed as NGA narrows them), reals as Double (FLOAT through float, as NGA reads
     * it), DATE as LocalDate and DATETIME as ISO instant text when NGA's date converter reads them, other text as is.
     * A value whose storage class does not fit the declared type is kept (NGA refused the whole file).
     */
    private static Object value(ResultSet rs, int index, GeoPackageDataType type) throws SQLException {
        return switch (rs.getObject(index)) {
            case null -> null;
            case Integer i -> integer(i.longValue(), type);
            case Long l -> integer(l, type);
            case Double d -> real(d, type);
            case Float f -> f.doubleValue();
            case String text -> text(text, type);
            case Object other -> other.toString();
        };
    }

    /**
     * {@link #value} of a value {@link SqliteJsonArray} read (a REAL is read from its column, at {@code index}).
     */
    private static Object value(Object read, ResultSet rs, int index, GeoPackageDataType type) throws SQLException {
        return switch (read) {
            case null -> null;
            case Long l -> integer(l, type);
            case String text -> text(text, type);
            default -> real(rs.getDouble(index), type);
        };
    }

    private static Object real(double d, GeoPackageDataType type) {
        return type == GeoPackageDataType.FLOAT ? (double) (float) d : d;
    }

    private static Object text(String text, GeoPackageDataType type) {
        return type == GeoPackageDataType.DATE || type == GeoPackageDataType.DATETIME ? date(text, type) : text;
    }

    private static Object integer(long v, GeoPackageDataType type) {
        return switch (type) {
            case BOOLEAN -> (short) v != 0;
            case TINYINT -> (long) (byte) v;
            case SMALLINT -> (long) (short) v;
            case MEDIUMINT -> (long) (int) v;
            case FLOAT -> (double) (float) v;
            case DOUBLE, REAL -> (double) v;
            default -> v;
        };
    }

    private static Object date(String text, GeoPackageDataType type) {
        Date date;
        try {
            date = DateConverter.converter(type).dateValue(text);
        } catch (RuntimeException e) {
            return text;
        }
        return type == GeoPackageDataType.DATE
                ? LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC)
                : date.toInstant().toString();
    }

    /**
     * The geometry of a GeoPackage geometry BLOB: the standard header ("GP", version, flags, srs id, envelope) is
     * skipped by its flags and the WKB read by JTS; an extended or non-standard BLOB goes through NGA's parser.
     *
     * @return null for an empty geometry
     */
    static Geometry geometry(byte[] blob, WKBReader reader) throws ParseException, IOException {
        if (standardPoint(blob) instanceof CoordinateXY xy) {
            return POINTS.createPoint(xy); // the point the WKB reader makes, without its copy and set-up
        }
        if (blob.length >= 8 && blob[0] == 'G' && blob[1] == 'P' && (blob[3] & 0x20) == 0) {
            int flags = blob[3];
            if ((flags & 0x10) != 0) {
                return null;
            }
            int envelope = switch ((flags >> 1) & 0x07) {
                case 0 -> 0;
                case 1 -> 32;
                case 2, 3 -> 48;
                case 4 -> 64;
                default -> -1;
            };
            if (envelope >= 0 && blob.length > 8 + envelope) {
                return reader.read(Arrays.copyOfRange(blob, 8 + envelope, blob.length));
            }
        }
        GeoPackageGeometryData data = GeoPackageGeometryData.create(blob);
        if (data.isEmpty() || data.getWkb() == null) {
            return null;
        }
        return reader.read(data.getWkb());
    }

    /**
     * The opening pass: the count, extent and geometry types of the table's geometries, read as a record reads them
     * ({@link #geometry}), except that a point in a standard blob is taken from its bytes, its two coordinates, without
     * making a geometry of it ({@link #standardPoint}): about a third of the pass for 100,000 points.
     */
    private SourceScan scan(String fileName) {
        SourceScan scan = new SourceScan();
        WKBReader reader = new WKBReader();
        try (Statement statement = geoPackage.getConnection().getConnection().createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT " + quoted(dao.getGeometryColumnName()) + " FROM " + quoted(dao.getTableName()))) {
            while (rs.next()) {
                Geometry geometry = null;
                try {
                    byte[] blob = rs.getBytes(1);
                    Coordinate point = blob == null ? null : standardPoint(blob);
                    if (point != null) {
                        scan.addPoint(point.x, point.y);
                        continue;
                    }
                    geometry = blob == null ? null : geometry(blob, reader);
                } catch (SQLException | ParseException | IOException | RuntimeException e) {
                    // counted without a geometry, as the record that reports it unreadable
                }
                scan.add(geometry);
            }
        } catch (SQLException e) {
            throw unreadable(fileName, e);
        }
        return scan;
    }

    /**
     * The coordinates of a point in a standard GeoPackage blob (not empty, not extended; the WKB of a point in 2, 3 or
     * 4 dimensions, ISO's or PostGIS's Z and M flags without an SRID, with finite x and y), as {@link #geometry} reads
     * them: a {@link CoordinateXY} for a point in two dimensions, which is the coordinate of the point JTS's WKB reader
     * makes of it; null for any other blob.
     */
    static Coordinate standardPoint(byte[] blob) {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P' || (blob[3] & 0x30) != 0) {
            return null;
        }
        int envelope = switch ((blob[3] >> 1) & 0x07) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> -1;
        };
        int at = 8 + envelope;
        if (envelope < 0 || blob.length < at + 21 || (blob[at] != 0 && blob[at] != 1)) {
            return null;
        }
        ByteBuffer wkb = ByteBuffer.wrap(blob).order(blob[at] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int type = wkb.getInt(at + 1);
        int flags = ((type & 0x80000000) != 0 ? 1 : 0) + ((type & 0x40000000) != 0 ? 1 : 0);
        int dimensions = (type & 0x20000000) != 0 // an extended WKB's SRID
                ? 0
                : switch (type & 0x0FFFFFFF) {
                    case 1 -> 2 + flags; // with the Z and M flags of an extended WKB
                    case 1001, 2001 -> flags == 0 ? 3 : 0;
                    case 3001 -> flags == 0 ? 4 : 0;
                    default -> 0;
                };
        if (dimensions == 0 || blob.length < at + 5 + 8 * dimensions) {
            return null;
        }
        double x = wkb.getDouble(at + 5);
        double y = wkb.getDouble(at + 13);
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return null;
        }
        return dimensions == 2 ? new CoordinateXY(x, y) : new Coordinate(x, y);
    }

    /** CORRUPT_FILE naming the table, not SQLite's message (which may quote SQL). */
    private ImportException unreadable(String fileName, SQLException e) {
        return new ImportException(
                ImportIssue.ofFile(fileName, IssueCode.CORRUPT_FILE, "GeoPackage table " + dao.getTableName()), e);
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * The table's rows in order, one record each, read by plain SQL on the GeoPackage's connection (NGA's row
     * objects look up every column's declared type again for every value: most of an import's time); closing stops
     * early (a sample of the first rows).
     *
     * <p>In a UTF-8 database a row's values come as {@code json_array}s ({@link SqliteJsonArray}): one call into
     * SQLite a row. Where SQLite refuses (a BLOB value in an attribute column) the rest is read again value by value,
     * as is a row whose array is not what SQLite writes.
     */
    private final class Rows implements Iterator<SourceRecord>, AutoCloseable {

        /** Values a {@code json_array} holds at most (SQLite limits a function's arguments). */
        private static final int PER_ARRAY = 100;

        private final String fileName;
        private final int recordSrid;
        private final WKBReader wkbReader = new WKBReader();
        private final int arrays;
        /** The current row's values as the arrays hold them. */
        private final Object[] read;

        private boolean packed;
        /** How many values of the current row were read. */
        private int filled;

        private Statement statement;
        private ResultSet results;
        private boolean ready;
        private long row;

        Rows(String fileName, int recordSrid) {
            this.fileName = fileName;
            this.recordSrid = recordSrid;
            this.arrays = (columns.size() + PER_ARRAY - 1) / PER_ARRAY;
            this.read = new Object[columns.size()];
            this.packed = utf8 && !columns.isEmpty();
            try {
                query();
            } catch (SQLException e) {
                if (!packed) {
                    close();
                    throw unreadable(fileName, e);
                }
                valueByValue(0);
            }
        }

        private void query() throws SQLException {
            StringBuilder sql = new StringBuilder("SELECT ").append(quoted(dao.getGeometryColumnName()));
            List<String> quotedNames =
                    columns.stream().map(c -> quoted(c.getName())).toList();
            for (int a = 0; packed && a < arrays; a++) {
                sql.append(", json_array(")
                        .append(String.join(
                                ", ",
                                quotedNames.subList(a * PER_ARRAY, Math.min(quotedNames.size(), (a + 1) * PER_ARRAY))))
                        .append(')');
            }
            quotedNames.forEach(c -> sql.append(", ").append(c));
            sql.append(" FROM ").append(quoted(dao.getTableName()));
            statement = geoPackage.getConnection().getConnection().createStatement();
            results = statement.executeQuery(sql.toString());
        }

        /** Reads on value by value, from the row after {@code rowsRead}. */
        private void valueByValue(long rowsRead) {
            closeStatement();
            packed = false;
            try {
                query();
                for (long skipped = 0; skipped < rowsRead; skipped++) {
                    results.next();
                }
            } catch (SQLException e) {
                close();
                throw unreadable(fileName, e);
            }
        }

        @Override
        public void close() {
            ready = false;
            results = null;
            closeStatement();
        }

        private void closeStatement() {
            try {
                if (statement != null) {
                    statement.close();
                    statement = null;
                }
            } catch (SQLException e) {
                // closing anyway
            }
        }

        @Override
        public boolean hasNext() {
            if (!ready && results != null) {
                try {
                    ready = results.next();
                } catch (SQLException e) {
                    if (!packed) {
                        throw unreadable(fileName, e);
                    }
                    valueByValue(row);
                    return hasNext();
                }
                if (!ready) {
                    close();
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
            Object[] row = new Object[columns.size()];
            try {
                readValues(row);
            } catch (SQLException e) {
                // the values read before the failure, as a map of their own
                Map<String, Object> read = new LinkedHashMap<>();
                for (int i = 0; i < filled; i++) {
                    read.put(columns.get(i).getName(), row[i]);
                }
                return new SourceRecord(
                        r, read, null, ImportIssue.ofRow(fileName, r, null, IssueCode.UNREADABLE_RECORD));
            }
            Map<String, Object> values = new RowValues(names, row);
            try {
                byte[] blob = results.getBytes(1);
                Geometry geometry = blob == null ? null : geometry(blob, wkbReader);
                if (geometry == null) {
                    return new SourceRecord(r, values, null, null);
                }
                geometry.setSRID(recordSrid);
                return new SourceRecord(r, values, geometry, null);
            } catch (SQLException | ParseException | IOException | RuntimeException e) {
                return new SourceRecord(
                        r, values, null, ImportIssue.ofRow(fileName, r, null, IssueCode.UNREADABLE_RECORD));
            }
        }

        /** Fills {@code row} with the current row's values, in column order, counting them in {@link #filled}. */
        private void readValues(Object[] row) throws SQLException {
            filled = 0;
            int first = packed ? 2 + arrays : 2;
            boolean unpacked = packed;
            try {
                for (int a = 0; unpacked && a < arrays; a++) {
                    SqliteJsonArray.read(
                            results.getBytes(2 + a),
                            read,
                            a * PER_ARRAY,
                            Math.min(PER_ARRAY, columns.size() - a * PER_ARRAY));
                }
            } catch (IllegalArgumentException e) {
                unpacked = false;
            }
            for (int i = 0; i < columns.size(); i++) {
                GeoPackageDataType type = columns.get(i).getDataType();
                row[i] = unpacked ? value(read[i], results, first + i, type) : value(results, first + i, type);
                filled++;
            }
        }
    }
}
