package cn.yiyang.planning.geo.access;

import cn.yiyang.planning.geo.network.RoadEdge;
import java.util.List;
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
            return ((RoadEdge) item).distanceTo(p);
        };
        RoadEdge edge = (RoadEdge) tree.nearestNeighbour(new Envelope(p), p, distance);
        return Near.of(edge, p);
    }

    /** @return whether some edge lies within {@code r} of {@code p} */
    boolean within(Coordinate p, double r) {
        boolean[] found = {false};
        tree.query(new Envelope(p.x - r, p.x + r, p.y - r, p.y + r), item -> {
            if (!found[0] && ((RoadEdge) item).distanceTo(p) <= r) {
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
            RoadEdge.Nearest n = edge.nearest(p);
            return new Near(edge, n.distance(), n.along(), new Coordinate(n.x(), n.y()));
        }
    }
}
