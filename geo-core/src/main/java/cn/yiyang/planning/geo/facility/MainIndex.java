package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.measure.LocalProjection;
import java.util.List;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The segments of the mains in a local Gauss-Kruger projection, in an R-tree, answering "the nearest main to a point"
 * in ground metres (projected metres divided by the point scale factor). Segments rather than whole lines are
 * indexed so that a long meandering main does not match every query in its envelope. Thread-safe for queries once
 * built.
 */
final class MainIndex {

    /** The first search radius, ground metres: most households lie this near a main when they lie near one at all. */
    private static final double FIRST_SEARCH_M = 1_000;

    /** A segment in projected metres and the works whose main it is. */
    private record Segment(Coordinate a, Coordinate b, String workCode) {

        double distance(Coordinate p) {
            return Distance.pointToSegment(p, a, b);
        }
    }

    /**
     * The nearest main.
     *
     * @param workCode the works whose main it is
     * @param groundM the ground distance to it, metres
     */
    record Nearest(String workCode, double groundM) {}

    private final LocalProjection projection;
    private final STRtree tree = new STRtree();
    private final boolean empty;

    /**
     * @param mains the mains that serve (work code → line in lon/lat)
     * @param projection the projection to measure in
     */
    MainIndex(List<WaterInput.Main> mains, LocalProjection projection) {
        this.projection = projection;
        int n = 0;
        for (WaterInput.Main m : mains) {
            Geometry metres = projection.toMetres(m.lonLat());
            for (Object o : LinearComponentExtracter.getLines(metres)) {
                Coordinate[] c = ((LineString) o).getCoordinates();
                for (int i = 0; i + 1 < c.length; i++) {
                    Segment s = new Segment(c[i], c[i + 1], m.workCode());
                    tree.insert(new Envelope(c[i], c[i + 1]), s);
                    n++;
                }
            }
        }
        tree.build();
        empty = n == 0;
    }

    /**
     * @param lonLat a point, lon/lat
     * @return the nearest main (the smaller works code on a tie), or null when there are no mains
     */
    Nearest nearest(Coordinate lonLat) {
        if (empty) {
            return null;
        }
        double k = projection.scaleFactor(lonLat);
        Coordinate p = projection.toMetres(lonLat);
        double r = FIRST_SEARCH_M * k;
        Segment best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (Object o : tree.query(new Envelope(p.x - r, p.x + r, p.y - r, p.y + r))) {
            Segment s = (Segment) o;
            double d = s.distance(p);
            if (d < bestD || d == bestD && s.workCode().compareTo(best.workCode()) < 0) {
                best = s;
                bestD = d;
            }
        }
        if (best == null || bestD > r) {
            // nothing within the box's inscribed circle: a nearer segment may lie outside the box's corners too
            ItemDistance distance = (ItemBoundable a, ItemBoundable b) -> {
                Object item = a.getItem() instanceof Segment ? a.getItem() : b.getItem();
                return ((Segment) item).distance(p);
            };
            best = (Segment) tree.nearestNeighbour(new Envelope(p), p, distance);
            bestD = best.distance(p);
        }
        return new Nearest(best.workCode(), bestD / k);
    }
}
