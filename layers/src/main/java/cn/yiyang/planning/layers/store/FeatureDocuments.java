package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON documents of the write history: a feature as {@code {"attributes": {…}, "extra": {…}, "geometry":
 * "<WKT>"}} (geometry as WKT in EPSG:4490, x = longitude, full precision; dates as ISO text; absent values left
 * out), and the details of summary entries. Read back typed by the layer's catalogue fields, so a feature from the
 * history equals the one the store returned.
 */
final class FeatureDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final String ATTRIBUTES = "attributes";
    private static final String EXTRA = "extra";
    private static final String GEOMETRY = "geometry";

    private FeatureDocuments() {}

    /** The document of a feature, or null for none. */
    static String write(Feature f) {
        if (f == null) {
            return null;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> attrs = new LinkedHashMap<>();
        f.attributes().forEach((k, v) -> {
            if (v != null) {
                attrs.put(k, v instanceof LocalDate d ? d.toString() : v);
            }
        });
        doc.put(ATTRIBUTES, attrs);
        doc.put(EXTRA, f.extra());
        doc.put(GEOMETRY, f.geometry() == null ? null : new WKTWriter(2).write(f.geometry()));
        return JSON.writeValueAsString(doc);
    }

    /** A feature from its document, typed by the layer's fields; null for a null document. */
    static Feature read(LayerDef layer, Long id, String json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> doc = JSON.readValue(json, MAP);
        Map<String, Object> raw = map(doc.get(ATTRIBUTES));
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (FieldDef field : layer.fields()) {
            Object v = raw.get(field.name());
            if (v != null) {
                attrs.put(field.name(), typed(field, v));
            }
        }
        Geometry g = null;
        if (doc.get(GEOMETRY) instanceof String wkt) {
            try {
                g = new WKTReader(LayerGeometry.FACTORY).read(wkt);
                g.setSRID(LayerDef.SRID);
            } catch (ParseException e) {
                throw new IllegalStateException("unreadable geometry in the history of " + layer.id() + " id " + id, e);
            }
        }
        return new Feature(id, attrs, map(doc.get(EXTRA)), g);
    }

    /** The JSON of a summary entry's details; dates and times as their ISO text. */
    static String writeDetails(Map<String, Object> details) {
        Map<String, Object> out = new LinkedHashMap<>();
        details.forEach((k, v) -> out.put(k, v instanceof TemporalAccessor ? v.toString() : v));
        return JSON.writeValueAsString(out);
    }

    static Map<String, Object> readDetails(String json) {
        return json == null ? Map.of() : JSON.readValue(json, MAP);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Object typed(FieldDef field, Object v) {
        return switch (field.type()) {
            case TEXT, CODE -> v.toString();
            case INTEGER -> ((Number) v).intValue();
            case DECIMAL -> ((Number) v).doubleValue();
            case BOOLEAN -> v;
            case DATE -> LocalDate.parse(v.toString());
        };
    }
}
