package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes the test corpus ({@code src/test/resources/corpus}, described in its README.md): shapefiles with
 * H2GIS's shapefile writer (then the DBF's date and language-driver bytes set to fixed values), zips with fixed
 * entry times, text files from strings, and the GeoPackage with GDAL's {@code ogr2ogr}. Everything but the
 * GeoPackage is byte-for-byte reproducible; {@link CorpusGeneratorTest} checks that, and rewrites the corpus
 * when run with {@code -Dcorpus.write=true}.
 */
final class CorpusGenerator {

    static final Charset GBK = Charset.forName("GBK");
    /** ESRI's .prj of EPSG:4525, as ArcGIS writes it. */
    static final String PRJ_4525 =
            "PROJCS[\"CGCS2000_3_Degree_GK_Zone_37\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                    + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                    + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",37500000.0],"
                    + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",111.0],PARAMETER[\"Scale_Factor\",1.0],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    /** ESRI's .prj of EPSG:4546. */
    static final String PRJ_4546 =
            "PROJCS[\"CGCS2000_3_Degree_GK_CM_111E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                    + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                    + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
                    + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",111.0],PARAMETER[\"Scale_Factor\",1.0],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    /** ESRI's .prj of EPSG:4490. */
    static final String PRJ_4490_ESRI = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    /** OGC WKT1 of EPSG:4490, as GDAL writes it, with its authority. */
    static final String PRJ_4490_OGC = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
            + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,"
            + "AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4490\"]]";

    static final String PRJ_BEIJING54 = "PROJCS[\"Beijing_1954_3_Degree_GK_CM_111E\",GEOGCS[\"GCS_Beijing_1954\","
            + "DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",111.0],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    static final String PRJ_XIAN80 = "PROJCS[\"Xian_1980_3_Degree_GK_Zone_37\",GEOGCS[\"GCS_Xian_1980\","
            + "DATUM[\"D_Xian_1980\",SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",37500000.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",111.0],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2024, 6, 1, 8, 0);
    private static final GeometryFactory GF = new GeometryFactory();
    private static final CrsTransform TO_4525 = CrsTransform.of(Crs.CGCS2000, Crs.epsg(4525));
    private static final CrsTransform TO_4546 = CrsTransform.of(Crs.CGCS2000, Crs.epsg(4546));

    /** A DBF column: name, dBase type, length, decimals. */
    record Column(String name, char type, int length, int decimals) {}

    private CorpusGenerator() {}

    /** Writes every corpus file into {@code dir}. */
    static void generate(Path dir, Path ogr2ogr) throws IOException {
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("corpus-");
        try {
            roads(dir, work);
            villages(dir);
            points(dir, "points_no_cpg_no_ldid_gbk", GBK, 0x00, PRJ_4546, TO_4546);
            points(dir, "utf8_no_cpg", StandardCharsets.UTF_8, 0x00, PRJ_4490_OGC, null);
            asciiPoints(
                    dir, "no_prj_gk37", new double[][] {{37_632_114.89, 3_160_138.85}, {37_611_020.5, 3_175_402.25}});
            asciiPoints(dir, "no_prj_lonlat", new double[][] {{112.35, 28.55}, {112.12, 28.61}});
            asciiPoints(dir, "no_prj_ambiguous", new double[][] {{380_000.0, 3_100_000.0}, {520_000.0, 3_180_000.0}});
            legacy(dir, work, "beijing54", PRJ_BEIJING54, 500_000);
            legacy(dir, work, "xian80", PRJ_XIAN80, 37_500_000);
            truncated(dir);
            missingDbf(dir);
            zipSlip(dir);
            zipBomb(dir);
            text(dir);
            geoPackage(dir, work, ogr2ogr);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** GBK with .cpg and LDID, Chinese field names, EPSG:4525 ESRI .prj, in nested folders of a zip. */
    private static void roads(Path dir, Path work) throws IOException {
        Path shp = work.resolve("roads_gk37_gbk.shp");
        List<Column> columns = List.of(
                new Column("道路名称", 'C', 50, 0),
                new Column("路面类型", 'C', 20, 0),
                new Column("路段编码", 'C', 20, 0),
                new Column("长度", 'N', 12, 2),
                new Column("建成日期", 'D', 8, 0));
        writeShapefile(
                shp,
                ShapeType.ARC,
                columns,
                GBK,
                0x4d,
                List.of(
                        row(
                                line(TO_4525, 112.330, 28.560, 112.352, 28.571, 112.371, 28.569),
                                "益阳大道",
                                "沥青",
                                "X001",
                                4210.5,
                                LocalDate.of(2015, 9, 30)),
                        row(
                                line(TO_4525, 112.290, 28.601, 112.301, 28.612),
                                "龙光桥路",
                                "水泥",
                                "Y012",
                                1580.25,
                                LocalDate.of(2019, 12, 1)),
                        row(
                                line(TO_4525, 112.402, 28.533, 112.415, 28.540, 112.421, 28.552),
                                "沧水铺村道",
                                "砂石",
                                "C0305",
                                2290.0,
                                null)));
        Files.writeString(work.resolve("roads_gk37_gbk.prj"), PRJ_4525, StandardCharsets.US_ASCII);
        Files.writeString(work.resolve("roads_gk37_gbk.cpg"), "GBK", StandardCharsets.US_ASCII);
        zip(dir.resolve("roads_gk37_gbk.zip"), work, "roads_gk37_gbk", "益阳道路/赫山区/");
    }

    /** GBK without .cpg, LDID 0x4D; CGCS2000 lon/lat ESRI .prj; polygons; separate files. */
    private static void villages(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("villages_4490_no_cpg"));
        List<Column> columns = List.of(
                new Column("村名", 'C', 30, 0),
                new Column("村代码", 'C', 12, 0),
                new Column("户数", 'N', 6, 0),
                new Column("面积", 'N', 12, 2));
        writeShapefile(
                folder.resolve("villages_4490_no_cpg.shp"),
                ShapeType.POLYGON,
                columns,
                GBK,
                0x4d,
                List.of(
                        row(box(112.30, 28.50, 0.02), "新月村", "430903100201", 412, 356.75),
                        row(box(112.34, 28.52, 0.03), "沧水铺村", "430903105203", 688, 512.4)));
        Files.writeString(folder.resolve("villages_4490_no_cpg.prj"), PRJ_4490_ESRI, StandardCharsets.US_ASCII);
    }

    /** Points with Chinese names and values in {@code charset}, the given LDID, no .cpg. */
    private static void points(Path dir, String name, Charset charset, int ldid, String prj, CrsTransform transform)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        List<Column> columns =
                List.of(new Column("名称", 'C', 40, 0), new Column("类型", 'C', 20, 0), new Column("人口", 'N', 8, 0));
        writeShapefile(
                folder.resolve(name + ".shp"),
                ShapeType.POINT,
                columns,
                charset,
                ldid,
                List.of(
                        row(point(transform, 112.35, 28.55), "资江水厂", "千人以上供水工程", 12000),
                        row(point(transform, 112.18, 28.60), "泉交河镇卫生院", "卫生院", null),
                        row(point(transform, 112.41, 28.47), "欧江岔村服务中心", "村综合性文化服务中心", 1350)));
        Files.writeString(folder.resolve(name + ".prj"), prj, StandardCharsets.US_ASCII);
    }

    /** Points with an ASCII attribute only, UTF-8 .cpg, no .prj: the CRS must come from the coordinates. */
    private static void asciiPoints(Path dir, String name, double[][] xy) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < xy.length; i++) {
            rows.add(row(GF.createPoint(new Coordinate(xy[i][0], xy[i][1])), "P" + (i + 1)));
        }
        writeShapefile(
                folder.resolve(name + ".shp"),
                ShapeType.POINT,
                List.of(new Column("CODE", 'C', 10, 0)),
                StandardCharsets.UTF_8,
                0x00,
                rows);
        Files.writeString(folder.resolve(name + ".cpg"), "UTF-8", StandardCharsets.US_ASCII);
    }

    /** A point shapefile in a legacy datum, zipped. */
    private static void legacy(Path dir, Path work, String name, String prj, double falseEasting) throws IOException {
        writeShapefile(
                work.resolve(name + ".shp"),
                ShapeType.POINT,
                List.of(new Column("CODE", 'C', 10, 0)),
                StandardCharsets.UTF_8,
                0x00,
                List.<Object[]>of(row(GF.createPoint(new Coordinate(falseEasting + 132_100.0, 3_160_300.0)), "L1")));
        Files.writeString(work.resolve(name + ".prj"), prj, StandardCharsets.US_ASCII);
        Files.writeString(work.resolve(name + ".cpg"), "UTF-8", StandardCharsets.US_ASCII);
        zip(dir.resolve(name + ".zip"), work, name, "");
    }

    /** Five points whose .shp is cut inside the fourth record (the .shx and .dbf are whole). */
    private static void truncated(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("truncated_shp"));
        Path shp = folder.resolve("truncated_shp.shp");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(row(point(null, 112.30 + i * 0.01, 28.50), "T" + (i + 1)));
        }
        writeShapefile(
                shp, ShapeType.POINT, List.of(new Column("CODE", 'C', 10, 0)), StandardCharsets.UTF_8, 0x00, rows);
        Files.writeString(folder.resolve("truncated_shp.prj"), PRJ_4490_ESRI, StandardCharsets.US_ASCII);
        Files.writeString(folder.resolve("truncated_shp.cpg"), "UTF-8", StandardCharsets.US_ASCII);
        // header 100 bytes + 3 point records of 28 bytes = 184; cut 10 bytes into the fourth
        try (FileChannel channel = FileChannel.open(shp, StandardOpenOption.WRITE)) {
            channel.truncate(100 + 3 * 28 + 10);
        }
    }

    /** A shapefile whose .dbf was not uploaded. */
    private static void missingDbf(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("missing_dbf"));
        writeShapefile(
                folder.resolve("missing_dbf.shp"),
                ShapeType.POINT,
                List.of(new Column("CODE", 'C', 10, 0)),
                StandardCharsets.UTF_8,
                0x00,
                List.<Object[]>of(row(point(null, 112.3, 28.5), "M1")));
        Files.writeString(folder.resolve("missing_dbf.prj"), PRJ_4490_ESRI, StandardCharsets.US_ASCII);
        Files.delete(folder.resolve("missing_dbf.dbf"));
    }

    private static void zipSlip(Path dir) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("zip_slip.zip")))) {
            put(zip, "roads/readme.txt", "道路数据\n".getBytes(StandardCharsets.UTF_8));
            put(zip, "../../evil.shp", new byte[100]);
        }
    }

    /** 20 MB of zeros as a .dbf: about 20 KB zipped (the test lowers the unpacked limit to 8 MB). */
    private static void zipBomb(Path dir) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("zip_bomb.zip")))) {
            zip.setLevel(9);
            ZipEntry entry = new ZipEntry("bomb/bomb.dbf");
            entry.setTimeLocal(ZIP_TIME);
            zip.putNextEntry(entry);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
    }

    private static void text(Path dir) throws IOException {
        Files.write(dir.resolve("empty.csv"), new byte[0]);
        Files.writeString(dir.resolve("mixed_geometry.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"名称":"资江水厂","类别":"水厂"},"geometry":{"type":"Point","coordinates":[112.35,28.55]}},
                {"type":"Feature","properties":{"名称":"水源保护区","类别":"保护区"},"geometry":{"type":"Polygon","coordinates":[[[112.33,28.54],[112.37,28.54],[112.37,28.57],[112.33,28.57],[112.33,28.54]]]}}
                ]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("bowtie.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"地块编号":"DK-001"},"geometry":{"type":"Polygon","coordinates":[[[112.30,28.50],[112.32,28.52],[112.32,28.50],[112.30,28.52],[112.30,28.50]]]}}
                ]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("swapped_axes.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"名称":"泉交河镇卫生院"},"geometry":{"type":"Point","coordinates":[28.60,112.18]}}
                ]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("villages.geojson"), """
                {"type":"FeatureCollection","name":"villages",
                "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}},
                "features":[
                {"type":"Feature","id":1,"properties":{"村名":"新月村","村代码":"430903100201","户数":412,"重点帮扶":true,"面积":356.75,"备注":null},"geometry":{"type":"Point","coordinates":[112.31,28.51]}},
                {"type":"Feature","id":2,"properties":{"村名":"沧水铺村","村代码":"430903105203","户数":688,"重点帮扶":false,"面积":512,"备注":{"来源":"乡镇上报"}},"geometry":{"type":"Point","coordinates":[112.355,28.535]}}
                ]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("villages.geojsonl"), """
                {"type":"Feature","properties":{"村名":"新月村","户数":412},"geometry":{"type":"Point","coordinates":[112.31,28.51]}}
                {"type":"Feature","properties":{"村名":"沧水铺村","户数":688},"geometry":{"type":"Point","coordinates":[112.355,28.535]}}
                {"type":"Feature","properties":{"村名":"断行村","户数":
                {"type":"Feature","properties":{"村名":"欧江岔村","户数":301},"geometry":null}
                """, StandardCharsets.UTF_8);
        Files.write(
                dir.resolve("households_lonlat.csv"),
                ("\ufeff户主,经度,纬度,人口\n"
                                + "张三,112.3512,28.5534,4\n"
                                + "李四,\"112°21′36″\",28°33′,3\n"
                                + "王五,112.3x,28.5601,5\n")
                        .getBytes(StandardCharsets.UTF_8));
        Files.write(
                dir.resolve("duplicate_ids.csv"),
                ("编号,名称,经度,纬度\n"
                                + "WS001,资江水厂,112.35,28.55\n"
                                + "WS002,志溪河水厂,112.29,28.59\n"
                                + "WS001,资江水厂(重复),112.3501,28.5502\n")
                        .getBytes(GBK));
        Files.writeString(
                dir.resolve("sewage_wkt.csv"),
                "编号;设施类型;WKT\n"
                        + "PS01;集中式污水处理站;POINT (" + xy(TO_4546, 112.35, 28.55) + ")\n"
                        + "PS02;管网;\"LINESTRING (" + xy(TO_4546, 112.35, 28.55) + ", " + xy(TO_4546, 112.36, 28.56)
                        + ")\"\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("gcj02_points.csv"),
                "name\tlng\tlat\n" + "村部\t112.356100\t28.551870\n" + "快递点\t112.361520\t28.548090\n",
                StandardCharsets.UTF_8);
    }

    /** Two feature tables, 水厂 (points) and 管网 (lines), in EPSG:4490, written by ogr2ogr. */
    private static void geoPackage(Path dir, Path work, Path ogr2ogr) throws IOException {
        Path gpkg = dir.resolve("two_tables.gpkg");
        Files.deleteIfExists(gpkg);
        Path works = work.resolve("works.geojson");
        Files.writeString(works, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"名称":"资江水厂","规模":50000,"投产日期":"2012-05-01"},"geometry":{"type":"Point","coordinates":[112.35,28.55]}},
                {"type":"Feature","properties":{"名称":"志溪河水厂","规模":20000,"投产日期":"2016-10-01"},"geometry":{"type":"Point","coordinates":[112.29,28.59]}}
                ]}""", StandardCharsets.UTF_8);
        Path mains = work.resolve("mains.geojson");
        Files.writeString(mains, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"管径":300},"geometry":{"type":"LineString","coordinates":[[112.35,28.55],[112.33,28.57]]}}
                ]}""", StandardCharsets.UTF_8);
        run(ogr2ogr.toString(), "-f", "GPKG", "-a_srs", "EPSG:4490", "-nln", "水厂", gpkg.toString(), works.toString());
        run(
                ogr2ogr.toString(),
                "-update",
                "-f",
                "GPKG",
                "-a_srs",
                "EPSG:4490",
                "-nln",
                "管网",
                gpkg.toString(),
                mains.toString());
    }

    static void run(String... command) throws IOException {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * Writes a shapefile with H2GIS's writer, then sets the DBF's last-update date (bytes 1-3) to 2024-06-01, its
     * record count (bytes 4-7, which H2GIS 2.2.5's writer leaves at 0) and its language-driver byte (29) to
     * {@code ldid}.
     */
    static void writeShapefile(
            Path shp, ShapeType type, List<Column> columns, Charset charset, int ldid, List<Object[]> rows)
            throws IOException {
        DbaseFileHeader header = new DbaseFileHeader();
        header.setEncoding(charset.equals(GBK) ? "cp936" : charset.name());
        for (Column c : columns) {
            try {
                header.addColumn(c.name(), c.type(), c.length(), c.decimals());
            } catch (DbaseFileException e) {
                throw new IOException(e);
            }
        }
        SHPDriver driver = new SHPDriver();
        driver.initDriver(shp.toFile(), type, header);
        for (Object[] row : rows) {
            driver.insertRow(row);
        }
        driver.close();
        Path dbf = shp.resolveSibling(shp.getFileName().toString().replace(".shp", ".dbf"));
        try (FileChannel channel = FileChannel.open(dbf, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {124, 6, 1}), 1);
            channel.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, rows.size()), 4);
            channel.write(ByteBuffer.wrap(new byte[] {(byte) ldid}), 29);
        }
    }

    static Object[] row(Geometry geometry, Object... values) {
        Object[] row = new Object[values.length + 1];
        row[0] = geometry;
        for (int i = 0; i < values.length; i++) {
            row[i + 1] = values[i] instanceof LocalDate d ? Date.valueOf(d) : values[i];
        }
        return row;
    }

    private static Geometry point(CrsTransform transform, double lon, double lat) {
        Coordinate c = new Coordinate(lon, lat);
        return GF.createPoint(transform == null ? c : transform.transform(c));
    }

    private static Geometry line(CrsTransform transform, double... lonLat) {
        Coordinate[] coordinates = new Coordinate[lonLat.length / 2];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = transform.transform(new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]));
        }
        return GF.createMultiLineString(new LineString[] {GF.createLineString(coordinates)});
    }

    private static Geometry box(double lon, double lat, double size) {
        return GF.createMultiPolygon(new Polygon[] {
            GF.createPolygon(new Coordinate[] {
                new Coordinate(lon, lat),
                new Coordinate(lon, lat + size),
                new Coordinate(lon + size, lat + size),
                new Coordinate(lon + size, lat),
                new Coordinate(lon, lat)
            })
        });
    }

    private static String xy(CrsTransform transform, double lon, double lat) {
        Coordinate c = transform.transform(new Coordinate(lon, lat));
        return String.format(Locale.ROOT, "%.2f %.2f", c.x, c.y);
    }

    /** Zips the parts {@code base.*} of {@code from} under {@code folder} (entries in a fixed order and time). */
    private static void zip(Path target, Path from, String base, String folder) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            if (!folder.isEmpty()) {
                String path = "";
                for (String segment : folder.split("/")) {
                    path += segment + "/";
                    ZipEntry dirEntry = new ZipEntry(path);
                    dirEntry.setTimeLocal(ZIP_TIME);
                    zip.putNextEntry(dirEntry);
                    zip.closeEntry();
                }
            }
            for (String extension : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                Path part = from.resolve(base + "." + extension);
                if (Files.exists(part)) {
                    put(zip, folder + base + "." + extension, Files.readAllBytes(part));
                }
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ZIP_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
