package cn.yiyang.planning.app.exporting;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.Feature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.h2gis.functions.io.shp.internal.ShapeType;

/**
 * A zipped Shapefile written by H2GIS's Shapefile driver, row by row: {@code .shp}, {@code .shx}, {@code .dbf} in
 * the chosen encoding (UTF-8 or GBK) with its {@code .cpg}, the {@code .prj} in ESRI's WKT, and
 * {@code <layer>_fields.txt} (tab-separated UTF-8; not .csv, so that the import takes the zip as one table) mapping the DBF's field names (at most 10 bytes: longer names are cut and numbered) to
 * the layer's fields with their Chinese and English titles.
 */
final class ShapefileExport implements ExportWriter {

    private static final int DBF_NAME = 10;
    private final ExportRequest request;
    private final OutputStream out;
    private final Path dir;
    private final SHPDriver driver = new SHPDriver();
    private final Map<String, String> shortNames;
    private int written;

    ShapefileExport(ExportRequest request, OutputStream out, Path tmp) throws IOException {
        this.request = request;
        this.out = out;
        this.dir = Files.createDirectories(tmp.resolve("shp"));
        LayerDef layer = request.layer();
        this.shortNames = shortNames(layer);
        DbaseFileHeader header = new DbaseFileHeader();
        // H2GIS names code pages as DBF language drivers do: GBK is cp936
        String codePage = request.encoding().equals(StandardCharsets.UTF_8) ? "UTF-8" : "cp936";
        if (!header.setEncoding(codePage)) {
            throw new IOException("the DBF writer does not know " + codePage);
        }
        try {
            for (FieldDef f : layer.fields()) {
                String name = shortNames.get(f.name());
                switch (f.type()) {
                    case TEXT, CODE -> header.addColumn(name, 'C', 254, 0);
                    case INTEGER -> header.addColumn(name, 'N', 11, 0);
                    case DECIMAL -> header.addColumn(name, 'N', 24, 8);
                    case BOOLEAN -> header.addColumn(name, 'L', 1, 0);
                    case DATE -> header.addColumn(name, 'D', 8, 0);
                }
            }
        } catch (DbaseFileException e) {
            throw new IOException("cannot define the DBF", e);
        }
        ShapeType type = switch (layer.geometry()) {
            case POINT -> ShapeType.POINT;
            case MULTILINESTRING -> ShapeType.ARC;
            default -> ShapeType.POLYGON;
        };
        driver.setGeometryFieldIndex(0);
        driver.initDriver(dir.resolve(layer.id() + ".shp").toFile(), type, header);
    }

    @Override
    public void write(Feature f) throws IOException {
        List<FieldDef> fields = request.layer().fields();
        Object[] row = new Object[fields.size() + 1];
        row[0] = ExportWriter.geometry(request, f);
        for (int i = 0; i < fields.size(); i++) {
            Object v = f.get(fields.get(i).name());
            row[i + 1] = v instanceof LocalDate d ? Date.valueOf(d) : v;
        }
        driver.insertRow(row);
        written++;
    }

    @Override
    public void finish() throws IOException {
        driver.close();
        String base = request.layer().id();
        recordCount(dir.resolve(base + ".dbf"), written);
        int epsg = request.crs().crs().epsg().orElseThrow();
        Files.writeString(dir.resolve(base + ".prj"), CrsWkt.esri(epsg), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(base + ".cpg"), request.encoding().name(), StandardCharsets.US_ASCII);
        StringBuilder mapping = new StringBuilder("\uFEFFdbf_field\tfield\ttitle_zh\ttitle_en\r\n");
        for (FieldDef f : request.layer().fields()) {
            mapping.append(shortNames.get(f.name()))
                    .append('\t')
                    .append(f.name())
                    .append('\t')
                    .append(f.titleZh())
                    .append('\t')
                    .append(f.titleEn())
                    .append("\r\n");
        }
        Files.writeString(dir.resolve(base + "_fields.txt"), mapping, StandardCharsets.UTF_8);
        ZipOutputStream zip = new ZipOutputStream(out);
        for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg", "_fields.txt")) {
            zip.putNextEntry(new ZipEntry(base + ext));
            Files.copy(dir.resolve(base + ext), zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /**
     * Sets the DBF header's record count (bytes 4-7, little-endian), which H2GIS's writer takes from the header it
     * was given before the rows (its own SHPWrite counts them first); here the rows stream, so it is set after. Also
     * the date of the last update (bytes 1-3, the year since 1900), which H2GIS writes as years since 2000.
     */
    private static void recordCount(Path dbf, int count) throws IOException {
        LocalDate today = LocalDate.now(Region.TIME_ZONE);
        try (RandomAccessFile f = new RandomAccessFile(dbf.toFile(), "rw")) {
            f.seek(1);
            f.write(new byte[] {
                (byte) (today.getYear() - 1900), (byte) today.getMonthValue(), (byte) today.getDayOfMonth()
            });
            f.write(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(count)
                    .array());
        }
    }

    /** DBF names of at most 10 characters, unique: the name itself, or its first 8 and a number. */
    static Map<String, String> shortNames(LayerDef layer) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (FieldDef f : layer.fields()) {
            String name = f.name();
            String s = name.length() <= DBF_NAME ? name : name.substring(0, DBF_NAME);
            for (int n = 1; used.contains(s.toLowerCase(Locale.ROOT)); n++) {
                s = name.substring(0, Math.min(name.length(), DBF_NAME - 2)) + "_" + n;
            }
            used.add(s.toLowerCase(Locale.ROOT));
            names.put(name, s);
        }
        return names;
    }
}
