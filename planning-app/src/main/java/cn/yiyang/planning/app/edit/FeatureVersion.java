package cn.yiyang.planning.app.edit;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One entry of a feature's history as the editor shows it: the feature after the write (before it, for a delete).
 *
 * @param version    the version after the write
 * @param operation  insert, update, delete … (lower case, as the translations name them)
 * @param user       who wrote
 * @param at         when
 * @param attributes the catalogue attributes then
 * @param geometry   the shape then, or null
 */
public record FeatureVersion(
        Long version,
        String operation,
        String user,
        OffsetDateTime at,
        Map<String, Object> attributes,
        Geometry geometry) {

    public FeatureVersion {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
