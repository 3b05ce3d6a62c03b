package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.facility.RoadReach.Scratch;
import cn.yiyang.planning.geo.facility.RoadReach.Snap;
import cn.yiyang.planning.geo.measure.LocalProjection;
import cn.yiyang.planning.geo.network.RoadEdge;
import cn.yiyang.planning.geo.network.RoadNetwork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Suggested sites for a new facility: maximal-coverage location-allocation on the road graph. Candidates are the
 * network's nodes inside the area that lacks the facility and points every {@link Settings#edgeStepM} along the
 * longer edges there; a candidate reaches a household when the household's straight leg to its nearest road plus
 * the path along the roads is within the travel distance (see {@link RoadReach}: a household across a river with
 * no bridge is not reached, however near in a straight line).
 *
 * <p><b>What the sites are.</b> The up to three sites returned are <em>alternatives for one facility</em>: the
 * best single sites ranked by households reached (then population), each at least {@link Settings#separationM}
 * ground metres from every better one, so that the three are real choices and not three nodes of one junction. A
 * township or village lacking a centre, outlet or works needs one facility, and where it goes is the planners'
 * choice among good places (land, a building to reuse), so ranked alternatives serve them; a greedy set (each site
 * counting only households the previous ones miss) would answer "where would three facilities go", which no rule of
 * the plan asks. Each site's counts are of all the demand it reaches on its own.
 *
 * <p>Ties (equal households and population) go to the candidate further west, then further south (smaller projected
 * x, then y), so the answer never depends on the order of the input. Candidates reaching no household are not
 * suggested; an area with no road in it gets no suggestion.
 *
 * <p>Built once per network and demand (households are snapped to the roads once, and indexed by the edge they snap
 * to); each {@link #suggest} runs one Dijkstra per candidate bounded by the travel distance. Thread-safe once built:
 * callers may suggest for many gaps in parallel.
 *
 * <pre>{@code
 * SiteSuggestion tool = SiteSuggestion.of(roads, households, SiteSuggestion.Settings.defaults());
 * List<Site> sites = tool.suggest(new Request(villagePolygon, Set.of(villageCode), 2_000, 3));
 * }</pre>
 */
public final class SiteSuggestion {

    /** The most sites one request may ask for. */
    public static final int MAX_SITES = 3;

    /** The shortest travel distance a request may ask for, ground metres. */
    public static final double MIN_TRAVEL_M = 100;

    /** The longest travel distance a request may ask for, ground metres. */
    public static final double MAX_TRAVEL_M = 50_000;

    /** The largest separation between alternatives, ground metres. */
    public static final double MAX_SEPARATION_M = 20_000;

    /** The shortest spacing of candidates along edges, metres (0 turns them off). */
    public static final double MIN_EDGE_STEP_M = 50;

    /** The longest spacing of candidates along edges, metres. */
    public static final double MAX_EDGE_STEP_M = 10_000;

    private static final GeometryFactory GF = new GeometryFactory();
    private static final int[] NONE = {};

    /**
     * How candidates are chosen.
     *
     * @param separationM alternatives lie at least this far apart, straight ground metres; 0 to {@link
     *     #MAX_SEPARATION_M}
     * @param edgeStepM besides the nodes, a candidate every this many metres along an edge (or every tenth of the
     *     travel distance, when that is longer); 0 for nodes only, otherwise {@link #MIN_EDGE_STEP_M} to {@link
     *     #MAX_EDGE_STEP_M}
     */
    public record Settings(double separationM, double edgeStepM) {

        /** @throws IllegalArgumentException when a value is out of its range */
        public Settings {
            if (!(separationM >= 0 && separationM <= MAX_SEPARATION_M)) {
                throw new IllegalArgumentException("separationM out of 0.." + MAX_SEPARATION_M + ": " + separationM);
            }
            if (!(edgeStepM == 0 || edgeStepM >= MIN_EDGE_STEP_M && edgeStepM <= MAX_EDGE_STEP_M)) {
                throw new IllegalArgumentException(
                        "edgeStepM must be 0 or " + MIN_EDGE_STEP_M + ".." + MAX_EDGE_STEP_M + ": " + edgeStepM);
            }
        }

        /** @return alternatives 1,000 m apart; a candidate every 250 m along edges */
        public static Settings defaults() {
            return new Settings(1_000, 250);
        }
    }

    /**
     * One question: where in this area would one facility reach most households?
     *
     * @param area the unit polygon lacking the facility, lon/lat; null for anywhere on the network
     * @param demandVillages the villages whose households count as demand; empty for every household
     * @param travelM the travel distance along roads, ground metres ({@link #MIN_TRAVEL_M} to {@link #MAX_TRAVEL_M}),
     *     e.g. 2,000 m for a village outlet, 5,000 m for a township centre
     * @param sites how many alternatives, 1 to {@link #MAX_SITES}
     */
    public record Request(Geometry area, Set<String> demandVillages, double travelM, int sites) {

        /** @throws IllegalArgumentException when a value is out of its range */
        public Request {
            demandVillages = Set.copyOf(demandVillages);
            if (!(travelM >= MIN_TRAVEL_M && travelM <= MAX_TRAVEL_M)) {
                throw new IllegalArgumentException(
                        "travelM out of " + MIN_TRAVEL_M + ".." + MAX_TRAVEL_M + ": " + travelM);
            }
            if (sites < 1 || sites > MAX_SITES) {
                throw new IllegalArgumentException("sites out of 1.." + MAX_SITES + ": " + sites);
            }
        }
    }

    /**
     * A suggested site.
     *
     * @param rank 1 for the best alternative
     * @param lonLat where, CGCS2000 lon/lat (on a road)
     * @param roadId the road it lies on
     * @param households the households of the demand it reaches within the travel distance
     * @param population their members
     */
    public record Site(int rank, Coordinate lonLat, String roadId, int households, int population) {

        /** Copies the coordinate. */
        public Site {
            lonLat = lonLat.copy();
        }

        @Override
        public Coordinate lonLat() {
            return lonLat.copy();
        }
    }

    /** A candidate position: on an edge at a distance from its start, projected metres; and where it is. */
    private record Candidate(RoadEdge edge, double along, Coordinate metres, Coordinate lonLat) {

        Candidate(RoadEdge edge, double along, Coordinate metres) {
            this(edge, along, metres, null);
        }
    }

    /** A candidate with what it reaches. */
    private record Scored(Candidate at, Coordinate lonLat, double k, int households, int population) {}

    private final RoadReach reach;
    private final Settings settings;
    private final Coordinate[] nodes;
    private final Household[] households;
    private final double[] householdAlong;
    private final double[] householdOffset;
    /** Households by the edge they snap to: indexes into {@link #households}. */
    private final int[][] byEdge;
    /** Households by their village: indexes into {@link #households}. */
    private final Map<String, int[]> byVillage = new HashMap<>();

    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    private SiteSuggestion(RoadReach reach, Collection<Household> demand, Settings settings) {
        this.reach = reach;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nodes = reach.network().nodes().toArray(Coordinate[]::new);
        this.households = demand.toArray(Household[]::new);
        this.householdAlong = new double[households.length];
        this.householdOffset = new double[households.length];
        int[] edgeOf = new int[households.length];
        LocalProjection projection = reach.projection();
        IntStream.range(0, households.length).parallel().forEach(i -> {
            Optional<Snap> s = reach.snapMetres(projection.toMetres(households[i].lonLat()));
            edgeOf[i] = s.map(snap -> snap.edge().index()).orElse(-1);
            householdAlong[i] = s.map(Snap::along).orElse(Double.NaN);
            householdOffset[i] = s.map(Snap::offset).orElse(Double.POSITIVE_INFINITY);
        });
        int[] counts = new int[reach.network().edges().size()];
        for (int e : edgeOf) {
            if (e >= 0) {
                counts[e]++;
            }
        }
        byEdge = new int[counts.length][];
        for (int e = 0; e < counts.length; e++) {
            byEdge[e] = new int[counts[e]];
        }
        int[] filled = new int[counts.length];
        for (int i = 0; i < edgeOf.length; i++) {
            if (edgeOf[i] >= 0) {
                byEdge[edgeOf[i]][filled[edgeOf[i]]++] = i;
            }
        }
        Map<String, List<Integer>> villages = new HashMap<>();
        for (int i = 0; i < households.length; i++) {
            villages.computeIfAbsent(households[i].villageCode(), k -> new ArrayList<>())
                    .add(i);
        }
        villages.forEach((v, hs) ->
                byVillage.put(v, hs.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * @param network the road graph
     * @param households the demand: each counts as one household and its members
     * @param settings how candidates are chosen
     * @return the tool, with the households snapped to the roads
     */
    public static SiteSuggestion of(RoadNetwork network, Collection<Household> households, Settings settings) {
        return new SiteSuggestion(RoadReach.of(network), households, settings);
    }

    /**
     * @param reach distances along a road graph, shared with other uses of it
     * @param households the demand
     * @param settings how candidates are chosen
     * @return the tool
     */
    public static SiteSuggestion of(RoadReach reach, Collection<Household> households, Settings settings) {
        return new SiteSuggestion(reach, households, settings);
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /**
     * @param request the area, demand and travel distance
     * @return up to {@code request.sites()} alternatives, best first; empty when no candidate in the area reaches a
     *     household
     */
    public List<Site> suggest(Request request) {
        List<Candidate> candidates = candidates(request.area(), step(request.travelM()));
        Workspace demand = workspaces.get();
        demand.begin(request.demandVillages());
        List<Scored> scored = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            Candidate at = candidates.get(c);
            Coordinate lonLat = at.lonLat();
            double k = reach.projection().scaleFactor(lonLat);
            Scored s = score(at, lonLat, k, request.travelM() * k, demand);
            if (s.households() > 0) {
                scored.add(s);
            }
        }
        scored.sort(Comparator.comparingInt(Scored::households)
                .reversed()
                .thenComparing(Comparator.comparingInt(Scored::population).reversed())
                .thenComparingDouble(s -> s.at().metres().x)
                .thenComparingDouble(s -> s.at().metres().y));
        List<Site> sites = new ArrayList<>();
        List<Scored> chosen = new ArrayList<>();
        for (Scored s : scored) {
            if (sites.size() == request.sites()) {
                break;
            }
            boolean apart = chosen.stream()
                    .allMatch(o -> o.at().metres().distance(s.at().metres()) / s.k() >= settings.separationM());
            if (apart) {
                chosen.add(s);
                sites.add(
                        new Site(sites.size() + 1, s.lonLat(), s.at().edge().roadId(), s.households(), s.population()));
            }
        }
        return List.copyOf(sites);
    }

    /** One bounded Dijkstra, then every demand household on an edge it touched (each edge once). */
    private Scored score(Candidate at, Coordinate lonLat, double k, double boundM, Workspace demand) {
        Scratch dist = demand.scratch;
        reach.search(dist, at.edge(), at.along(), boundM);
        int mark = ++demand.candidate;
        int[] total = new int[2];
        visit(at.edge(), at, boundM, demand, mark, total);
        List<RoadEdge> edges = reach.network().edges();
        for (int i = 0; i < dist.reachedCount(); i++) {
            int node = dist.reached(i);
            for (int j = reach.firstIncident(node), end = reach.firstIncident(node + 1); j < end; j++) {
                int e = reach.incidentEdge(j);
                if (demand.edgeMark[e] != mark) {
                    visit(edges.get(e), at, boundM, demand, mark, total);
                }
            }
        }
        return new Scored(at, lonLat, k, total[0], total[1]);
    }

    private void visit(RoadEdge e, Candidate at, double boundM, Workspace demand, int mark, int[] total) {
        if (demand.edgeMark[e.index()] == mark) {
            return;
        }
        demand.edgeMark[e.index()] = mark;
        Scratch dist = demand.scratch;
        int i = e.index();
        demand.prepare(i);
        if (demand.households[i] == 0) {
            return;
        }
        double fromStart = dist.get(e.from());
        double fromEnd = dist.get(e.to());
        if (fromStart + demand.farthestFromStart[i] <= boundM || fromEnd + demand.farthestFromEnd[i] <= boundM) {
            // the whole edge's demand is within reach through one end: no need to look at each household
            total[0] += demand.households[i];
            total[1] += demand.population[i];
            return;
        }
        boolean same = i == at.edge().index();
        for (int h : byEdge[i]) {
            if (!demand.isDemand(h)) {
                continue;
            }
            double along = householdAlong[h];
            double d = Math.min(fromStart + along, fromEnd + e.length() - along);
            if (same) {
                d = Math.min(d, Math.abs(at.along() - along));
            }
            if (d + householdOffset[h] <= boundM) {
                total[0]++;
                total[1] += households[h].population();
            }
        }
    }

    /**
     * One thread's scratch space, reused by its requests (a city's 800 requests would otherwise allocate and clear
     * arrays the size of the network and of the demand 800 times): the search's node distances, which edges the
     * current candidate has counted, which households are the current request's demand, and the demand summed per
     * edge when a search first touches the edge (most edges a bounded search touches lie wholly within reach, and
     * are then counted from these sums rather than household by household). Marks are generation numbers, so
     * nothing is cleared between requests or candidates.
     */
    private final class Workspace {
        private final Scratch scratch = reach.scratch();
        private final int[] edgeMark = new int[byEdge.length];
        private final int[] demandMark = new int[SiteSuggestion.this.households.length];
        private final int[] edgeReady = new int[byEdge.length];
        private final int[] households = new int[byEdge.length];
        private final int[] population = new int[byEdge.length];
        private final double[] farthestFromStart = new double[byEdge.length];
        private final double[] farthestFromEnd = new double[byEdge.length];
        private int candidate;
        private int request;
        private boolean everyone;

        void begin(Set<String> villages) {
            request++;
            everyone = villages.isEmpty();
            for (String v : villages) {
                for (int h : byVillage.getOrDefault(v, NONE)) {
                    demandMark[h] = request;
                }
            }
        }

        boolean isDemand(int h) {
            return everyone || demandMark[h] == request;
        }

        void prepare(int edge) {
            if (edgeReady[edge] == request) {
                return;
            }
            edgeReady[edge] = request;
            households[edge] = 0;
            population[edge] = 0;
            farthestFromStart[edge] = 0;
            farthestFromEnd[edge] = 0;
            double length = reach.network().edges().get(edge).length();
            for (int h : byEdge[edge]) {
                if (isDemand(h)) {
                    households[edge]++;
                    population[edge] += SiteSuggestion.this.households[h].population();
                    farthestFromStart[edge] = Math.max(farthestFromStart[edge], householdAlong[h] + householdOffset[h]);
                    farthestFromEnd[edge] =
                            Math.max(farthestFromEnd[edge], length - householdAlong[h] + householdOffset[h]);
                }
            }
        }
    }

    /** The nodes inside the area (once each, in node order), then the points along its edges, edge by edge. */
    private List<Candidate> candidates(Geometry area, double step) {
        List<RoadEdge> edges;
        PreparedGeometry inside = null;
        if (area == null) {
            edges = reach.network().edges();
        } else {
            Envelope box = reach.projection().toMetres(area).getEnvelopeInternal();
            box.expandBy(1); // the projected outline is not the projected polygon's exact edge
            edges = new ArrayList<>(reach.edgesIn(box));
            edges.sort(Comparator.comparingInt(RoadEdge::index));
            inside = PreparedGeometryFactory.prepare(area);
        }
        Map<Integer, Candidate> byNode = new HashMap<>();
        List<Candidate> along = new ArrayList<>();
        for (RoadEdge e : edges) {
            byNode.putIfAbsent(e.from(), new Candidate(e, 0, nodes[e.from()]));
            byNode.putIfAbsent(e.to(), new Candidate(e, e.length(), nodes[e.to()]));
            if (step > 0 && e.length() > step) {
                // a 4,000 m edge projected back and forth measures 4,000.0000001 m: still 16 pieces of 250 m, not 17
                int n = (int) Math.ceil(e.length() / step - 1e-6);
                for (int i = 1; i < n; i++) {
                    double a = e.length() * i / n;
                    along.add(new Candidate(e, a, pointAt(e, a)));
                }
            }
        }
        int[] order =
                byNode.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        List<Candidate> out = new ArrayList<>();
        for (int node : order) {
            out.add(byNode.get(node));
        }
        out.addAll(along);
        List<Candidate> placed = new ArrayList<>(out.size());
        for (Candidate c : out) {
            Coordinate lonLat = reach.projection().toLonLat(c.metres());
            if (inside == null || inside.covers(GF.createPoint(lonLat))) {
                placed.add(new Candidate(c.edge(), c.along(), c.metres(), lonLat));
            }
        }
        return placed;
    }

    /**
     * The spacing of candidates along edges: the setting, or a tenth of the travel distance when that is longer (a
     * centre serving 5 km needs no finer choice than 500 m, and half the candidates halve the searches).
     */
    private double step(double travelM) {
        return settings.edgeStepM() == 0 ? 0 : Math.max(settings.edgeStepM(), travelM / 10);
    }

    private static Coordinate pointAt(RoadEdge e, double a) {
        Coordinate[] c = e.metres().getCoordinates();
        double acc = 0;
        for (int i = 0; i + 1 < c.length; i++) {
            double len = c[i].distance(c[i + 1]);
            if (acc + len >= a && len > 0) {
                double t = (a - acc) / len;
                return new Coordinate(c[i].x + t * (c[i + 1].x - c[i].x), c[i].y + t * (c[i + 1].y - c[i].y));
            }
            acc += len;
        }
        return c[c.length - 1].copy();
    }
}
