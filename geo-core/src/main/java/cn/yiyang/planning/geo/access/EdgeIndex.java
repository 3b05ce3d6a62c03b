package cn.yiyang.planning.geo.access;

import cn.yiyang.planning.geo.network.RoadEdge;
import java.util.List;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An R-tree of road edges in projected metres answering "nearest edge" and "any edge within r". Thread-safe for
 * queries once built (the constructor builds it).
 */
final class EdgeIndex {

    private final STRtree tree = new STRtree();
    private final boolean empty;

    EdgeIndex(List<RoadEdge> edges) {
        edges.forEach(e -> tree.insert(e.metres().getEnvelopeInternal(), e));
        tree.build();
        empty = edges.isEmpty();
    }

    boolean isEmpty() {
        return empty;
    }

    /**
     * The nearest edge: searched within {@code likely} first (cheap when it is there), then anywhere.
     *
     * @return the nearest point, or null if the index is empty
     */
    Near nearest(Coordinate p, double likely) {
        if (empty) {
            return null;
        }
        Near best = null;
        for (Object o : tree.query(new Envelope(p.x - likely, p.x + likely, p.y - likely, p.y + likely))) {
            Near near = Near.of((RoadEdge) o, p);
            if (best == null || near.distance() < best.distance()) {
                best = near;
            }
        }
        if (best != null && best.distance() <= likely) {
            return best; // an edge nearer than this would have been in the box
        }
        ItemDistance distance = (ItemBoundable a, ItemBoundable b) -> {
            Object item = a.getItem() instanceof RoadEdge ? a.getItem() : b.getItem();
            return Near.distance((RoadEdge) item, p);
        };
        RoadEdge edge = (RoadEdge) tree.nearestNeighbour(new Envelope(p), p, distance);
        return Near.of(edge, p);
    }

    /** @return whether some edge lies within {@code r} of {@code p} */
    boolean within(Coordinate p, double r) {
        boolean[] found = {false};
        tree.query(new Envelope(p.x - r, p.x + r, p.y - r, p.y + r), item -> {
            if (!found[0] && Near.distance((RoadEdge) item, p) <= r) {
                found[0] = true;
            }
        });
        return found[0];
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
            Coordinate[] c = edge.metres().getCoordinates();
            double best = Double.POSITIVE_INFINITY;
            double bestAlong = 0;
            double bx = c[0].x;
            double by = c[0].y;
            double acc = 0;
            for (int i = 0; i + 1 < c.length; i++) {
                double dx = c[i + 1].x - c[i].x;
                double dy = c[i + 1].y - c[i].y;
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : ((p.x - c[i].x) * dx + (p.y - c[i].y) * dy) / len2;
                t = Math.max(0, Math.min(1, t));
                double qx = c[i].x + t * dx;
                double qy = c[i].y + t * dy;
                double d = Math.hypot(p.x - qx, p.y - qy);
                double len = Math.sqrt(len2);
                if (d < best) {
                    best = d;
                    bestAlong = acc + t * len;
                    bx = qx;
                    by = qy;
                }
                acc += len;
            }
            return new Near(edge, best, Math.min(bestAlong, edge.length()), new Coordinate(bx, by));
        }

        static double distance(RoadEdge edge, Coordinate p) {
            Coordinate[] c = edge.metres().getCoordinates();
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i + 1 < c.length; i++) {
                best = Math.min(best, Distance.pointToSegment(p, c[i], c[i + 1]));
            }
            return best;
        }
    }
}
