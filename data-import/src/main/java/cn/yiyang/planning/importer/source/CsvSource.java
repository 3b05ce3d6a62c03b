package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.format.SpreadsheetText;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A CSV (or tab- or semicolon-separated) table with a header row, parsed by Apache Commons CSV, or, when it has no
 * quote and is in UTF-8 or GBK, split on its bytes into the same records ({@link PlainCsvRecords}). The delimiter is
 * the one of comma, tab and semicolon that the header row uses most. The encoding is the user's, a byte-order
 * mark's, else UTF-8 when valid, else GBK (Excel on Chinese Windows).
 *
 * <p>The geometry comes from a longitude and a latitude column ({@code lon, lng, long, longitude, x, 经度, 东经}
 * and {@code lat, latitude, y, 纬度, 北纬}, any case, a unit in brackets ignored) or, failing those, a WKT column
 * ({@code wkt, geometry, geom, the_geom, shape, 几何, 空间信息}). Coordinates may be decimal degrees or
 * degrees-minutes-seconds ({@code 112°21′36″E}, {@code 112度21分36秒}). A value that is not a number gives the
 * record a WRONG_TYPE problem on that field (the expected type "decimal"); an unreadable WKT an
 * UNREADABLE_RECORD on the WKT field; an empty one no geometry. Every column, the geometry columns too, is kept
 * in the values as text (empty → null), a value the app's downloads neutralised as a formula ({@code '=1}) restored
 * ({@link SpreadsheetText#restore}).
 *
 * <p>A table without coordinate or WKT columns is refused ({@code CSV_NO_GEOMETRY_COLUMNS}) unless the target
 * layer has no geometry ({@link SourceOptions#withoutGeometry()}): then its rows have none, and no CRS.
 *
 * <p>Row = the data row's 1-based number: the header is not counted, nor are blank lines.
 *
 * <p>CRS: longitude/latitude columns are CGCS2000 lon/lat by the format's rule (FORMAT_DEFAULT; phone-map points
 * in GCJ-02 or BD-09 need the user's {@link SourceOptions#crs()}) when the numbers can be degrees; numbers that
 * cannot (x/y columns of a projected CRS), and WKT, are inferred from the coordinates.
 */
final class CsvSource implements FeatureSource {

    /** Files from this size on are read in two halves at once at opening ({@link #splitPoint}). */
    static final long SPLIT_BYTES = 2L << 20;

    private static final Set<String> LON = Set.of("lon", "lng", "long", "longitude", "x", "经度", "东经");
    private static final Set<String> LAT = Set.of("lat", "latitude", "y", "纬度", "北纬");
    private static final Set<String> WKT = Set.of("wkt", "geometry", "geom", "the_geom", "shape", "几何", "空间信息");
    private static final Pattern DMS = Pattern.compile(
            "^(东经|北纬|[NSEW])?\\s*(\\d+(?:\\.\\d+)?)\\s*[°度]\\s*(?:(\\d+(?:\\.\\d+)?)\\s*['′分]\\s*)?"
                    + "(?:(\\d+(?:\\.\\d+)?)\\s*(?:[\"″秒]|'')\\s*)?([NSEW])?$",
            Pattern.CASE_INSENSITIVE);

    private final Path file;
    private final Charset charset;
    private final CSVFormat format;
    private final List<String> header;
    /** The header's names, which the values of every row share. */
    private final RowValues.Columns columns;

    private final int lonColumn;
    private final int latColumn;
    private final int wktColumn;
    private final boolean geometryless;
    /** Whether the records are read on the file's bytes ({@link PlainCsvRecords}), else by Commons CSV. */
    private final boolean plain;

    private final SourceDescription description;
    private final TempDir temp;
    private final GeometryFactory geometryFactory;
    private final int srid;

    private CsvSource(
            Path file,
            String fileName,
            SourceOptions options,
            TempDir temp,
            SourceFormat sourceFormat,
            List<String> tables,
            boolean plainReading) {
        this.file = file;
        this.temp = temp;
        List<ImportIssue> issues = new ArrayList<>();
        DetectedEncoding encoding = TextEncodings.forText(file, options, Detection.INFERRED, fileName, issues);
        this.charset = encoding.charset();
        String firstLine = firstLine(file, charset);
        this.format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(sniffDelimiter(firstLine))
                .get();
        try (Reader reader = TextEncodings.lenientReader(file, charset);
                CSVParser parser = format.parse(reader)) {
            Iterator<CSVRecord> it = parser.iterator();
            this.header = ShapefileSource.uniqueNames(
                    it.hasNext()
                            ? it.next().toList().stream().map(String::strip).toList()
                            : List.of());
        } catch (IOException | UncheckedIOException e) {
            throw corrupt(fileName, e);
        }
        this.columns = new RowValues.Columns(header);
        this.lonColumn = column(LON);
        this.latColumn = column(LAT);
        int wkt = column(WKT);
        this.wktColumn = lonColumn >= 0 && latColumn >= 0 ? -1 : wkt;
        this.geometryless = (lonColumn < 0 || latColumn < 0) && wktColumn < 0;
        if (geometryless && !options.withoutGeometry()) {
            throw new ImportException(
                    ImportIssue.ofFile(fileName, IssueCode.CSV_NO_GEOMETRY_COLUMNS, String.join(", ", header)));
        }
        this.geometryFactory = new GeometryFactory();
        this.plain = plainReading && plain(file, charset);
        SourceScan scan = new SourceScan();
        header.forEach(scan::declare);
        try {
            scanRows(fileName, scan);
        } catch (UncheckedIOException e) {
            throw corrupt(fileName, e);
        }
        boolean lonLatColumns = wktColumn < 0;
        DetectedCrs crs = geometryless
                ? null
                : CrsDetector.resolve(
                        options,
                        () -> lonLatColumns
                                        && (scan.extent() == null
                                                || new Envelope(-180, 180, -90, 90).contains(scan.extent()))
                                ? new DetectedCrs(Crs.CGCS2000, Detection.FORMAT_DEFAULT, null)
                                : null,
                        scan.extent(),
                        fileName,
                        issues);
        this.srid = crs == null ? 0 : GeoJsonFeatures.srid(crs);
        String table =
                tables.isEmpty() ? ShapefileSource.baseName(fileName) : ShapefileSource.baseName(file.toString());
        this.description = new SourceDescription(
                sourceFormat,
                fileName,
                tables.isEmpty() ? List.of(table) : tables,
                table,
                scan.fields(),
                scan.count(),
                encoding,
                crs,
                scan.extent(),
                scan.geometryTypes(),
                issues);
    }

    /**
     * The opening pass: every data row's geometry into {@code scan} (every value of a CSV is text, the fields are the
     * header's, so it needs the geometries only). A large file is read in two halves at once ({@link #splitPoint}):
     * the pass is most of the opening, and the load waits for it.
     */
    private void scanRows(String fileName, SourceScan scan) {
        long split = splitPoint();
        if (split < 0) {
            scanRows(new Rows(fileName, 0), scan);
            return;
        }
        long size = size(file);
        SourceScan second = new SourceScan();
        try (ExecutorService half = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> other = half.submit(() -> scanRows(new Rows(fileName, 0, split, size), second));
            scanRows(new Rows(fileName, 0, 0, split), scan);
            other.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + fileName, e);
        }
        scan.addAll(second);
    }

    private static void scanRows(Rows rows, SourceScan scan) {
        try (rows) {
            while (rows.hasNext()) {
                scan.add(rows.nextGeometry());
            }
        }
    }

    /**
     * Whether the file can be read on its bytes ({@link PlainCsvRecords}): UTF-8 or GBK (a line feed, carriage return,
     * delimiter or quote byte is always that character, and there is no byte-order mark of another encoding) and
     * without any quote, so that every line ends a record and every delimiter a value. One look at every byte.
     */
    private static boolean plain(Path file, Charset charset) {
        String name = charset.name();
        if (!name.equals("UTF-8") && !name.equals("GBK") && !name.equals("GB18030")) {
            return false;
        }
        Charset bom = TextEncodings.fromBom(ContentSniffer.head(file, 3));
        if (bom != null && !bom.equals(StandardCharsets.UTF_8)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '"') {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the opening pass may split the file into two halves read at once, or -1 for one pass: a file of at least
     * {@link #SPLIT_BYTES} that is read on its bytes (every line feed ends a record, and none is inside a value),
     * split after the first line feed past its middle that is not the header's.
     */
    long splitPoint() {
        long size = size(file);
        if (size < SPLIT_BYTES || !plain) {
            return -1;
        }
        long headerEnd = lineFeed(0);
        long split = headerEnd < 0 ? -1 : lineFeed(Math.max(size / 2, headerEnd + 1));
        return split >= 0 && split + 1 < size ? split + 1 : -1;
    }

    /** The position of the first line feed at or after {@code from}, or -1. */
    private long lineFeed(long from) {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long at = from;
            channel.position(from);
            for (int n = channel.read(buffer); n > 0; n = channel.read(buffer.clear())) {
                for (int i = 0; i < n; i++) {
                    if (buffer.get(i) == '\n') {
                        return at + i;
                    }
                }
                at += n;
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws ImportException CSV_NO_GEOMETRY_COLUMNS, CORRUPT_FILE (e.g. an unclosed quote) */
    static CsvSource open(Path file, String fileName, SourceOptions options, TempDir temp) {
        return new CsvSource(file, fileName, options, temp, SourceFormat.CSV, List.of(), true);
    }

    /** {@link #open}, its records read by Commons CSV whatever the file (to compare a file read on its bytes with). */
    static CsvSource openParsed(Path file, String fileName, SourceOptions options, TempDir temp) {
        return new CsvSource(file, fileName, options, temp, SourceFormat.CSV, List.of(), false);
    }

    /**
     * One sheet of an Excel workbook, as GDAL wrote it to CSV ({@link GdalConverter#sheetsToCsv}).
     *
     * @param sheet    the sheet's CSV, named after the sheet
     * @param fileName the workbook's name as the user knows it
     * @param sheets   every sheet of the workbook
     */
    static CsvSource sheet(Path sheet, String fileName, SourceOptions options, TempDir temp, List<String> sheets) {
        return new CsvSource(sheet, fileName, options, temp, SourceFormat.XLSX, sheets, true);
    }

    /** @return the delimiter (comma, tab or semicolon) a header row uses most, outside quotes; 0 for none */
    static char sniffDelimiter(String headerLine) {
        int comma = 0;
        int tab = 0;
        int semicolon = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
            }
        }
        if (comma == 0 && tab == 0 && semicolon == 0) {
            return 0;
        }
        return comma >= tab && comma >= semicolon ? ',' : tab >= semicolon ? '\t' : ';';
    }

    /**
     * A coordinate: a decimal number, or degrees with optional minutes and seconds ({@code 112°21′36″},
     * {@code 112度21分36.5秒}, {@code N28°30'}); S and W make it negative.
     *
     * @throws NumberFormatException when it is neither
     */
    static double coordinate(String text) {
        String t = text.strip();
        if (!t.isEmpty() && Character.isDigit(t.charAt(t.length() - 1)) && !t.contains("°") && !t.contains("度")) {
            return Double.parseDouble(t);
        }
        Matcher dms = DMS.matcher(t);
        if (!dms.matches()) {
            throw new NumberFormatException(text);
        }
        double value = Double.parseDouble(dms.group(2))
                + (dms.group(3) == null ? 0 : Double.parseDouble(dms.group(3)) / 60)
                + (dms.group(4) == null ? 0 : Double.parseDouble(dms.group(4)) / 3600);
        String hemisphere = ((dms.group(1) == null ? "" : dms.group(1)) + (dms.group(5) == null ? "" : dms.group(5)))
                .toUpperCase(Locale.ROOT);
        return hemisphere.contains("S") || hemisphere.contains("W") ? -value : value;
    }

    /** Whether the records are read on the file's bytes ({@link PlainCsvRecords}) rather than by Commons CSV. */
    boolean readOnBytes() {
        return plain;
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
        if (temp != null) {
            temp.close();
        }
    }

    private int column(Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i)
                    .replace("\ufeff", "")
                    .replaceAll("\\s*[(（\\[].*$", "")
                    .strip()
                    .toLowerCase(Locale.ROOT);
            if (names.contains(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String firstLine(Path file, Charset charset) {
        try (Reader reader = TextEncodings.lenientReader(file, charset)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = reader.read()) >= 0 && c != '\n' && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportException corrupt(String fileName, Exception e) {
        return new ImportException(ImportIssue.ofFile(fileName, IssueCode.CORRUPT_FILE, e.getMessage()), e);
    }

    /**
     * The data rows, one record each, read on the file's bytes when it is plain ({@link PlainCsvRecords}), else by
     * Commons CSV; closing stops early (a sample of the first rows).
     */
    private final class Rows implements Iterator<SourceRecord>, AutoCloseable {

        private final String fileName;
        private final int recordSrid;
        private final WKTReader wktReader = new WKTReader(geometryFactory);
        private CSVParser parser;
        private Iterator<CSVRecord> it;
        /** The record read ahead by Commons CSV. */
        private CSVRecord current;

        private PlainCsvRecords bytes;
        /** Whether a record is read and not taken yet. */
        private boolean ahead;

        private boolean closed;
        private long row;

        Rows(String fileName, int recordSrid) {
            this(fileName, recordSrid, 0, Long.MAX_VALUE);
        }

        /** The rows in the bytes {@code [from, to)}, {@code from} 0 or a record's start ({@link #splitPoint}). */
        Rows(String fileName, int recordSrid, long from, long to) {
            this.fileName = fileName;
            this.recordSrid = recordSrid;
            if (plain) {
                bytes = new PlainCsvRecords(
                        file, charset, format.getDelimiterString().charAt(0), from, to);
            } else {
                try {
                    parser = format.parse(
                            from == 0 && to == Long.MAX_VALUE
                                    ? TextEncodings.lenientReader(file, charset)
                                    : TextEncodings.lenientReader(file, charset, from, to));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                it = parser.iterator();
            }
            if (from == 0 && hasNext()) {
                ahead = false; // the header
            }
        }

        @Override
        public void close() {
            closed = true;
            ahead = false;
            if (bytes != null) {
                bytes.close();
            }
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // read-only file
                }
                parser = null;
            }
        }

        @Override
        public boolean hasNext() {
            if (!ahead && !closed) {
                if (bytes != null) {
                    ahead = bytes.next();
                } else if (it.hasNext()) {
                    current = it.next();
                    ahead = true;
                }
                if (!ahead) {
                    close();
                }
            }
            return ahead;
        }

        @Override
        public SourceRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = false;
            long r = ++row;
            Object[] cells = new Object[header.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(i);
            }
            Map<String, Object> values = new RowValues(columns, cells);
            if (geometryless) {
                return new SourceRecord(r, values, null, null);
            }
            if (wktColumn >= 0) {
                return wktRecord(r, values);
            }
            String lon = (String) values.get(header.get(lonColumn));
            String lat = (String) values.get(header.get(latColumn));
            if (lon == null || lat == null) {
                return new SourceRecord(r, values, null, null);
            }
            Double x = number(lon);
            Double y = number(lat);
            if (x == null || y == null) {
                String field = header.get(x == null ? lonColumn : latColumn);
                return new SourceRecord(
                        r,
                        values,
                        null,
                        ImportIssue.ofRow(fileName, r, field, IssueCode.WRONG_TYPE, x == null ? lon : lat, "decimal"));
            }
            Geometry point = geometryFactory.createPoint(new Coordinate(x, y));
            point.setSRID(recordSrid);
            return new SourceRecord(r, values, point, null);
        }

        /**
         * The next row's geometry alone, as {@link #next} makes it (null where that gives none or a problem); for the
         * opening pass, which needs no values.
         */
        Geometry nextGeometry() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = false;
            ++row;
            if (geometryless) {
                return null;
            }
            if (wktColumn >= 0) {
                String wkt = cell(wktColumn);
                try {
                    return wkt == null ? null : wktReader.read(wkt);
                } catch (ParseException | RuntimeException e) {
                    return null;
                }
            }
            String lon = cell(lonColumn);
            String lat = cell(latColumn);
            Double x = lon == null ? null : number(lon);
            Double y = lat == null ? null : number(lat);
            return x == null || y == null ? null : geometryFactory.createPoint(new Coordinate(x, y));
        }

        /**
         * A cell of the record read ahead as a record holds it: text, null when blank or missing. The app's CSV and
         * XLSX downloads neutralise formula-like text ('=1). It is restored here, in the reader of both formats (a
         * workbook's sheet is read as GDAL's CSV of it), and not in the mapping: only here is the format known
         * (GeoJSON, shapefiles and GeoPackages are written as they are, and the feature API's JSON goes through the
         * same ValueConverter), and the content matching, the mapping and the validation all see the value that was
         * exported.
         */
        private String cell(int i) {
            String text = bytes != null
                    ? (i < bytes.size() ? bytes.get(i) : null)
                    : (i < current.size() ? current.get(i) : null);
            String value = text == null ? null : SpreadsheetText.restore(text);
            return value == null || value.isBlank() ? null : value;
        }

        private SourceRecord wktRecord(long r, Map<String, Object> values) {
            String wkt = (String) values.get(header.get(wktColumn));
            if (wkt == null) {
                return new SourceRecord(r, values, null, null);
            }
            try {
                Geometry geometry = wktReader.read(wkt);
                geometry.setSRID(recordSrid);
                return new SourceRecord(r, values, geometry, null);
            } catch (ParseException | RuntimeException e) {
                return new SourceRecord(
                        r,
                        values,
                        null,
                        ImportIssue.ofRow(fileName, r, header.get(wktColumn), IssueCode.UNREADABLE_RECORD));
            }
        }

        private static Double number(String text) {
            try {
                double value = coordinate(text);
                return Double.isFinite(value) ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
