package cn.yiyang.planning.importer.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What one streaming pass over a file's records tells: their number, extent, geometry types, and the fields
 * with a type that fits every value (integer and decimal make decimal; any other mix makes text).
 */
final class SourceScan {

    private long count;
    private final Envelope extent = new Envelope();
    private final Set<String> geometryTypes = new LinkedHashSet<>();
    private final Map<String, String> fieldTypes = new LinkedHashMap<>();

    void add(SourceRecord record) {
        add(record.geometry());
        record.values().forEach((name, value) -> {
            String type = typeOf(value);
            if (type == null) {
                fieldTypes.putIfAbsent(name, null);
            } else {
                fieldTypes.merge(name, type, SourceScan::merge);
            }
        });
    }

    /** Counts a record whose values are known to be text (a CSV's), by its geometry (null for none). */
    void add(Geometry geometry) {
        count++;
        if (geometry != null && !geometry.isEmpty()) {
            extent.expandToInclude(geometry.getEnvelopeInternal());
            geometryTypes.add(geometry.getGeometryType());
        }
    }

    /** Counts a record whose geometry is a point with finite coordinates, without making a geometry of it. */
    void addPoint(double x, double y) {
        count++;
        extent.expandToInclude(x, y);
        geometryTypes.add("Point");
    }

    /** Adds what another pass over the records after this one's saw (the second half of a file read in two). */
    void addAll(SourceScan later) {
        count += later.count;
        extent.expandToInclude(later.extent);
        geometryTypes.addAll(later.geometryTypes);
        later.fieldTypes.forEach((name, type) -> {
            if (type == null) {
                fieldTypes.putIfAbsent(name, null);
            } else {
                fieldTypes.merge(name, type, SourceScan::merge);
            }
        });
    }

    /** Declares a field before any value is seen (a CSV header), so that it appears even when always empty. */
    void declare(String name) {
        fieldTypes.putIfAbsent(name, null);
    }

    long count() {
        return count;
    }

    /** @return the extent of the non-empty geometries, or null when there are none */
    Envelope extent() {
        return extent.isNull() ? null : extent;
    }

    Set<String> geometryTypes() {
        return geometryTypes;
    }

    List<SourceField> fields() {
        List<SourceField> fields = new ArrayList<>();
        fieldTypes.forEach((name, type) -> fields.add(new SourceField(name, type == null ? "text" : type)));
        return fields;
    }

    private static String typeOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer) {
            return "integer";
        }
        if (value instanceof Double) {
            return "decimal";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof LocalDate) {
            return "date";
        }
        return "text";
    }

    private static String merge(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        if (Set.of(a, b).equals(Set.of("integer", "decimal"))) {
            return "decimal";
        }
        return "text";
    }
}
