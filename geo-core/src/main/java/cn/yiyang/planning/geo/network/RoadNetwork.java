package cn.yiyang.planning.geo.network;

import cn.yiyang.planning.geo.measure.LocalProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snap.SnappingNoder;

/**
 * An undirected road graph built from lon/lat road segments: the roads are projected to metres with a
 * {@link LocalProjection}, noded as JTS's {@link SnappingNoder} nodes them ({@link GridSnappingNoder}: split where
 * they cross or touch, and where an end lies within the snap tolerance of another road), and each noded piece becomes
 * a {@link RoadEdge} between two nodes. Points within the snap tolerance of each other (1 m by default) are one node.
 *
 * <p>The snapping applies to every vertex, not only to road ends: two roads with vertices closer than the
 * tolerance are joined there (at 1 m this is what digitised junctions need; an overpass drawn through a road
 * is joined too, since the input has no levels).
 *
 * <pre>{@code
 * RoadNetwork roads = RoadNetwork.build(segments);
 * Reachability r = roads.reachable(countyRoadIds);
 * NetworkDistance distance = NetworkDistance.of(roads, r);
 * }</pre>
 */
public final class RoadNetwork {

    /** The default snap tolerance, metres: ends closer than this are joined. */
    public static final double DEFAULT_SNAP_TOLERANCE = 1.0;

    private final LocalProjection projection;
    private final double snapTolerance;
    private final List<Coordinate> nodes;
    private final List<RoadEdge> edges;
    private final List<List<RoadEdge>> incident;
    private final int[] componentOfNode;
    private final List<NetworkComponent> components;

    private RoadNetwork(
            LocalProjection projection, double snapTolerance, List<Coordinate> nodes, List<RoadEdge> edges) {
        this.projection = projection;
        this.snapTolerance = snapTolerance;
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        List<List<RoadEdge>> adjacency = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            adjacency.add(new ArrayList<>());
        }
        for (RoadEdge edge : edges) {
            adjacency.get(edge.from()).add(edge);
            if (edge.to() != edge.from()) {
                adjacency.get(edge.to()).add(edge);
            }
        }
        this.incident = adjacency.stream().map(List::copyOf).toList();
        this.componentOfNode = new int[nodes.size()];
        this.components = computeComponents();
    }

    /**
     * @param segments the roads, in lon/lat
     * @return the network with a 1 m snap tolerance in the zone of the roads' envelope centre
     * @throws IllegalArgumentException if there are no roads
     */
    public static RoadNetwork build(Collection<RoadSegment> segments) {
        Envelope envelope = new Envelope();
        segments.forEach(s -> envelope.expandToInclude(s.lonLat().getEnvelopeInternal()));
        return build(segments, LocalProjection.forEnvelope(envelope), DEFAULT_SNAP_TOLERANCE);
    }

    /**
     * @param segments the roads, in lon/lat
     * @param projection the projection to metres
     * @param snapTolerance the distance in metres within which ends and crossings are joined; positive
     * @return the network
     */
    public static RoadNetwork build(
            Collection<RoadSegment> segments, LocalProjection projection, double snapTolerance) {
        if (!(snapTolerance > 0)) {
            throw new IllegalArgumentException("snap tolerance must be positive: " + snapTolerance);
        }
        List<ProjectedRoad> metres = new ArrayList<>(segments.size());
        for (RoadSegment segment : segments) {
            metres.add(new ProjectedRoad(segment.id(), projection.toMetres(segment.lonLat())));
        }
        return fromMetres(metres, projection, snapTolerance);
    }

    /**
     * The same as {@link #build(Collection, LocalProjection, double)} for roads already projected, for callers
     * that keep the projected lines too (projecting a city's roads twice costs a few hundred milliseconds).
     *
     * @param metres the roads in {@code projection}'s metres
     * @param projection the projection they are in
     * @param snapTolerance the snap tolerance in metres; positive
     * @return the network
     */
    public static RoadNetwork fromMetres(
            Collection<ProjectedRoad> metres, LocalProjection projection, double snapTolerance) {
        if (!(snapTolerance > 0)) {
            throw new IllegalArgumentException("snap tolerance must be positive: " + snapTolerance);
        }
        List<SegmentString> input = new ArrayList<>();
        for (ProjectedRoad segment : metres) {
            Geometry metresLine = segment.metres();
            for (Object part : LinearComponentExtracter.getLines(metresLine)) {
                Coordinate[] pts = CoordinateArrays.removeRepeatedPoints(((LineString) part).getCoordinates());
                if (pts.length >= 2) {
                    input.add(new NodedSegmentString(pts, segment.id()));
                }
            }
        }
        List<Coordinate> nodes = new ArrayList<>();
        List<RoadEdge> edges = new ArrayList<>();
        if (input.isEmpty()) {
            return new RoadNetwork(projection, snapTolerance, nodes, edges);
        }
        Collection<?> noded = GridSnappingNoder.node(input, snapTolerance);
        SnapGrid<Integer> nodeIndex = new SnapGrid<>(snapTolerance);
        GeometryFactory factory = new GeometryFactory(
                new PrecisionModel(), projection.crs().epsg().orElse(0));
        for (Object o : noded) {
            SegmentString piece = (SegmentString) o;
            Coordinate[] pts = CoordinateArrays.removeRepeatedPoints(piece.getCoordinates());
            if (pts.length < 2) {
                continue;
            }
            LineString line = factory.createLineString(pts);
            double length = line.getLength();
            if (length <= 0) {
                continue;
            }
            int from = node(nodeIndex, nodes, pts[0]);
            int to = node(nodeIndex, nodes, pts[pts.length - 1]);
            if (from == to && length < snapTolerance) {
                continue; // a sliver collapsed by snapping
            }
            edges.add(new RoadEdge(edges.size(), (String) piece.getData(), from, to, line, length));
        }
        return new RoadNetwork(projection, snapTolerance, nodes, edges);
    }

    /**
     * A road already projected to the network's metres.
     *
     * @param id the road's id
     * @param metres its lines in metres
     */
    public record ProjectedRoad(String id, Geometry metres) {}

    private static int node(SnapGrid<Integer> index, List<Coordinate> nodes, Coordinate p) {
        int next = nodes.size();
        SnapGrid.Entry<Integer> e = index.snap(p, next);
        if (e.data() == next) {
            nodes.add(e.point().copy()); // a new node; otherwise p snapped to an existing one
        }
        return e.data();
    }

    private List<NetworkComponent> computeComponents() {
        int[] parent = new int[nodes.size()];
        Arrays.setAll(parent, i -> i);
        for (RoadEdge edge : edges) {
            int a = find(parent, edge.from());
            int b = find(parent, edge.to());
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] indexOfRoot = new int[nodes.size()];
        Arrays.fill(indexOfRoot, -1);
        List<List<RoadEdge>> members = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            int root = find(parent, n);
            if (indexOfRoot[root] < 0) {
                indexOfRoot[root] = members.size();
                members.add(new ArrayList<>());
            }
            componentOfNode[n] = indexOfRoot[root];
        }
        for (RoadEdge edge : edges) {
            members.get(componentOfNode[edge.from()]).add(edge);
        }
        List<NetworkComponent> result = new ArrayList<>();
        for (int c = 0; c < members.size(); c++) {
            List<RoadEdge> es = members.get(c);
            TreeSet<String> ids = new TreeSet<>();
            es.forEach(e -> ids.add(e.roadId()));
            result.add(new NetworkComponent(
                    c,
                    ids,
                    es.stream().map(RoadEdge::index).toList(),
                    es.stream().mapToDouble(RoadEdge::length).sum()));
        }
        return List.copyOf(result);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * @param seedRoadIds the ids of the roads the network starts from (for example county roads)
     * @return the components containing a seed road, and the others as fragments, longest first
     */
    public Reachability reachable(Set<String> seedRoadIds) {
        List<NetworkComponent> network = new ArrayList<>();
        List<NetworkComponent> fragments = new ArrayList<>();
        for (NetworkComponent c : components) {
            boolean seeded = c.roadIds().stream().anyMatch(seedRoadIds::contains);
            (seeded ? network : fragments).add(c);
        }
        fragments.sort(Comparator.comparingDouble(NetworkComponent::length).reversed());
        return new Reachability(seedRoadIds, network, fragments);
    }

    /** @return the projection to metres the network was built in */
    public LocalProjection projection() {
        return projection;
    }

    /** @return the snap tolerance in metres */
    public double snapTolerance() {
        return snapTolerance;
    }

    /** @return the nodes, in metres; a node's index is its position */
    public List<Coordinate> nodes() {
        return nodes.stream().map(Coordinate::copy).toList();
    }

    /** @return the number of nodes */
    public int nodeCount() {
        return nodes.size();
    }

    /** @return the edges; an edge's index is its position */
    public List<RoadEdge> edges() {
        return edges;
    }

    /**
     * @param node a node index
     * @return the edges at the node
     */
    public List<RoadEdge> incident(int node) {
        return incident.get(node);
    }

    /**
     * Distances along the edges from the nearest of several sources to every node (one multi-source Dijkstra).
     *
     * @param sources the source nodes
     * @param start the distance already gone at each source (a point part-way along an edge: its distance to the
     *     edge's end)
     * @return each node's distance, +∞ where no source reaches it
     */
    public double[] distancesFrom(int[] sources, double[] start) {
        double[] dist = new double[nodeCount()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> heap = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        for (int i = 0; i < sources.length; i++) {
            relax(dist, heap, sources[i], start[i]);
        }
        while (!heap.isEmpty()) {
            double[] top = heap.poll();
            int node = (int) top[1];
            if (top[0] > dist[node]) {
                continue;
            }
            for (RoadEdge e : incident(node)) {
                relax(dist, heap, e.from() == node ? e.to() : e.from(), top[0] + e.length());
            }
        }
        return dist;
    }

    private static void relax(double[] dist, PriorityQueue<double[]> heap, int node, double d) {
        if (d < dist[node]) {
            dist[node] = d;
            heap.add(new double[] {d, node});
        }
    }

    /** @return the connected components, in order of their first node */
    public List<NetworkComponent> components() {
        return components;
    }

    /**
     * @param node a node index
     * @return the index of its component
     */
    public int componentOf(int node) {
        return componentOfNode[node];
    }
}
