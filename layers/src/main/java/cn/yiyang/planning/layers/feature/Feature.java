package cn.yiyang.planning.layers.feature;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
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
        attributes = attributes instanceof Owned ? attributes : Owned.copyOf(attributes);
        extra = extra instanceof Owned ? extra : Owned.copyOf(extra);
    }

    /**
     * A new (unstored) feature that takes the maps over instead of copying them (a bulk import makes one a row): the
     * caller hands over maps nobody else holds, and neither keeps nor changes them afterwards.
     */
    public static Feature owning(
            LinkedHashMap<String, Object> attributes, LinkedHashMap<String, Object> extra, Geometry geometry) {
        return new Feature(null, new Owned(attributes), new Owned(extra), geometry);
    }

    /** As {@link #owning(LinkedHashMap, LinkedHashMap, Geometry)}, for a stored feature the store has just read. */
    public static Feature owning(
            long id, LinkedHashMap<String, Object> attributes, LinkedHashMap<String, Object> extra, Geometry geometry) {
        return new Feature(id, new Owned(attributes), new Owned(extra), geometry);
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

    /**
     * A read-only view of an insertion-ordered map that only this record holds: the map of {@link #owning} or a
     * copy, so that the record's constructor knows it needs no copy of its own.
     */
    private static final class Owned extends AbstractMap<String, Object> {
        private final Map<String, Object> map;

        Owned(LinkedHashMap<String, Object> held) {
            this.map = Collections.unmodifiableMap(held);
        }

        static Owned copyOf(Map<String, Object> map) {
            return new Owned(new LinkedHashMap<>(map));
        }

        @Override
        public Object get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public Object getOrDefault(Object key, Object defaultValue) {
            return map.getOrDefault(key, defaultValue);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return map.entrySet();
        }

        @Override
        public Set<String> keySet() {
            return map.keySet();
        }

        @Override
        public Collection<Object> values() {
            return map.values();
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            map.forEach(action);
        }
    }
}
