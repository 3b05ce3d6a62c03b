package cn.yiyang.planning.app.map;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature's shape as the editing session gets it: its store id (null for a shape to snap to only) and its
 * geometry in EPSG:4490.
 */
public record MapShape(Long id, Geometry geometry) {

    public MapShape {
        Objects.requireNonNull(geometry, "geometry");
    }
}
