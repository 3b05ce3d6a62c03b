package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GeoJSON FeatureCollection (or a single Feature), streamed with Jackson: one Feature object in memory at a
 * time, however large the file. Opening makes one pass to count the features and learn their fields, extent and
 * geometry types; {@link #records()} streams the file again. Row = the feature's 1-based position.
 *
 * <p>CRS: a legacy {@code crs} member (e.g. {@code urn:ogc:def:crs:EPSG::4546}) is DECLARED; without one,
 * RFC 7946's WGS84 lon/lat is the FORMAT_DEFAULT ({@code Crs.WGS84}, which the GIS treats as identical to
 * CGCS2000) as long as the coordinates can be lon/lat, else the CRS is inferred from them.
 */
final class GeoJsonSource implements FeatureSource {

    private final Path file;
    private final Charset charset;
    private final SourceDescription description;
    private final TempDir temp;
    private final int srid;

    private GeoJsonSource(Path file, String fileName, SourceOptions options, TempDir temp) {
        this.file = file;
        this.temp = temp;
        List<ImportIssue> issues = new ArrayList<>();
        DetectedEncoding encoding = TextEncodings.forText(file, options, Detection.FORMAT_DEFAULT, fileName, issues);
        this.charset = encoding.charset();
        SourceScan scan = new SourceScan();
        JsonNode[] crsMember = new JsonNode[1];
        stream(fileName, 0, scan::add, node -> crsMember[0] = node);
        DetectedCrs crs = CrsDetector.resolve(
                options,
                () -> {
                    DetectedCrs declared = GeoJsonFeatures.crsMember(crsMember[0], fileName);
                    return declared != null ? declared : GeoJsonFeatures.formatDefault(scan.extent());
                },
                scan.extent(),
                fileName,
                issues);
        this.srid = GeoJsonFeatures.srid(crs);
        String table = ShapefileSource.baseName(fileName);
        this.description = new SourceDescription(
                SourceFormat.GEOJSON,
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

    /** @throws ImportException CORRUPT_FILE for broken JSON, CRS_LEGACY_DATUM / CRS_UNSUPPORTED for its crs */
    static GeoJsonSource open(Path file, String fileName, SourceOptions options, TempDir temp) {
        return new GeoJsonSource(file, fileName, options, temp);
    }

    @Override
    public SourceDescription describe() {
        return description;
    }

    @Override
    public Iterator<SourceRecord> records() {
        return new FeatureIterator();
    }

    @Override
    public void close() {
        if (temp != null) {
            temp.close();
        }
    }

    /** One pass over the file: each feature to {@code features}, the top-level crs member to {@code crs}. */
    private void stream(String fileName, int srid, Consumer<SourceRecord> features, Consumer<JsonNode> crs) {
        try (FeatureIterator it = new FeatureIterator(fileName, srid, crs)) {
            it.forEachRemaining(features);
        }
    }

    /** Walks the root object; stops at each element of its "features" array (or at the root Feature). */
    private final class FeatureIterator implements Iterator<SourceRecord>, AutoCloseable {

        private final String fileName;
        private final int recordSrid;
        private final Consumer<JsonNode> crs;
        /** The members of a root that may be a single Feature (geometry, properties, id); null once it cannot. */
        private ObjectNode root = GeoJsonFeatures.JSON.createObjectNode();

        private String type;
        private JsonParser parser;
        private SourceRecord next;
        private long row;
        private boolean inFeatures;
        private boolean done;

        FeatureIterator() {
            this(description.fileName(), srid, node -> {});
        }

        FeatureIterator(String fileName, int recordSrid, Consumer<JsonNode> crs) {
            this.fileName = fileName;
            this.recordSrid = recordSrid;
            this.crs = crs;
            try {
                parser = GeoJsonFeatures.JSON.createParser(TextEncodings.lenientReader(file, charset));
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw corrupt("the file does not start with a JSON object");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JacksonException e) {
                throw corrupt(e.getOriginalMessage());
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = advance();
                } catch (JacksonException e) {
                    close();
                    throw corrupt(
                            e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
                }
                if (next == null) {
                    done = true;
                    close();
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

        private SourceRecord advance() {
            while (true) {
                if (inFeatures) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        inFeatures = false;
                        continue;
                    }
                    JsonNode feature = GeoJsonFeatures.JSON.readTree(parser);
                    return GeoJsonFeatures.record(feature, ++row, fileName, recordSrid);
                }
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_OBJECT) {
                    return singleFeature();
                }
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("features".equals(name) && value == JsonToken.START_ARRAY) {
                    inFeatures = true;
                    root = null;
                } else if ("crs".equals(name)) {
                    crs.accept(GeoJsonFeatures.JSON.readTree(parser));
                } else if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
                    type = parser.getString();
                    root = "Feature".equals(type) ? root : null;
                } else if (root != null) {
                    root.set(name, GeoJsonFeatures.JSON.readTree(parser));
                } else {
                    parser.skipChildren();
                }
            }
        }

        private SourceRecord singleFeature() {
            if (!"Feature".equals(type) || root == null) {
                return null;
            }
            root.put("type", "Feature");
            ObjectNode feature = root;
            root = null;
            return GeoJsonFeatures.record(feature, ++row, fileName, recordSrid);
        }

        private ImportException corrupt(String detail) {
            return new ImportException(ImportIssue.ofFile(fileName, IssueCode.CORRUPT_FILE, detail));
        }

        @Override
        public void close() {
            if (parser != null) {
                parser.close();
                parser = null;
            }
        }
    }
}
