package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;

/**
 * Files for the import tests: the data-import corpus (see its README.md) and a road shapefile as a
 * county transport bureau sends it — GBK with a {@code .cpg}, ESRI {@code .prj} of CGCS2000 3-degree
 * Gauss-Kruger zone 37 (EPSG:4525), Chinese field names 道路名称 / 路段编码 / 行政等级 / 路面类型, in a
 * nested folder of a zip; three good roads near 赫山区 and one with an unknown 行政等级 (高速).
 */
public final class ImportTestFiles {

    /** The rows: name, code, admin class, surface, and the line's lon/lat vertices. */
    static final List<Object[]> ROADS = List.of(
            new Object[] {"益阳大道", "X001", "县道", "沥青", new double[] {112.330, 28.560, 112.352, 28.571, 112.371, 28.569}},
            new Object[] {"龙光桥路", "Y012", "乡道", "水泥", new double[] {112.290, 28.601, 112.301, 28.612}},
            new Object[] {"沧水铺村道", "C0305", "村道", "砂石", new double[] {112.402, 28.533, 112.415, 28.540, 112.421, 28.552}
            },
            new Object[] {"银城大道", "G999", "高速", "沥青", new double[] {112.35, 28.58, 112.36, 28.59}});

    static final String PRJ_4525 =
            "PROJCS[\"CGCS2000_3_Degree_GK_Zone_37\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                    + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                    + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",37500000.0],"
                    + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",111.0],PARAMETER[\"Scale_Factor\",1.0],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    private static final Path CORPUS = Path.of("..", "data-import", "src", "test", "resources", "corpus");
    private static final GeometryFactory GF = new GeometryFactory();

    private ImportTestFiles() {}

    /** A file or folder of the data-import test corpus. */
    public static Path corpus(String name) {
        Path p = CORPUS.resolve(name).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException("no corpus file " + p);
        }
        return p;
    }

    /** Writes {@code 益阳道路_赫山区.zip} (the roads above) into {@code dir} and returns it. */
    public static Path roadsZip(Path dir) {
        try {
            Files.createDirectories(dir);
            Path work = Files.createTempDirectory(dir, "roads-");
            Path shp = work.resolve("roads.shp");
            DbaseFileHeader header = new DbaseFileHeader();
            header.setEncoding("cp936");
            header.addColumn("道路名称", 'C', 50, 0);
            header.addColumn("路段编码", 'C', 20, 0);
            header.addColumn("行政等级", 'C', 10, 0);
            header.addColumn("路面类型", 'C', 10, 0);
            SHPDriver driver = new SHPDriver();
            driver.initDriver(shp.toFile(), ShapeType.ARC, header);
            CrsTransform to4525 = CrsTransform.of(Crs.CGCS2000, Crs.epsg(4525));
            for (Object[] road : ROADS) {
                driver.insertRow(new Object[] {line(to4525, (double[]) road[4]), road[0], road[1], road[2], road[3]});
            }
            driver.close();
            // H2GIS's writer leaves the DBF record count at 0; set it, and the language driver to GBK (0x4D)
            try (FileChannel dbf = FileChannel.open(work.resolve("roads.dbf"), StandardOpenOption.WRITE)) {
                dbf.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, ROADS.size()), 4);
                dbf.write(ByteBuffer.wrap(new byte[] {0x4d}), 29);
            }
            Files.writeString(work.resolve("roads.prj"), PRJ_4525, StandardCharsets.US_ASCII);
            Files.writeString(work.resolve("roads.cpg"), "GBK", StandardCharsets.US_ASCII);
            Path zip = dir.resolve("益阳道路_赫山区.zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                    out.putNextEntry(new ZipEntry("赫山区/农村公路." + ext));
                    out.write(Files.readAllBytes(work.resolve("roads." + ext)));
                    out.closeEntry();
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DbaseFileException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of {@code kilobytes} of zeros named big.geojson, for the size limit. */
    public static Path filler(Path dir, int kilobytes) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("big.geojson");
            Files.write(file, new byte[kilobytes * 1024]);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MultiLineString line(CrsTransform transform, double[] lonLat) {
        Coordinate[] c = new Coordinate[lonLat.length / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = transform.transform(new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]));
        }
        return GF.createMultiLineString(new LineString[] {GF.createLineString(c)});
    }
}
