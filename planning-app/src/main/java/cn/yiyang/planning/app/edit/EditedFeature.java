package cn.yiyang.planning.app.edit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A stored feature as an edit starts from it: the version it names when it is saved.
 *
 * @param id         the store id
 * @param version    the version the edit started from
 * @param attributes the catalogue attributes
 * @param geometry   the shape (EPSG:4490), or null for a layer without one
 */
public record EditedFeature(long id, long version, Map<String, Object> attributes, Geometry geometry) {

    public EditedFeature {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
