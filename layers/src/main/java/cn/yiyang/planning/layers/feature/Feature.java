package cn.yiyang.planning.layers.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a layer: the catalogue attributes, the source attributes the schema does not
 * have ({@code extra}, kept rather than dropped) and the geometry in EPSG:4490 (x = longitude,
 * y = latitude), or null for layers without geometry.
 *
 * <p>Attribute values are {@link String}, {@link Integer}, {@link Double}, {@link Boolean} or
 * {@link java.time.LocalDate}, matching the field's {@link cn.yiyang.planning.layers.catalogue.FieldType}.
 *
 * @param id         the store's id, or null for a feature not yet stored
 * @param attributes catalogue field name to value (absent or null means no value)
 * @param extra      source attributes outside the schema, by their source names
 * @param geometry   the geometry, or null
 */
public record Feature(Long id, Map<String, Object> attributes, Map<String, Object> extra, Geometry geometry) {

    public Feature {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** A new (unstored) feature without extra attributes. */
    public static Feature of(Map<String, Object> attributes, Geometry geometry) {
        return new Feature(null, attributes, Map.of(), geometry);
    }

    public Object get(String field) {
        return attributes.get(field);
    }

    public String getString(String field) {
        Object v = attributes.get(field);
        return v == null ? null : v.toString();
    }
}
