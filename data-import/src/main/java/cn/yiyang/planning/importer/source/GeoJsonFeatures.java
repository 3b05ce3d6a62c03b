package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What GeoJSON and newline-delimited GeoJSON share: one Feature object to a record (geometry by JTS's
 * {@link GeoJsonReader}, properties to values), the legacy {@code crs} member, and the RFC 7946 default CRS.
 */
final class GeoJsonFeatures {

    /** Jackson, allowing what follows a value (the rest of a collection, the next text of a sequence). */
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private GeoJsonFeatures() {}

    /**
     * @param feature a Feature object
     * @param row     its 1-based number in the file
     * @return the record: properties as values (integers as Long, other numbers as Double, booleans, strings,
     *     nested objects and arrays as JSON text), the Feature's {@code id} as value "id" unless a property has
     *     that name; UNREADABLE_RECORD when the object is not a Feature or its geometry cannot be read
     */
    static SourceRecord record(JsonNode feature, long row, String file, int srid) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (feature == null || !feature.isObject() || !"Feature".equals(text(feature.get("type")))) {
            return new SourceRecord(row, values, null, ImportIssue.ofRow(file, row, null, IssueCode.UNREADABLE_RECORD));
        }
        JsonNode properties = feature.get("properties");
        if (properties != null && properties.isObject()) {
            for (Map.Entry<String, JsonNode> p : properties.properties()) {
                values.put(p.getKey(), value(p.getValue()));
            }
        }
        JsonNode id = feature.get("id");
        if (id != null && !id.isNull() && !values.containsKey("id")) {
            values.put("id", value(id));
        }
        JsonNode geometryNode = feature.get("geometry");
        if (geometryNode == null || geometryNode.isNull()) {
            return new SourceRecord(row, values, null, null);
        }
        try {
            Geometry geometry = new GeoJsonReader().read(geometryNode.toString());
            geometry.setSRID(srid);
            return new SourceRecord(row, values, geometry, null);
        } catch (ParseException | RuntimeException e) {
            return new SourceRecord(row, values, null, ImportIssue.ofRow(file, row, null, IssueCode.UNREADABLE_RECORD));
        }
    }

    /**
     * The CRS a legacy (GeoJSON 2008) {@code crs} member names: {@code {"type":"name","properties":{"name":
     * "urn:ogc:def:crs:EPSG::4490"}}} or {@code {"type":"EPSG","properties":{"code":4546}}}.
     *
     * @return the CRS, DECLARED; null when the member is absent or names nothing
     * @throws cn.yiyang.planning.importer.issue.ImportException CRS_LEGACY_DATUM or CRS_UNSUPPORTED
     */
    static DetectedCrs crsMember(JsonNode crs, String file) {
        if (crs == null || !crs.isObject() || crs.get("properties") == null) {
            return null;
        }
        JsonNode properties = crs.get("properties");
        String code = properties.has("name")
                ? text(properties.get("name"))
                : properties.has("code") ? "EPSG:" + properties.get("code").asString() : null;
        if (code == null || code.isBlank()) {
            return null;
        }
        return new DetectedCrs(CrsDetector.fromCode(code, file), Detection.DECLARED, code);
    }

    /**
     * RFC 7946's rule: coordinates are WGS84 lon/lat ({@link Crs#WGS84}, which the GIS treats as CGCS2000). It
     * applies only when the coordinates can be lon/lat; projected numbers in a file without a crs member are
     * left to inference.
     *
     * @return the default, or null when the extent rules it out
     */
    static DetectedCrs formatDefault(Envelope extent) {
        boolean lonLat = extent == null || new Envelope(-180, 180, -90, 90).contains(extent);
        return lonLat ? new DetectedCrs(Crs.WGS84, Detection.FORMAT_DEFAULT, "RFC 7946") : null;
    }

    /** @return the EPSG code of a known CRS for geometries' SRID, else 0 */
    static int srid(DetectedCrs crs) {
        return crs.known() ? crs.crs().epsg().orElse(0) : 0;
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        return node.toString();
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }
}
