package cn.yiyang.planning.importer.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Recognises what a file holds from its first bytes (and for JSON its first tokens), never from its name. */
final class ContentSniffer {

    /** What a file looks like. */
    enum Kind {
        EMPTY("empty"),
        ZIP("zip"),
        EMPTY_ZIP("empty zip"),
        SQLITE("SQLite database"),
        SHAPEFILE_MAIN("shapefile .shp/.shx"),
        DBF("dBase table (.dbf)"),
        GEOJSON("GeoJSON"),
        GEOJSON_SEQ("newline-delimited GeoJSON"),
        JSON_OTHER("JSON that is not GeoJSON"),
        TEXT_TABLE("delimited text"),
        WKT_TEXT("coordinate system text (.prj)"),
        OTHER_TEXT("text without a delimited header row"),
        BINARY("binary data");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** @return what the content looks like, for UNSUPPORTED_FORMAT's argument */
        String description() {
            return description;
        }
    }

    static final int SAMPLE_BYTES = 64 * 1024;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SHAPEFILE_CODE = 9994;

    private ContentSniffer() {}

    static Kind sniff(Path file) {
        byte[] head = head(file, SAMPLE_BYTES);
        if (head.length == 0) {
            return Kind.EMPTY;
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return Kind.ZIP;
        }
        if (startsWith(head, new byte[] {'P', 'K', 5, 6})) {
            return Kind.EMPTY_ZIP;
        }
        if (startsWith(head, SQLITE_MAGIC)) {
            return Kind.SQLITE;
        }
        if (head.length >= 4
                && ((head[0] & 0xff) << 24 | (head[1] & 0xff) << 16 | (head[2] & 0xff) << 8 | (head[3] & 0xff))
                        == SHAPEFILE_CODE) {
            return Kind.SHAPEFILE_MAIN;
        }
        if (looksLikeDbf(head, file)) {
            return Kind.DBF;
        }
        String text = TextEncodings.sampleText(head);
        if (text == null) {
            return Kind.BINARY;
        }
        if (text.replaceAll("^[ \t\r\n]+", "").startsWith(String.valueOf(TextEncodings.RECORD_SEPARATOR))) {
            return Kind.GEOJSON_SEQ;
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Kind.EMPTY;
        }
        char first = trimmed.charAt(0);
        if (first == '{' || first == '[') {
            return sniffJson(file);
        }
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.matches("^(PROJCS|GEOGCS|GEOCCS|COMPD_CS|PROJCRS|GEOGCRS|GEODCRS|COMPOUNDCRS)\\s*[\\[(].*")) {
            return Kind.WKT_TEXT;
        }
        String firstLine = trimmed.lines().findFirst().orElse("");
        return CsvSource.sniffDelimiter(firstLine) != 0 ? Kind.TEXT_TABLE : Kind.OTHER_TEXT;
    }

    /**
     * GeoJSON when the first root object has {@code "type": "FeatureCollection"} or is a Feature alone; a
     * sequence when a second root value follows a Feature. Streams: memory does not grow with the file.
     */
    private static Kind sniffJson(Path file) {
        try (Reader reader = TextEncodings.lenientReader(file, StandardCharsets.UTF_8);
                JsonParser parser = GeoJsonFeatures.JSON.createParser(reader)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Kind.JSON_OTHER;
            }
            String type = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
                    type = parser.getString();
                    if ("FeatureCollection".equals(type)) {
                        return Kind.GEOJSON;
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!"Feature".equals(type)) {
                return Kind.JSON_OTHER;
            }
            return parser.nextToken() == JsonToken.START_OBJECT ? Kind.GEOJSON_SEQ : Kind.GEOJSON;
        } catch (JacksonException e) {
            return Kind.JSON_OTHER;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dBase III+ header whose header and record lengths agree with its field count and the file size. */
    private static boolean looksLikeDbf(byte[] head, Path file) {
        if (head.length < 33) {
            return false;
        }
        int version = head[0] & 0xff;
        if (version != 0x03 && version != 0x83 && version != 0x8b && version != 0x30 && version != 0xf5) {
            return false;
        }
        long records = (head[4] & 0xffL) | (head[5] & 0xffL) << 8 | (head[6] & 0xffL) << 16 | (head[7] & 0xffL) << 24;
        int headerLength = (head[8] & 0xff) | (head[9] & 0xff) << 8;
        int recordLength = (head[10] & 0xff) | (head[11] & 0xff) << 8;
        if (headerLength < 33 || recordLength < 1 || (headerLength - 1) % 32 != 0 && version != 0x30) {
            return false;
        }
        try {
            return Files.size(file) >= headerLength + records * recordLength;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] head(Path file, int max) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
