package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.value.Value;
import org.h2.value.ValueBigint;
import org.h2.value.ValueBoolean;
import org.h2.value.ValueDouble;
import org.h2.value.ValueInteger;
import org.h2.value.ValueNull;
import org.h2gis.functions.io.dbf.internal.DbaseFileReader;
import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileHeader;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * An ESRI shapefile read with H2GIS's shapefile, index and dBase readers ({@code ShapefileReader},
 * {@code IndexFile}, {@code DbaseFileReader}), record by record from the files (nothing is loaded in memory).
 *
 * <p>The encoding is settled before anything is decoded: the user's choice, else the .cpg, else the DBF
 * language-driver byte, else detection over the field names and text values (valid UTF-8 → UTF-8, else GBK).
 * Field names are decoded from the header's bytes with that encoding. Date fields are read from their 8 bytes
 * here, because H2GIS 2.2.5's {@code DbaseFileReader} returns NULL for every date.
 *
 * <p>A .shp cut short keeps the records before the cut; the records after it come with UNREADABLE_RECORD.
 */
final class ShapefileSource implements FeatureSource {

    private static final int SHAPEFILE_CODE = 9994;
    private static final int HEADER_BYTES = 100;

    private final Path dbf;
    private final DbfHeader header;
    private final List<String> names;
    private final SourceDescription description;
    private final TempDir temp;
    private final List<FileChannel> open = new ArrayList<>();
    private final ShapefileReader shapes;
    private final IndexFile index;
    private final DbaseFileReader attributes;
    private final FileChannel rawShp;
    private final FileChannel rawDbf;
    private final long shpSize;
    private final int srid;

    private ShapefileSource(
            Path shp, Path shx, Path dbf, Path prj, Path cpg, String fileName, SourceOptions options, TempDir temp)
            throws IOException {
        this.dbf = dbf;
        this.temp = temp;
        this.shpSize = Files.size(shp);
        checkMainFile(shp, ".shp", fileName);
        checkMainFile(shx, ".shx", fileName);
        List<ImportIssue> issues = new ArrayList<>();
        try {
            this.header = DbfHeader.read(dbf);
        } catch (IOException e) {
            throw corrupt(fileName, ".dbf: " + e.getMessage(), e);
        }
        DetectedEncoding encoding = encoding(options, cpg, fileName, issues);
        Charset charset = encoding.charset();
        this.names =
                uniqueNames(header.fields().stream().map(f -> f.name(charset)).toList());
        try {
            this.rawShp = track(channel(shp));
            this.rawDbf = track(channel(dbf));
            this.shapes = new ShapefileReader(track(channel(shp)));
            this.index = new IndexFile(track(channel(shx)));
            this.attributes = new DbaseFileReader(track(channel(dbf)), charset.name());
        } catch (IOException | RuntimeException e) {
            close();
            throw corrupt(fileName, e.getMessage(), e);
        }
        ShapefileHeader shpHeader = shapes.getHeader();
        Envelope extent = header.recordCount() == 0
                ? null
                : new Envelope(shpHeader.minX(), shpHeader.maxX(), shpHeader.minY(), shpHeader.maxY());
        DetectedCrs crs;
        try {
            crs = CrsDetector.resolve(
                    options, () -> prj == null ? null : declaredCrs(prj, fileName), extent, fileName, issues);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.srid = crs.known() ? crs.crs().epsg().orElse(0) : 0;
        List<SourceField> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(new SourceField(names.get(i), header.fields().get(i).sourceType()));
        }
        String table = baseName(fileName);
        this.description = new SourceDescription(
                SourceFormat.SHAPEFILE,
                fileName,
                List.of(table),
                table,
                fields,
                header.recordCount(),
                encoding,
                crs,
                extent,
                geometryTypes(shpHeader.getShapeType()),
                issues);
    }

    /**
     * Opens the shapefile whose main file is {@code shp}; its other parts are found beside it, whatever the case
     * of their extensions.
     *
     * @param fileName the name the user knows the .shp by
     * @param temp     the folder to delete on close, or null
     * @throws ImportException MISSING_PART, CORRUPT_FILE, CRS_LEGACY_DATUM, CRS_UNSUPPORTED
     */
    static ShapefileSource open(Path shp, String fileName, SourceOptions options, TempDir temp) {
        Path shx = part(shp, "shx");
        Path dbf = part(shp, "dbf");
        List<String> missing = Stream.of(shx == null ? ".shx" : null, dbf == null ? ".dbf" : null)
                .filter(s -> s != null)
                .toList();
        if (!missing.isEmpty()) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.MISSING_PART, String.join(", ", missing)));
        }
        try {
            return new ShapefileSource(shp, shx, dbf, part(shp, "prj"), part(shp, "cpg"), fileName, options, temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file beside {@code shp} with the same base name and the extension (any case), or null */
    static Path part(Path shp, String extension) {
        String base = stripExtension(shp.getFileName().toString()).toLowerCase(Locale.ROOT);
        try (Stream<Path> siblings = Files.list(shp.getParent())) {
            return siblings.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).equals(base + "." + extension))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SourceDescription describe() {
        return description;
    }

    @Override
    public Iterator<SourceRecord> records() {
        return new Iterator<>() {
            private long row;

            @Override
            public boolean hasNext() {
                return row < header.recordCount();
            }

            @Override
            public SourceRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return read(row++);
            }
        };
    }

    private SourceRecord read(long zeroBased) {
        int r = (int) zeroBased;
        long row = zeroBased + 1;
        String file = description.fileName();
        ImportIssue problem = null;
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            DbfHeader.Field field = header.fields().get(i);
            try {
                values.put(
                        names.get(i),
                        Character.toUpperCase(field.type()) == 'D'
                                ? date(r, field)
                                : value(attributes.getFieldValue(r, i)));
            } catch (IOException | RuntimeException e) {
                values.put(names.get(i), null);
                problem = problem != null
                        ? problem
                        : ImportIssue.ofRow(file, row, names.get(i), IssueCode.UNREADABLE_RECORD);
            }
        }
        Geometry geometry = null;
        try {
            geometry = geometry(r);
        } catch (IOException | RuntimeException e) {
            problem = problem != null ? problem : ImportIssue.ofRow(file, row, null, IssueCode.UNREADABLE_RECORD);
        }
        return new SourceRecord(row, values, geometry, problem);
    }

    private Geometry geometry(int r) throws IOException {
        if (r >= index.getRecordCount()) {
            throw new IOException("the .shx has no record " + (r + 1));
        }
        int offset = index.getOffset(r);
        if (offset < HEADER_BYTES || offset + 12L > shpSize) {
            throw new IOException("record " + (r + 1) + " lies beyond the end of the .shp");
        }
        ByteBuffer recordHeader = ByteBuffer.allocate(8);
        rawShp.read(recordHeader, offset);
        long contentBytes = 2L * recordHeader.getInt(4);
        if (offset + 8L + contentBytes > shpSize) {
            throw new IOException("record " + (r + 1) + " is cut off by the end of the .shp");
        }
        Geometry geometry = shapes.geomAt(offset);
        if (geometry != null) {
            geometry.setSRID(srid);
        }
        return geometry;
    }

    private LocalDate date(int r, DbfHeader.Field field) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(field.length());
        rawDbf.read(bytes, header.headerLength() + (long) r * header.recordLength() + 1 + field.offset());
        String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).strip();
        if (text.isEmpty() || text.equals("00000000")) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: " + text, e);
        }
    }

    private static Object value(Value value) {
        if (value == null || value instanceof ValueNull) {
            return null;
        }
        if (value instanceof ValueInteger) {
            return value.getInt();
        }
        if (value instanceof ValueBigint) {
            return value.getLong();
        }
        if (value instanceof ValueDouble) {
            return value.getDouble();
        }
        if (value instanceof ValueBoolean) {
            return value.getBoolean();
        }
        return value.getString();
    }

    @Override
    public void close() {
        for (FileChannel c : open) {
            try {
                c.close();
            } catch (IOException e) {
                // closing a read-only file: nothing to recover
            }
        }
        open.clear();
        if (temp != null) {
            temp.close();
        }
    }

    private DetectedEncoding encoding(SourceOptions options, Path cpg, String fileName, List<ImportIssue> issues)
            throws IOException {
        if (options.encoding() != null) {
            return new DetectedEncoding(options.encoding(), Detection.USER);
        }
        if (cpg != null) {
            Optional<Charset> declared = TextEncodings.fromCpg(Files.readString(cpg, StandardCharsets.ISO_8859_1));
            if (declared.isPresent()) {
                return new DetectedEncoding(declared.get(), Detection.DECLARED);
            }
        }
        Optional<Charset> byDriver = TextEncodings.fromLanguageDriver(header.languageDriver());
        if (byDriver.isPresent()) {
            return new DetectedEncoding(byDriver.get(), Detection.HEADER);
        }
        TextEncodings.Utf8Check check = header.scan(dbf);
        Charset chosen = check.choice();
        if (check.nonAscii()) {
            issues.add(ImportIssue.ofFile(
                    fileName,
                    IssueCode.ENCODING_DETECTED,
                    chosen.name(),
                    check.valid() ? "valid UTF-8" : "not valid UTF-8"));
        }
        return new DetectedEncoding(chosen, Detection.INFERRED);
    }

    private static DetectedCrs declaredCrs(Path prj, String fileName) {
        String wkt;
        try {
            wkt = Files.readString(prj, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (wkt.isBlank()) {
            return null;
        }
        return new DetectedCrs(CrsDetector.fromWkt(wkt, fileName), Detection.DECLARED, CrsDetector.wktName(wkt));
    }

    private static void checkMainFile(Path file, String part, String fileName) throws IOException {
        byte[] head = ContentSniffer.head(file, HEADER_BYTES);
        if (head.length < HEADER_BYTES) {
            throw corrupt(fileName, part + ": " + head.length + " bytes, shorter than its 100-byte header", null);
        }
        int code = ByteBuffer.wrap(head).getInt();
        if (code != SHAPEFILE_CODE) {
            throw corrupt(fileName, part + ": not a shapefile (file code " + code + ", expected 9994)", null);
        }
    }

    private static Set<String> geometryTypes(ShapeType type) {
        if (type.isMultiPointType()) {
            return Set.of("MultiPoint");
        }
        if (type.isPointType()) {
            return Set.of("Point");
        }
        if (type.isLineType()) {
            return Set.of("MultiLineString");
        }
        if (type.isPolygonType()) {
            return Set.of("MultiPolygon");
        }
        return Set.of();
    }

    /** Names as they are, a repeated one with a suffix (_2, _3, …) so that each value keeps its column. */
    static List<String> uniqueNames(List<String> raw) {
        List<String> unique = new ArrayList<>();
        for (String name : raw) {
            String candidate = name;
            for (int n = 2; unique.contains(candidate); n++) {
                candidate = name + "_" + n;
            }
            unique.add(candidate);
        }
        return unique;
    }

    private FileChannel track(FileChannel channel) {
        open.add(channel);
        return channel;
    }

    private static FileChannel channel(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    private static ImportException corrupt(String fileName, String detail, Throwable cause) {
        return new ImportException(ImportIssue.ofFile(fileName, IssueCode.CORRUPT_FILE, detail), cause);
    }

    static String baseName(String fileName) {
        String name = fileName.substring(fileName.replace('\\', '/').lastIndexOf('/') + 1);
        return stripExtension(name);
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
