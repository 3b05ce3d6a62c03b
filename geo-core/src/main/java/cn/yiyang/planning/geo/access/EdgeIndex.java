package cn.yiyang.planning.geo.access;

import cn.yiyang.planning.geo.network.RoadEdge;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An R-tree of road edges in projected metres answering "nearest edge" and "any edge within r". Thread-safe for
 * queries once built (the constructor builds it).
 */
final class EdgeIndex {

    /** The smallest half-width of a search box, metres. */
    private static final double MIN_BOX = 1;
    /** How much a search box grows when the nearest edge may lie outside it. */
    private static final double GROWTH = 4;

    private final STRtree tree = new STRtree();
    private final Envelope extent = new Envelope();

    EdgeIndex(List<RoadEdge> edges) {
        for (RoadEdge e : edges) {
            Envelope env = e.metres().getEnvelopeInternal();
            tree.insert(env, e);
            extent.expandToInclude(env);
        }
        tree.build();
    }

    boolean isEmpty() {
        return extent.isNull();
    }

    /**
     * The nearest edge: searched in a box of half-width {@code likely} around the point first (cheap when it is
     * there), then in boxes {@value #GROWTH} times as wide until one holds an edge no farther than its half-width
     * (a nearer edge would have been in the box) or covers every edge.
     *
     * @return the nearest point, or null if the index is empty (or the point is not a point)
     */
    Near nearest(Coordinate p, double likely) {
        if (isEmpty() || !Double.isFinite(p.x) || !Double.isFinite(p.y)) {
            return null;
        }
        double r = Math.max(likely, MIN_BOX);
        while (true) {
            Envelope box = new Envelope(p.x - r, p.x + r, p.y - r, p.y + r);
            Closest closest = new Closest(p);
            tree.query(box, closest);
            boolean all = box.covers(extent);
            if (closest.edge != null && (closest.distance <= r || all)) {
                return Near.of(closest.edge, p);
            }
            r *= GROWTH;
        }
    }

    /** The edge nearest a point among those a query visits (the first of equally near ones). */
    private static final class Closest implements ItemVisitor {
        private final Coordinate p;
        private RoadEdge edge;
        private double distance = Double.POSITIVE_INFINITY;

        Closest(Coordinate p) {
            this.p = p;
        }

        @Override
        public void visitItem(Object item) {
            RoadEdge e = (RoadEdge) item;
            double d = e.distanceTo(p);
            if (d < distance) {
                distance = d;
                edge = e;
            }
        }
    }

    /**
     * Whether some edge lies within {@code r} of {@code p}: looked for in boxes that grow from a sixteenth of
     * {@code r} to {@code r} (most points have an edge near them, and a box as wide as {@code r} can hold hundreds
     * of edges).
     *
     * @return whether some edge lies within {@code r} of {@code p}
     */
    boolean within(Coordinate p, double r) {
        double b = Math.max(MIN_BOX, r / (GROWTH * GROWTH));
        while (true) {
            boolean[] found = {false};
            double box = Math.min(b, r);
            tree.query(new Envelope(p.x - box, p.x + box, p.y - box, p.y + box), item -> {
                if (!found[0] && ((RoadEdge) item).distanceTo(p) <= r) {
                    found[0] = true;
                }
            });
            if (found[0] || box >= r) {
                return found[0];
            }
            b *= GROWTH;
        }
    }

    /**
     * The nearest point of an edge to a point.
     *
     * @param edge the edge
     * @param distance planar distance, metres
     * @param along the nearest point's distance from the edge's start, along it
     * @param point the nearest point, metres
     */
    record Near(RoadEdge edge, double distance, double along, Coordinate point) {

        static Near of(RoadEdge edge, Coordinate p) {
            RoadEdge.Nearest n = edge.nearest(p);
            return new Near(edge, n.distance(), n.along(), new Coordinate(n.x(), n.y()));
        }
    }
}
