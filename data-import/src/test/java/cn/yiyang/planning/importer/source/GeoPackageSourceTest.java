package cn.yiyang.planning.importer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The values of a GeoPackage's rows by declared column type and by the SQLite storage class each value really has
 * (SQLite lets any column hold any class), in a UTF-8 and in a UTF-16 database.
 */
class GeoPackageSourceTest {

    private static final String COLUMNS = "\"tiny\" TINYINT, \"small\" SMALLINT, \"medium\" MEDIUMINT, \"int\" INT,"
            + " \"integer\" INTEGER, \"flag\" BOOLEAN, \"float\" FLOAT, \"double\" DOUBLE, \"real\" REAL,"
            + " \"text\" TEXT(20), \"day\" DATE, \"time\" DATETIME";

    @TempDir
    Path tmp;

    @Test
    void pointsOfTheOpeningPassAreReadFromTheirBytesAsTheGeometryReaderReadsThem() throws Exception {
        GeometryFactory gf = new GeometryFactory();
        WKBReader reader = new WKBReader();
        int read = 0;
        for (int order : new int[] {ByteOrderValues.BIG_ENDIAN, ByteOrderValues.LITTLE_ENDIAN}) {
            for (int dimensions = 2; dimensions <= 4; dimensions++) { // 4: three, as ISO's WKB writes them
                for (int envelope = 0; envelope <= 2; envelope++) {
                    Coordinate c = new Coordinate(112.123456789 + read, -28.987654321 * read, 35.5);
                    byte[] wkb = new WKBWriter(Math.min(dimensions, 3), order).write(gf.createPoint(c));
                    if (dimensions == 4) {
                        ByteBuffer.wrap(wkb)
                                .order(
                                        order == ByteOrderValues.LITTLE_ENDIAN
                                                ? ByteOrder.LITTLE_ENDIAN
                                                : ByteOrder.BIG_ENDIAN)
                                .putInt(1, 1001);
                    }
                    byte[] blob = blob(envelope, order == ByteOrderValues.LITTLE_ENDIAN, wkb);
                    Coordinate fast = GeoPackageSource.standardPoint(blob);
                    Geometry reference = reader.read(wkb);
                    Coordinate parsed = reference.getCoordinate();
                    assertThat(fast).isNotNull();
                    assertThat(fast.x).isEqualTo(parsed.x).isEqualTo(c.x);
                    assertThat(fast.y).isEqualTo(parsed.y).isEqualTo(c.y);
                    // a record's point: the one the WKB reader makes (read from the bytes in two dimensions)
                    Geometry record = GeoPackageSource.geometry(blob, reader);
                    assertThat(record.equalsExact(reference)).isTrue();
                    assertThat(record.getClass()).isEqualTo(reference.getClass());
                    assertThat(record.getCoordinate().getClass()).isEqualTo(parsed.getClass());
                    assertThat(record.getSRID()).isEqualTo(reference.getSRID());
                    assertThat(record.getFactory().getPrecisionModel())
                            .isEqualTo(reference.getFactory().getPrecisionModel());
                    assertThat(((Point) record).getCoordinateSequence().getDimension())
                            .isEqualTo(
                                    ((Point) reference).getCoordinateSequence().getDimension());
                    read++;
                }
            }
        }
        assertThat(read).isEqualTo(18);
        byte[] line = new WKBWriter()
                .write(gf.createLineString(new Coordinate[] {new Coordinate(112, 28), new Coordinate(113, 29)}));
        assertThat(GeoPackageSource.standardPoint(blob(1, true, line)))
                .as("not a point")
                .isNull();
        byte[] empty = new WKBWriter().write(gf.createPoint());
        assertThat(GeoPackageSource.standardPoint(blob(0, true, empty)))
                .as("an empty point (NaN coordinates)")
                .isNull();
        byte[] point = blob(0, true, new WKBWriter().write(gf.createPoint(new Coordinate(112, 28))));
        point[3] |= 0x10;
        assertThat(GeoPackageSource.standardPoint(point)).as("the empty flag").isNull();
        point[3] ^= 0x30;
        assertThat(GeoPackageSource.standardPoint(point)).as("an extended blob").isNull();
        byte[] cut = blob(0, true, new WKBWriter(3).write(gf.createPoint(new Coordinate(112, 28, 5))));
        assertThat(GeoPackageSource.standardPoint(Arrays.copyOf(cut, cut.length - 1)))
                .as("cut short")
                .isNull();
    }

    /** A standard GeoPackage blob: header (envelope code 0, 1 or 2, any values), then the WKB. */
    private static byte[] blob(int envelope, boolean littleEndianHeader, byte[] wkb) {
        int size = envelope == 0 ? 0 : envelope == 1 ? 32 : 48;
        ByteBuffer b = ByteBuffer.allocate(8 + size + wkb.length)
                .order(littleEndianHeader ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) ((envelope << 1) | (littleEndianHeader ? 1 : 0)));
        b.putInt(4490);
        for (int i = 0; i < size / 8; i++) {
            b.putDouble(i * 1.5);
        }
        return b.put(wkb).array();
    }

    @Test
    void valuesOfTheirDeclaredStorageClassAreReadAsTheirDeclaredType() throws Exception {
        Path file = geoPackage("utf8.gpkg", null);
        insert(
                file,
                "300, 70000, 2147483649, 2147483648, 1234567890123, 1, 1.1, 2.5, 3,"
                        + " '资江水厂 🌊', '2012-05-01', '2024-03-05T08:00:00.000Z'",
                "NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, '', NULL, NULL");

        List<Map<String, Object>> rows = values(file);

        assertThat(rows.get(0))
                .containsExactlyEntriesOf(row(
                        44L,
                        4464L,
                        -2147483647L,
                        2147483648L,
                        1234567890123L,
                        true,
                        (double) 1.1f,
                        2.5,
                        3.0,
                        "资江水厂 🌊",
                        LocalDate.of(2012, 5, 1),
                        "2024-03-05T08:00:00Z"));
        assertThat(rows.get(1))
                .containsExactlyEntriesOf(row(null, null, null, null, null, false, null, null, null, "", null, null));
    }

    @Test
    void valuesOfAnotherStorageClassAreKeptByTheirClass() throws Exception {
        Path file = geoPackage("mixed.gpkg", null);
        insert(
                file,
                // text in integer, boolean and real columns; reals in integer columns; integers in date columns
                "'abc', 2.5, '12a', 7.25, '', 'yes', 'x', '1,5', 'n/a', 12, 20120501, 20240305",
                // integers in float columns go through NGA's narrowing; dates that NGA cannot read stay text
                "-1, -70000, 8388608, 0, -5, 2, 16777217, 9007199254740993, -0.5, 1.5, 'May 2012', 'soon'");

        List<Map<String, Object>> rows = values(file);

        assertThat(rows.get(0))
                .containsExactlyEntriesOf(
                        row("abc", 2.5, "12a", 7.25, "", "yes", "x", "1,5", "n/a", "12", 20120501L, 20240305L));
        assertThat(rows.get(1))
                .containsExactlyEntriesOf(row(
                        -1L,
                        -4464L,
                        8388608L,
                        0L,
                        -5L,
                        true,
                        (double) 16777216f,
                        9007199254740992.0,
                        -0.5,
                        "1.5",
                        "May 2012",
                        "soon"));
    }

    @Test
    void textOfAUtf16DatabaseIsReadAsInAUtf8One() throws Exception {
        Path file = geoPackage("utf16.gpkg", "UTF-16le");
        insert(
                file,
                "1, 2, 3, 4, 5, 1, 0.5, 0.25, 0.125, '益阳 𠀀 Ω', '2012-05-01', '2024-03-05T08:00:00.000Z'",
                "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '12', 'x', NULL");

        List<Map<String, Object>> rows = values(file);

        assertThat(rows.get(0))
                .containsExactlyEntriesOf(row(
                        1L,
                        2L,
                        3L,
                        4L,
                        5L,
                        true,
                        0.5,
                        0.25,
                        0.125,
                        "益阳 𠀀 Ω",
                        LocalDate.of(2012, 5, 1),
                        "2024-03-05T08:00:00Z"));
        assertThat(rows.get(1))
                .containsExactlyEntriesOf(row(null, null, null, null, null, null, null, null, null, "12", "x", null));
    }

    @Test
    void aTableWithMoreColumnsThanOneArrayHoldsIsReadInFull() throws Exception {
        // a row's values come in JSON arrays of 100 values at most
        Path file = tmp.resolve("wide.gpkg");
        create(file);
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < 250; i++) {
            columns.append(", c").append(i).append(i % 2 == 0 ? " INTEGER" : " TEXT");
            Object value = i % 3 == 0 ? null : i % 5 == 0 ? "t" + i : i % 2 == 0 ? (Object) (long) i : "s" + i;
            values.append(", ")
                    .append(value == null ? "NULL" : value instanceof String s ? "'" + s + "'" : value.toString());
            expected.put("c" + i, value);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT" + columns + ")");
            register(s, "t");
            s.execute("INSERT INTO t VALUES (NULL, " + point() + values + ")");
        }

        assertThat(values(file).getFirst()).containsExactlyEntriesOf(expected);
    }

    @Test
    void textIsReadByteForByteAndNumbersWithoutLoss() throws Exception {
        Path file = geoPackage("edges.gpkg", null);
        insert(
                file,
                // quotes, backslashes, every kind of control character, NUL, DEL, line separators, JSON-looking text
                "-9223372036854775808, 9223372036854775807, -8388608, 1234567890123456789, -1, NULL,"
                        + " 0.1 + 0.2, 0.1 + 0.2, -1e999,"
                        + " '\"q\" \\ / '' ' || char(0, 1, 8, 9, 10, 12, 13, 27, 31, 127, 8232, 8233) || ' [1,\"a\"] null',"
                        + " '{\"a\": 1}', 'null'",
                // bytes that are not UTF-8, as SQLite keeps them
                "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, CAST(X'41E4B8FF22C0AF5C' AS TEXT), '[]', ''");

        List<Map<String, Object>> rows = values(file);

        assertThat(rows.get(0))
                .containsExactlyEntriesOf(row(
                        0L,
                        -1L,
                        -8388608L,
                        1234567890123456789L,
                        -1L,
                        null,
                        (double) (float) (0.1 + 0.2),
                        0.1 + 0.2,
                        Double.NEGATIVE_INFINITY,
                        "\"q\" \\ / ' \u0000\u0001\b\t\n\f\r\u001b\u001f\u007f\u2028\u2029 [1,\"a\"] null",
                        "{\"a\": 1}",
                        "null"));
        assertThat(rows.get(1))
                .containsExactlyEntriesOf(row(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new String(HexFormat.of().parseHex("41E4B8FF22C0AF5C"), StandardCharsets.UTF_8),
                        "[]",
                        ""));
    }

    @Test
    void aBlobInAnAttributeColumnIsKeptAndTheRowsAfterItAreRead() throws Exception {
        Path file = geoPackage("blob.gpkg", null);
        insert(
                file,
                "1, 2, 3, 4, 5, 1, 0.5, 0.25, 0.125, '第一', '2012-05-01', NULL",
                "1, 2, 3, 4, 5, 1, 0.5, 0.25, 0.125, X'0102', '2012-05-01', NULL",
                "7, 8, 9, 10, 11, 0, 1.5, 2.25, 3.125, '第三', 'x', NULL");

        List<Map<String, Object>> rows = values(file);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0))
                .containsExactlyEntriesOf(
                        row(1L, 2L, 3L, 4L, 5L, true, 0.5, 0.25, 0.125, "第一", LocalDate.of(2012, 5, 1), null));
        // as NGA's reading gave it: the text of the byte array (which nothing maps)
        assertThat(rows.get(1).get("text")).asString().startsWith("[B@");
        assertThat(rows.get(2))
                .containsExactlyEntriesOf(row(7L, 8L, 9L, 10L, 11L, false, 1.5, 2.25, 3.125, "第三", "x", null));
    }

    private static Map<String, Object> row(Object... values) {
        String[] names = {
            "tiny", "small", "medium", "int", "integer", "flag", "float", "double", "real", "text", "day", "time"
        };
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            row.put(names[i], values[i]);
        }
        return row;
    }

    /** A GeoPackage made by NGA with one point table of every declared type, in the given text encoding. */
    private Path geoPackage(String name, String encoding) throws SQLException {
        Path made = tmp.resolve("made-" + name);
        create(made);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + made);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, " + COLUMNS + ")");
            register(s, "t");
        }
        if (encoding == null) {
            return made;
        }
        // SQLite fixes a database's encoding when it is created: copy the GeoPackage into a UTF-16 one
        Path file = tmp.resolve(name);
        try (Connection from = DriverManager.getConnection("jdbc:sqlite:" + made);
                Statement read = from.createStatement();
                Connection to = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement write = to.createStatement()) {
            write.execute("PRAGMA encoding = '" + encoding + "'");
            write.execute("PRAGMA application_id = 1196444487");
            Map<String, String> tables = new LinkedHashMap<>();
            try (ResultSet rs = read.executeQuery(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'table'" + " AND name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    tables.put(rs.getString(1), rs.getString(2));
                }
            }
            for (Map.Entry<String, String> table : tables.entrySet()) {
                write.execute(table.getValue());
                try (ResultSet rs = read.executeQuery("SELECT * FROM \"" + table.getKey() + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    String marks = String.join(", ", Collections.nCopies(n, "?"));
                    try (PreparedStatement insert =
                            to.prepareStatement("INSERT INTO \"" + table.getKey() + "\" VALUES (" + marks + ")")) {
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                insert.setObject(i, rs.getObject(i));
                            }
                            insert.executeUpdate();
                        }
                    }
                }
            }
            try (ResultSet rs = write.executeQuery("PRAGMA encoding")) {
                assertThat(rs.getString(1)).isEqualTo("UTF-16le");
            }
        }
        return file;
    }

    /** An empty GeoPackage with the table of geometry columns. */
    private static void create(Path file) {
        GeoPackageManager.create(file.toFile());
        try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
            geoPackage.createGeometryColumnsTable();
        }
    }

    private static void register(Statement s, String table) throws SQLException {
        s.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('" + table
                + "', 'features', '" + table + "', 4326)");
        s.execute("INSERT INTO gpkg_geometry_columns VALUES ('" + table + "', 'geom', 'POINT', 4326, 0, 0)");
    }

    private static void insert(Path file, String... rows) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            for (String row : rows) {
                s.execute("INSERT INTO t VALUES (NULL, " + point() + ", " + row + ")");
            }
        }
    }

    /** A GeoPackage geometry BLOB (standard header, little-endian, no envelope) of a point in Yiyang. */
    private static String point() {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN)
                .write(new GeometryFactory().createPoint(new Coordinate(112.35, 28.55)));
        return "X'47500001E6100000" + HexFormat.of().formatHex(wkb) + "'";
    }

    private static List<Map<String, Object>> values(Path file) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (GeoPackageSource source =
                GeoPackageSource.open(file, "t.gpkg", SourceFormat.GEOPACKAGE, SourceOptions.DETECT, null)) {
            source.records().forEachRemaining(r -> {
                assertThat(r.problem()).isNull();
                assertThat(r.geometry().getCoordinate()).isEqualTo(new Coordinate(112.35, 28.55));
                rows.add(r.values());
            });
        }
        return rows;
    }
}
