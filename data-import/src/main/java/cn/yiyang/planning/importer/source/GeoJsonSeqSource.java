package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Newline-delimited GeoJSON: one Feature per line, or RFC 8142 GeoJSON text sequences (each Feature after a
 * record separator, U+001E, and then free to span lines). Each text is parsed alone, so a broken line is one
 * UNREADABLE_RECORD and the rest is read. Row = the feature's 1-based position (blank lines do not count).
 * CRS as for {@link GeoJsonSource}, without a crs member.
 */
final class GeoJsonSeqSource implements FeatureSource {

    private final Path file;
    private final Charset charset;
    private final SourceDescription description;
    private final TempDir temp;
    private final int srid;

    private GeoJsonSeqSource(Path file, String fileName, SourceOptions options, TempDir temp) {
        this.file = file;
        this.temp = temp;
        List<ImportIssue> issues = new ArrayList<>();
        DetectedEncoding encoding = TextEncodings.forText(file, options, Detection.FORMAT_DEFAULT, fileName, issues);
        this.charset = encoding.charset();
        SourceScan scan = new SourceScan();
        new Texts(fileName, 0).forEachRemaining(scan::add);
        DetectedCrs crs = CrsDetector.resolve(
                options, () -> GeoJsonFeatures.formatDefault(scan.extent()), scan.extent(), fileName, issues);
        this.srid = GeoJsonFeatures.srid(crs);
        String table = ShapefileSource.baseName(fileName);
        this.description = new SourceDescription(
                SourceFormat.GEOJSON_SEQ,
                fileName,
                List.of(table),
                table,
                scan.fields(),
                scan.count(),
                encoding,
                crs,
                scan.extent(),
                scan.geometryTypes(),
                issues);
    }

    static GeoJsonSeqSource open(Path file, String fileName, SourceOptions options, TempDir temp) {
        return new GeoJsonSeqSource(file, fileName, options, temp);
    }

    @Override
    public SourceDescription describe() {
        return description;
    }

    @Override
    public Iterator<SourceRecord> records() {
        return new Texts(description.fileName(), srid);
    }

    @Override
    public void close() {
        if (temp != null) {
            temp.close();
        }
    }

    /** The texts of the sequence, one record each; in RS mode a text ends at the next RS, else at a line end. */
    private final class Texts implements Iterator<SourceRecord> {

        private final String fileName;
        private final int recordSrid;
        private Reader reader;
        private boolean rsMode;
        private boolean started;
        private long row;
        private SourceRecord next;

        Texts(String fileName, int recordSrid) {
            this.fileName = fileName;
            this.recordSrid = recordSrid;
            try {
                reader = TextEncodings.lenientReader(file, charset);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null && reader != null) {
                String text = nextText();
                if (text == null) {
                    closeReader();
                } else {
                    long r = ++row;
                    JsonNode feature;
                    try {
                        feature = GeoJsonFeatures.JSON.readTree(text);
                    } catch (JacksonException e) {
                        next = new SourceRecord(
                                r,
                                new LinkedHashMap<>(),
                                null,
                                ImportIssue.ofRow(fileName, r, null, IssueCode.UNREADABLE_RECORD));
                        return true;
                    }
                    next = GeoJsonFeatures.record(feature, r, fileName, recordSrid);
                }
            }
            return next != null;
        }

        @Override
        public SourceRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SourceRecord result = next;
            next = null;
            return result;
        }

        /** @return the next non-blank text, or null at the end */
        private String nextText() {
            try {
                StringBuilder text = new StringBuilder();
                int c;
                while ((c = reader.read()) >= 0) {
                    if (!started && (c == TextEncodings.RECORD_SEPARATOR || !Character.isWhitespace(c))) {
                        started = true;
                        rsMode = c == TextEncodings.RECORD_SEPARATOR;
                    }
                    boolean end = rsMode ? c == TextEncodings.RECORD_SEPARATOR : c == '\n';
                    if (end) {
                        if (!text.isEmpty() && !text.toString().isBlank()) {
                            return text.toString();
                        }
                        text.setLength(0);
                    } else {
                        text.append((char) c);
                    }
                }
                return text.toString().isBlank() ? null : text.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void closeReader() {
            try {
                reader.close();
            } catch (IOException e) {
                // read-only file
            }
            reader = null;
        }
    }
}
