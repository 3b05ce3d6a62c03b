package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.measure.LocalProjection;
import cn.yiyang.planning.geo.network.RoadEdge;
import cn.yiyang.planning.geo.network.RoadNetwork;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Distances along the roads of a {@link RoadNetwork} between points off the network, in ground metres: a point
 * {@link #snap snaps} to its nearest road (any edge of the network, so a river between a house and the road across
 * it does not shorten anything: the house snaps to its own bank's road, which no bridge joins); the distance from
 * a source to a point is the straight leg of each to its road plus the shortest path along the edges between the
 * two snapped positions. Searches are Dijkstra's algorithm bounded by the distance asked, so a search costs the
 * part of the network within reach, not the network.
 *
 * <p>Projected lengths are divided by the projection's point scale factor at the source
 * ({@link LocalProjection#scaleFactor}) to give ground metres. Thread-safe once built: each search allocates its
 * own scratch.
 */
public final class RoadReach {

    /** How far around a point the first nearest-road search looks, projected metres, before searching anywhere. */
    private static final double LIKELY_M = 500;

    private final RoadNetwork network;
    private final STRtree edges = new STRtree();
    /**
     * The graph as flat arrays (compressed sparse rows): node n's incident edges are {@code adjacentEdge[first[n]]}
     * to {@code adjacentEdge[first[n + 1] - 1]}, leading to {@code adjacentNode} over {@code adjacentLength} metres.
     * A search reads these in the inner loop instead of following records.
     */
    private final int[] first;

    private final int[] adjacentEdge;
    private final int[] adjacentNode;
    private final double[] adjacentLength;

    private RoadReach(RoadNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
        network.edges().forEach(e -> edges.insert(e.metres().getEnvelopeInternal(), e));
        edges.build();
        int n = network.nodeCount();
        first = new int[n + 1];
        for (int node = 0; node < n; node++) {
            first[node + 1] = first[node] + network.incident(node).size();
        }
        adjacentEdge = new int[first[n]];
        adjacentNode = new int[first[n]];
        adjacentLength = new double[first[n]];
        for (int node = 0; node < n; node++) {
            int i = first[node];
            for (RoadEdge e : network.incident(node)) {
                adjacentEdge[i] = e.index();
                adjacentNode[i] = e.from() == node ? e.to() : e.from();
                adjacentLength[i] = e.length();
                i++;
            }
        }
    }

    /** @return where node n's incident edges start in {@link #adjacentEdge}; they end where n + 1's start */
    int firstIncident(int node) {
        return first[node];
    }

    /** @return the index of the edge at position i of the flat incidence list */
    int incidentEdge(int i) {
        return adjacentEdge[i];
    }

    /**
     * @param network the road graph (what is in it is the caller's choice: passable roads, say)
     * @return the distances along it
     */
    public static RoadReach of(RoadNetwork network) {
        return new RoadReach(network);
    }

    /** @return the network */
    public RoadNetwork network() {
        return network;
    }

    /** @return the network's projection */
    public LocalProjection projection() {
        return network.projection();
    }

    /**
     * A point's position on its nearest road.
     *
     * @param edge the edge it snaps to
     * @param along the distance of the snapped position from the edge's start, projected metres
     * @param offset the straight distance from the point to the snapped position, projected metres
     * @param metres the point itself, projected metres
     */
    public record Snap(RoadEdge edge, double along, double offset, Coordinate metres) {}

    /**
     * @param lonLat a point, CGCS2000 lon/lat
     * @return its nearest position on the network; empty when the network has no edges
     */
    public Optional<Snap> snap(Coordinate lonLat) {
        return snapMetres(projection().toMetres(lonLat));
    }

    /**
     * @param p a point in the network's projected metres
     * @return its nearest position on the network; empty when the network has no edges
     */
    public Optional<Snap> snapMetres(Coordinate p) {
        if (edges.isEmpty()) {
            return Optional.empty();
        }
        Snap best = null;
        for (Object o : edges.query(new Envelope(p.x - LIKELY_M, p.x + LIKELY_M, p.y - LIKELY_M, p.y + LIKELY_M))) {
            Snap s = project((RoadEdge) o, p);
            if (best == null || better(s, best)) {
                best = s;
            }
        }
        if (best != null && best.offset() <= LIKELY_M) {
            return Optional.of(best); // a nearer edge would have been in the box
        }
        ItemDistance distance = (ItemBoundable a, ItemBoundable b) -> {
            Object item = a.getItem() instanceof RoadEdge ? a.getItem() : b.getItem();
            return ((RoadEdge) item).distanceTo(p);
        };
        RoadEdge edge = (RoadEdge) edges.nearestNeighbour(new Envelope(p), p, distance);
        return Optional.of(project(edge, p));
    }

    /** Equal offsets (a point equidistant from two roads) go to the lower edge index, whatever the tree's order. */
    private static boolean better(Snap a, Snap b) {
        return a.offset() < b.offset()
                || a.offset() == b.offset() && a.edge().index() < b.edge().index();
    }

    /** @return the edges whose envelope meets the box, projected metres */
    List<RoadEdge> edgesIn(Envelope metres) {
        @SuppressWarnings("unchecked")
        List<RoadEdge> hits = edges.query(metres);
        return hits;
    }

    /** @return scratch space for searches on this network; one per thread */
    Scratch scratch() {
        return new Scratch(network.nodeCount());
    }

    /**
     * Bounded Dijkstra from one position on an edge; the distances are left in {@code scratch}.
     *
     * @param scratch the scratch space, reset first
     * @param edge the edge the source lies on
     * @param along its distance from the edge's start, projected metres
     * @param boundM the search stops beyond this many projected metres
     */
    void search(Scratch scratch, RoadEdge edge, double along, double boundM) {
        scratch.reset();
        scratch.seed(edge.from(), along, boundM);
        scratch.seed(edge.to(), edge.length() - along, boundM);
        run(scratch, boundM);
    }

    /**
     * Bounded Dijkstra from several snapped sources at once, each starting at its straight leg to the road.
     *
     * @param sources the snapped sources
     * @param boundM the search stops beyond this many projected metres
     * @return the node distances
     */
    Scratch searchFrom(List<Snap> sources, double boundM) {
        Scratch scratch = scratch();
        for (Snap s : sources) {
            scratch.seed(s.edge().from(), s.offset() + s.along(), boundM);
            scratch.seed(s.edge().to(), s.offset() + s.edge().length() - s.along(), boundM);
        }
        run(scratch, boundM);
        return scratch;
    }

    /**
     * The along-road distance from the nearest of several sources to a point: its straight leg plus the path to its
     * snapped position, either through the nodes of its edge or, for a source on the same edge, directly along it.
     *
     * @param sources the snapped sources (the same that {@link #searchFrom} was given)
     * @param dist the node distances {@link #searchFrom} returned
     * @param to the snapped point
     * @return projected metres; infinite when no source reaches it
     */
    static double distanceTo(List<Snap> sources, Scratch dist, Snap to) {
        RoadEdge e = to.edge();
        double best = Math.min(dist.get(e.from()) + to.along(), dist.get(e.to()) + e.length() - to.along());
        for (Snap s : sources) {
            if (s.edge().index() == e.index()) {
                best = Math.min(best, s.offset() + Math.abs(s.along() - to.along()));
            }
        }
        return best + to.offset();
    }

    private void run(Scratch s, double boundM) {
        Heap heap = s.heap;
        while (!heap.isEmpty()) {
            double d = heap.peekKey();
            int node = heap.poll();
            if (d > s.dist[node]) {
                continue;
            }
            for (int i = first[node], end = first[node + 1]; i < end; i++) {
                s.seed(adjacentNode[i], d + adjacentLength[i], boundM);
            }
        }
    }

    /**
     * The node distances of one search, with the nodes it reached, so that the next search resets only those:
     * a city's searches each reach a few hundred of its tens of thousands of nodes.
     */
    static final class Scratch {
        private final double[] dist;
        private final int[] touched;
        private int touchedCount;
        private final Heap heap = new Heap();

        private Scratch(int nodes) {
            dist = new double[nodes];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            touched = new int[nodes];
        }

        /** @return the node's distance; infinite when not reached within the bound */
        double get(int node) {
            return dist[node];
        }

        /** @return how many nodes the search reached */
        int reachedCount() {
            return touchedCount;
        }

        /** @return the i-th node reached */
        int reached(int i) {
            return touched[i];
        }

        private void reset() {
            for (int i = 0; i < touchedCount; i++) {
                dist[touched[i]] = Double.POSITIVE_INFINITY;
            }
            touchedCount = 0;
        }

        private void seed(int node, double d, double boundM) {
            if (d <= boundM && d < dist[node]) {
                if (dist[node] == Double.POSITIVE_INFINITY) {
                    touched[touchedCount++] = node;
                }
                dist[node] = d;
                heap.add(d, node);
            }
        }
    }

    static Snap project(RoadEdge edge, Coordinate p) {
        RoadEdge.Nearest n = edge.nearest(p);
        return new Snap(edge, n.along(), n.distance(), p.copy());
    }

    /** A binary min-heap of (distance, node) in two primitive arrays: no boxing in the inner loop. */
    private static final class Heap {
        private double[] keys = new double[64];
        private int[] nodes = new int[64];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        double peekKey() {
            return keys[0];
        }

        void add(double key, int node) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (keys[parent] <= key) {
                    break;
                }
                keys[i] = keys[parent];
                nodes[i] = nodes[parent];
                i = parent;
            }
            keys[i] = key;
            nodes[i] = node;
        }

        int poll() {
            int top = nodes[0];
            size--;
            double key = keys[size];
            int node = nodes[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[i] = keys[child];
                nodes[i] = nodes[child];
                i = child;
            }
            keys[i] = key;
            nodes[i] = node;
            return top;
        }
    }
}
