package cn.yiyang.planning.geo.edit;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Merges two adjacent polygons into one: their union, when their boundaries share at least one edge (not just a
 * point) or they overlap. Polygons that are apart or only touch at a corner are refused: merging them would make
 * a multipolygon of two separate pieces, which is not what a user merging neighbouring parcels means.
 */
public final class PolygonMerge {

    private PolygonMerge() {}

    /** What a merge gives: the merged shape, or why there is none. */
    public sealed interface Result permits Merged, Refused {}

    /**
     * The union of the two.
     *
     * @param merged the merged shape: a polygon, or a multipolygon when an input had separate parts already
     */
    public record Merged(Geometry merged) implements Result {}

    /** No merge, and why. */
    public record Refused(EditRefusal reason) implements Result {}

    /** Merges {@code a} and {@code b}. */
    public static Result merge(Geometry a, Geometry b) {
        if (!valid(a) || !valid(b)) {
            return new Refused(EditRefusal.INVALID_POLYGON);
        }
        boolean overlap = a.relate(b, "T********");
        boolean sharedEdge = OverlayNGRobust.overlay(a.getBoundary(), b.getBoundary(), OverlayNG.INTERSECTION)
                        .getLength()
                > 0;
        if (!overlap && !sharedEdge) {
            return new Refused(EditRefusal.NOT_ADJACENT);
        }
        return new Merged(OverlayNGRobust.overlay(a, b, OverlayNG.UNION));
    }

    private static boolean valid(Geometry g) {
        return g instanceof Polygonal && !g.isEmpty() && g.isValid();
    }
}
