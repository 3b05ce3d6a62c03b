package cn.yiyang.planning.geo.plan;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One polygon of a 三区三线 layer.
 *
 * @param id the feature's key in its layer
 * @param layer which layer
 * @param geometry a polygon or multipolygon in CGCS2000 lon/lat
 */
public record Constraint(String id, ConstraintLayer layer, Geometry geometry) {

    /** Checks that nothing is missing. */
    public Constraint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(geometry, "geometry");
    }
}
