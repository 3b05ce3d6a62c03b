package cn.yiyang.planning.geo.access;

import cn.yiyang.planning.geo.access.AccessInput.Road;
import cn.yiyang.planning.geo.access.AccessResult.Fragment;
import cn.yiyang.planning.geo.access.AccessResult.RoadStatus;
import cn.yiyang.planning.geo.measure.LocalProjection;
import cn.yiyang.planning.geo.network.RoadEdge;
import cn.yiyang.planning.geo.network.RoadNetwork;
import cn.yiyang.planning.geo.network.RoadNetwork.ProjectedRoad;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * The road network of a road-access run, built from its roads alone: the passable roads noded into one
 * {@link RoadNetwork} in a Gauss-Kruger zone, the network (hardened or all-season components with a seed road) and
 * the fragments, every road's status, each graph node's distance along the roads from the network, and the indexes
 * the households, villages and township seats are measured against. A run builds it as its first step; a caller
 * may build it beforehand with {@link RoadAccessAnalysis#network}, for instance while it still reads the households,
 * and hand it to {@link RoadAccessAnalysis#run(AccessInput, AccessNetwork, RoadAccessAnalysis.Progress)}. Immutable
 * once built; its indexes answer queries from several threads.
 */
public final class AccessNetwork {

    private final List<Road> roads;
    private final AccessSettings settings;
    final LocalProjection projection;
    final RoadNetwork graph;
    final boolean[] networkEdge;
    final double[] nodeDistance;
    final EdgeIndex network;
    final EdgeIndex allRoads;
    final EdgeIndex allSeason;
    final EdgeIndex class3;
    final EdgeIndex busRoutes;
    final Map<String, RoadStatus> roadStatus;
    final List<Fragment> fragments;

    /** Builds the network of {@code roads} in {@code projection}, as {@code settings} say. */
    AccessNetwork(List<Road> roads, LocalProjection projection, AccessSettings settings) {
        this.roads = roads;
        this.settings = settings;
        this.projection = projection;
        Map<String, Road> byId = new HashMap<>();
        Map<String, RoadStatus> status = new LinkedHashMap<>();
        // Each passable road projected once: noded into the graph, and kept as drawn for distances.
        Map<String, Geometry> metres = new HashMap<>();
        List<ProjectedRoad> projected = new ArrayList<>();
        for (Road r : roads) {
            byId.put(r.id(), r);
            if (r.passable()) {
                Geometry m = projection.toMetres(r.lonLat());
                metres.put(r.id(), m);
                projected.add(new ProjectedRoad(r.id(), m));
            } else {
                status.put(r.id(), RoadStatus.IMPASSABLE);
            }
        }
        graph = RoadNetwork.fromMetres(projected, projection, settings.snapToleranceM());
        List<RoadEdge> edges = graph.edges();
        boolean[] eligible = new boolean[edges.size()];
        UnionFind sets = new UnionFind(graph.nodeCount());
        for (RoadEdge e : edges) {
            Road r = byId.get(e.roadId());
            eligible[e.index()] = r.hardened() || settings.allSeasonCountsAsNetwork() && r.allSeason();
            if (eligible[e.index()]) {
                sets.union(e.from(), e.to());
            }
        }
        boolean[] seededRoot = new boolean[graph.nodeCount()];
        for (RoadEdge e : edges) {
            if (eligible[e.index()] && byId.get(e.roadId()).seed()) {
                seededRoot[sets.find(e.from())] = true;
            }
        }
        networkEdge = new boolean[edges.size()];
        Map<Integer, List<RoadEdge>> fragmentEdges = new LinkedHashMap<>();
        for (RoadEdge e : edges) {
            if (eligible[e.index()]) {
                int root = sets.find(e.from());
                if (seededRoot[root]) {
                    networkEdge[e.index()] = true;
                    status.put(e.roadId(), RoadStatus.NETWORK);
                } else {
                    fragmentEdges.computeIfAbsent(root, k -> new ArrayList<>()).add(e);
                }
            }
        }
        for (Road r : roads) {
            if (r.passable() && !status.containsKey(r.id())) {
                status.put(
                        r.id(),
                        r.hardened() || settings.allSeasonCountsAsNetwork() && r.allSeason()
                                ? RoadStatus.FRAGMENT
                                : RoadStatus.UNHARDENED);
            }
        }
        List<Fragment> parts = new ArrayList<>();
        for (List<RoadEdge> part : fragmentEdges.values()) {
            TreeSet<String> ids = new TreeSet<>();
            double length = 0;
            for (RoadEdge e : part) {
                ids.add(e.roadId());
                length += e.length();
            }
            Coordinate at = part.get(0).metres().getCoordinateN(0);
            Coordinate lonLat = projection.toLonLat(at);
            parts.add(new Fragment(ids, length / projection.scaleFactor(lonLat), lonLat));
        }
        parts.sort((a, b) -> Double.compare(b.lengthM(), a.lengthM()));
        roadStatus = Collections.unmodifiableMap(status);
        fragments = List.copyOf(parts);
        // Distances are measured to the roads as drawn: noding snaps vertices by up to the tolerance, which
        // would move a house 49.6 m from a road to 50.3 m. The noded graph serves connectivity and routing.
        List<RoadEdge> networkParts = new ArrayList<>();
        List<RoadEdge> seasonParts = new ArrayList<>();
        List<RoadEdge> class3Parts = new ArrayList<>();
        List<RoadEdge> busParts = new ArrayList<>();
        for (Road r : roads) {
            boolean inNetwork = status.get(r.id()) == RoadStatus.NETWORK;
            if (!r.passable() || !(inNetwork || r.allSeason() || r.busRoute())) {
                continue;
            }
            for (RoadEdge part : asDrawn(r.id(), metres.get(r.id()))) {
                if (inNetwork) {
                    networkParts.add(part);
                    if (r.class3OrBetter()) {
                        class3Parts.add(part);
                    }
                }
                if (r.allSeason()) {
                    seasonParts.add(part);
                }
                if (r.busRoute()) {
                    busParts.add(part);
                }
            }
        }
        network = new EdgeIndex(networkParts);
        allRoads = new EdgeIndex(edges);
        allSeason = new EdgeIndex(seasonParts);
        class3 = new EdgeIndex(class3Parts);
        busRoutes = new EdgeIndex(busParts);
        nodeDistance = distancesFromNetwork();
    }

    /**
     * The zone a run of these roads and households measures in: the Gauss-Kruger zone of the centre of their extent
     * (that of 112° E for no data at all).
     */
    static LocalProjection projectionFor(List<Road> roads, List<AccessInput.Household> households) {
        Envelope env = new Envelope();
        roads.forEach(r -> env.expandToInclude(r.lonLat().getEnvelopeInternal()));
        households.forEach(h -> env.expandToInclude(h.lonLat()));
        return env.isNull()
                ? LocalProjection.forEnvelope(new Envelope(112, 112, 28.5, 28.5))
                : LocalProjection.forEnvelope(env);
    }

    /** @return whether a run of {@code input} in {@code projection} with {@code settings} would build this network */
    boolean fits(AccessInput input, LocalProjection projection, AccessSettings settings) {
        return (roads == input.roads() || roads.equals(input.roads()))
                && this.projection.equals(projection)
                && this.settings.equals(settings);
    }

    /** The road's lines in metres, as drawn (not noded), as edges outside the graph (index and nodes -1). */
    private static List<RoadEdge> asDrawn(String roadId, Geometry metres) {
        List<RoadEdge> out = new ArrayList<>();
        for (Object o : LinearComponentExtracter.getLines(metres)) {
            LineString line = (LineString) o;
            if (line.getNumPoints() >= 2) {
                out.add(new RoadEdge(-1, roadId, -1, -1, line, line.getLength()));
            }
        }
        return out;
    }

    /** Each node's distance along the passable roads from the network (0 on it). */
    private double[] distancesFromNetwork() {
        List<Integer> sources = new ArrayList<>();
        for (RoadEdge e : graph.edges()) {
            if (networkEdge[e.index()]) {
                sources.add(e.from());
                sources.add(e.to());
            }
        }
        return graph.distancesFrom(sources.stream().mapToInt(Integer::intValue).toArray(), new double[sources.size()]);
    }
}
