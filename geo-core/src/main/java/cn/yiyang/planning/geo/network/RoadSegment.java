package cn.yiyang.planning.geo.network;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;

/**
 * One road of the input: its id and its centreline.
 *
 * @param id the road's id (not necessarily unique: several segments may share a road id)
 * @param lonLat a LineString or MultiLineString in CGCS2000 lon/lat degrees
 */
public record RoadSegment(String id, Geometry lonLat) {

    /**
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the geometry is not linear
     */
    public RoadSegment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lonLat, "lonLat");
        if (!(lonLat instanceof LineString || lonLat instanceof MultiLineString)) {
            throw new IllegalArgumentException(
                    "road " + id + " is a " + lonLat.getGeometryType() + ", not a LineString or MultiLineString");
        }
    }
}
