package cn.yiyang.planning.geo.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Distances to and along the reachable part of a {@link RoadNetwork}: the straight-line distance from a point to
 * the nearest reachable road ({@link #nearest}), and the distance along the roads between two points snapped to
 * the network ({@link #alongNetwork}). Fragments (components without a seed road) are ignored.
 *
 * <p>Distances are planar, in the network's {@link cn.yiyang.planning.geo.measure.LocalProjection} (within 0.05%
 * of the geodesic distance in Yiyang).
 *
 * <pre>{@code
 * NetworkDistance d = NetworkDistance.of(roads, roads.reachable(countyRoadIds));
 * double toRoad = d.nearest(house).orElseThrow().distance();
 * OptionalDouble byRoad = d.alongNetwork(house, school);
 * }</pre>
 */
public final class NetworkDistance {

    private static final GeometryFactory GF = new GeometryFactory();

    private final RoadNetwork network;
    private final Set<Integer> components;
    private final List<RoadEdge> edges;
    private final STRtree index = new STRtree();

    private NetworkDistance(RoadNetwork network, Reachability reachability) {
        this.network = network;
        this.components = new HashSet<>();
        List<RoadEdge> reachable = new ArrayList<>();
        for (NetworkComponent c : reachability.network()) {
            components.add(c.index());
            for (int e : c.edges()) {
                RoadEdge edge = network.edges().get(e);
                index.insert(edge.metres().getEnvelopeInternal(), edge);
                reachable.add(edge);
            }
        }
        index.build();
        this.edges = List.copyOf(reachable);
    }

    /**
     * @param network the road network
     * @param reachability its split from {@link RoadNetwork#reachable}; only its {@code network} part is used
     * @return distances to and along that part
     */
    public static NetworkDistance of(RoadNetwork network, Reachability reachability) {
        return new NetworkDistance(network, reachability);
    }

    /**
     * @param lonLat a query point, CGCS2000 lon/lat
     * @return the nearest point of the reachable network; empty if it has no edges
     */
    public Optional<NearestRoad> nearest(Coordinate lonLat) {
        if (index.isEmpty()) {
            return Optional.empty();
        }
        Coordinate p = network.projection().toMetres(lonLat);
        Point point = GF.createPoint(p);
        ItemDistance distance = (ItemBoundable a, ItemBoundable b) -> {
            RoadEdge edge = (RoadEdge) (a.getItem() instanceof RoadEdge ? a.getItem() : b.getItem());
            return edge.metres().distance(point);
        };
        RoadEdge edge = (RoadEdge) index.nearestNeighbour(new Envelope(p), point, distance);
        LengthIndexedLine line = new LengthIndexedLine(edge.metres());
        double along = line.project(p);
        Coordinate onRoad = line.extractPoint(along);
        return Optional.of(new NearestRoad(
                edge, onRoad.distance(p), along, network.projection().toLonLat(onRoad), onRoad));
    }

    /**
     * The shortest distance along the reachable network between two points, each snapped to its nearest point
     * on the network (the straight-line legs to the network are not included; see {@link #nearest}). Edges are
     * two-way. Dijkstra's algorithm with a binary heap.
     *
     * @param fromLonLat the start, CGCS2000 lon/lat
     * @param toLonLat the end, CGCS2000 lon/lat
     * @return the distance in metres; empty if the network is empty or the snapped points lie in different
     *     components
     */
    public OptionalDouble alongNetwork(Coordinate fromLonLat, Coordinate toLonLat) {
        Optional<NearestRoad> from = nearest(fromLonLat);
        Optional<NearestRoad> to = nearest(toLonLat);
        if (from.isEmpty() || to.isEmpty()) {
            return OptionalDouble.empty();
        }
        RoadEdge a = from.get().edge();
        RoadEdge b = to.get().edge();
        if (network.componentOf(a.from()) != network.componentOf(b.from())) {
            return OptionalDouble.empty();
        }
        double best = Double.POSITIVE_INFINITY;
        if (a.index() == b.index()) {
            best = Math.abs(from.get().alongEdge() - to.get().alongEdge());
        }
        double[] dist = network.distancesFrom(
                new int[] {a.from(), a.to()},
                new double[] {from.get().alongEdge(), a.length() - from.get().alongEdge()});
        best = Math.min(best, dist[b.from()] + to.get().alongEdge());
        best = Math.min(best, dist[b.to()] + b.length() - to.get().alongEdge());
        return Double.isFinite(best) ? OptionalDouble.of(best) : OptionalDouble.empty();
    }

    /** @return the indexes of the components distances are measured on */
    public Set<Integer> components() {
        return Set.copyOf(components);
    }

    /** @return the reachable edges, by component */
    public List<RoadEdge> edges() {
        return edges;
    }
}
