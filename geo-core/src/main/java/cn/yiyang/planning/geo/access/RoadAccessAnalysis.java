package cn.yiyang.planning.geo.access;

import cn.yiyang.planning.geo.access.AccessInput.Household;
import cn.yiyang.planning.geo.access.AccessInput.NaturalVillage;
import cn.yiyang.planning.geo.access.AccessInput.Road;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.AccessResult.DataProblem;
import cn.yiyang.planning.geo.access.AccessResult.Fragment;
import cn.yiyang.planning.geo.access.AccessResult.HouseholdAccess;
import cn.yiyang.planning.geo.access.AccessResult.NaturalVillageAccess;
import cn.yiyang.planning.geo.access.AccessResult.NetworkSummary;
import cn.yiyang.planning.geo.access.AccessResult.ProblemKind;
import cn.yiyang.planning.geo.access.AccessResult.RoadStatus;
import cn.yiyang.planning.geo.access.AccessResult.TownshipAccess;
import cn.yiyang.planning.geo.access.AccessResult.VillageAccess;
import cn.yiyang.planning.geo.access.EdgeIndex.Near;
import cn.yiyang.planning.geo.measure.LocalProjection;
import cn.yiyang.planning.geo.network.RoadEdge;
import cn.yiyang.planning.geo.network.RoadNetwork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Road access (通达) of households, natural villages, villages and townships, and the Rural Access Index.
 *
 * <ol>
 *   <li>All passable roads are noded into one {@link RoadNetwork} (1 m snap) in the Gauss-Kruger zone of the data's
 *       centre. Roads the 通返不通 register holds impassable are left out entirely, so a broken bridge cuts the
 *       network.</li>
 *   <li>The <em>network</em> is the hardened (or all-season) edges in components, joined through hardened edges
 *       only, that contain a seed road (the county network). Other hardened components are isolated
 *       fragments.</li>
 *   <li>Each household, natural village, township seat and village centre is measured against it in ground metres
 *       (projected distance divided by the point scale factor, see {@link LocalProjection#scaleFactor}).</li>
 *   <li>The network distance of a place: straight to its nearest road of any kind, then along the roads to the
 *       nearest network node (one multi-source Dijkstra from all network nodes). A river between a house and a
 *       network road does not shorten it.</li>
 *   <li>Counts roll up village → township → county → city, for all villages and for key-support and demonstration
 *       villages as groups; gaps are listed by people per km of road to build.</li>
 * </ol>
 *
 * <pre>{@code
 * AccessResult r = new RoadAccessAnalysis(AccessSettings.defaults()).run(input, (f, stage) -> bar.set(f));
 * r.indicator(AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE, UnitLevel.CITY, "430900", UnitGroup.ALL);
 * }</pre>
 */
public final class RoadAccessAnalysis {

    /** Minimum road length in a people-per-km ratio, km: a gap next to the network is not infinitely good. */
    static final double MIN_ROAD_KM = 0.05;

    /** Receives the progress of a run. */
    @FunctionalInterface
    public interface Progress {
        /** Ignores progress. */
        Progress NONE = (fraction, stage) -> {};

        /**
         * @param fraction 0 to 1
         * @param stage the stage now running: network, households, villages, indicators, gaps
         */
        void update(double fraction, String stage);
    }

    /**
     * Told of a part of the result as soon as it is computed, before the run goes on with the rest: a caller can store
     * it meanwhile (the embedded store writes the unserved households while the run rolls up and finds the gaps).
     */
    @FunctionalInterface
    public interface Partial {
        /** Ignores the parts. */
        Partial NONE = households -> {};

        /**
         * Called once per run, on the run's thread; it should hand long work to another thread.
         *
         * @param households every household's access, as {@link AccessResult#households} will hold them
         */
        void households(List<HouseholdAccess> households);
    }

    private final AccessSettings settings;

    /** @param settings the thresholds */
    public RoadAccessAnalysis(AccessSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param input the roads, settlements and units
     * @return the result
     */
    public AccessResult run(AccessInput input) {
        return run(input, Progress.NONE);
    }

    /**
     * @param input the roads, settlements and units
     * @param progress told of the progress
     * @return the result
     */
    public AccessResult run(AccessInput input, Progress progress) {
        return run(input, null, progress);
    }

    /**
     * Builds the network of the roads ahead of a run: its longest step done by one thread (noding the roads), which
     * needs no household. A caller that reads the households meanwhile hands it to
     * {@link #run(AccessInput, AccessNetwork, Progress)}.
     *
     * @param roads the roads of the run's input
     * @return the network, in the zone of the roads' extent
     */
    public AccessNetwork network(List<Road> roads) {
        return new AccessNetwork(roads, AccessNetwork.projectionFor(roads, List.of()), settings);
    }

    /**
     * @param input the roads, settlements and units
     * @param network the network {@link #network} built of the input's roads, or null; when the households move the
     *     centre of the data into another zone than the roads' (or the roads or settings differ), the run builds its
     *     own, so the result is the same as without it
     * @param progress told of the progress
     * @return the result
     */
    public AccessResult run(AccessInput input, AccessNetwork network, Progress progress) {
        return run(input, network, progress, Partial.NONE);
    }

    /**
     * As {@link #run(AccessInput, AccessNetwork, Progress)}, telling {@code partial} of the households' access as soon
     * as they are measured.
     */
    public AccessResult run(AccessInput input, AccessNetwork network, Progress progress, Partial partial) {
        return new Run(input, network, progress, partial).execute();
    }

    /** The state of one run. */
    private final class Run {

        private final AccessInput in;
        private final Progress progress;
        private final Partial partial;
        private final List<DataProblem> problems = new ArrayList<>();
        private final AccessNetwork prepared;
        /** The run's network: built here, or beforehand ({@link RoadAccessAnalysis#network}). */
        private AccessNetwork net;

        Run(AccessInput in, AccessNetwork prepared, Progress progress, Partial partial) {
            this.in = in;
            this.prepared = prepared;
            this.progress = progress;
            this.partial = Objects.requireNonNull(partial, "partial");
        }

        AccessResult execute() {
            progress.update(0, "network");
            net = network();
            progress.update(0.25, "households");
            List<HouseholdAccess> households = measureHouseholds();
            partial.households(households);
            progress.update(0.7, "villages");
            List<NaturalVillageAccess> naturalVillages = measureNaturalVillages();
            List<VillageAccess> villages = measureVillages();
            List<TownshipAccess> townships = measureTownships();
            progress.update(0.85, "indicators");
            List<UnitIndicator> indicators =
                    new Rollup(in, problems).indicators(households, naturalVillages, villages, townships);
            progress.update(0.92, "gaps");
            List<AccessResult.Gap> gaps = new GapFinder(in, settings, net.projection).gaps(households, naturalVillages);
            progress.update(1, "done");
            double networkKm = 0;
            for (RoadEdge e : net.graph.edges()) {
                if (net.networkEdge[e.index()]) {
                    networkKm += e.length();
                }
            }
            NetworkSummary summary = new NetworkSummary(
                    net.graph.nodeCount(),
                    net.graph.edges().size(),
                    networkKm / 1000,
                    net.fragments.stream().mapToDouble(Fragment::lengthM).sum() / 1000,
                    (int) net.roadStatus.values().stream()
                            .filter(s -> s == RoadStatus.IMPASSABLE)
                            .count());
            return new AccessResult(
                    settings,
                    summary,
                    households,
                    naturalVillages,
                    villages,
                    townships,
                    Map.copyOf(net.roadStatus),
                    net.fragments,
                    gaps,
                    indicators,
                    List.copyOf(problems));
        }

        /** The network built beforehand if it is this run's (its roads, zone and settings), else a new one. */
        private AccessNetwork network() {
            LocalProjection zone = AccessNetwork.projectionFor(in.roads(), in.households());
            return prepared != null && prepared.fits(in, zone, settings)
                    ? prepared
                    : new AccessNetwork(in.roads(), zone, settings);
        }

        /** The measures of one place. */
        private record Place(double distanceM, double networkDistanceM, Coordinate nearestNetwork, double k) {}

        private Place measure(Coordinate lonLat, Coordinate p, double likelyM) {
            double k = net.projection.scaleFactor(lonLat);
            Near near = net.network.nearest(p, likelyM * k);
            double distance = near == null ? Double.NaN : near.distance() / k;
            Coordinate nearest = near == null ? null : net.projection.toLonLat(near.point());
            double byRoad = Double.NaN;
            if (near != null) {
                Near road = net.allRoads.nearest(p, likelyM * k);
                double along = Math.min(
                        net.nodeDistance[road.edge().from()] + road.along(),
                        net.nodeDistance[road.edge().to()] + road.edge().length() - road.along());
                if (net.networkEdge[road.edge().index()]) {
                    byRoad = distance; // the nearest road is the network: measured to it as drawn, like distance
                } else if (Double.isFinite(along)) {
                    // never shorter than the straight line (the graph's snapping may shift a road by 1 m)
                    byRoad = Math.max(distance, (road.distance() + along) / k);
                }
            }
            return new Place(distance, byRoad, nearest, k);
        }

        private List<HouseholdAccess> measureHouseholds() {
            List<Household> hs = in.households();
            HouseholdAccess[] out = new HouseholdAccess[hs.size()];
            double served = settings.householdServedM();
            double rai = settings.ruralAccessM();
            IntStream.range(0, hs.size()).parallel().forEach(i -> {
                Household h = hs.get(i);
                Coordinate p = net.projection.toMetres(h.lonLat());
                Place place = measure(h.lonLat(), p, served);
                boolean within = net.allSeason.within(p, rai * place.k());
                out[i] = new HouseholdAccess(
                        h.code(),
                        place.distanceM() <= served,
                        place.distanceM(),
                        place.networkDistanceM(),
                        place.networkDistanceM() <= served,
                        within,
                        place.nearestNetwork());
            });
            return List.of(out);
        }

        private List<NaturalVillageAccess> measureNaturalVillages() {
            Map<String, int[]> counted = new HashMap<>();
            for (Household h : in.households()) {
                if (h.naturalVillageCode() != null) {
                    int[] c = counted.computeIfAbsent(h.naturalVillageCode(), k -> new int[2]);
                    c[0]++;
                    c[1] += Math.max(0, h.population());
                }
            }
            List<NaturalVillageAccess> out = new ArrayList<>();
            double connected = settings.largeVillageConnectedM();
            for (NaturalVillage nv : in.naturalVillages()) {
                int[] c = counted.getOrDefault(nv.code(), new int[2]);
                int households = nv.households() == null || nv.households() <= 0 ? c[0] : nv.households();
                int population = nv.population() == null || nv.population() <= 0 ? c[1] : nv.population();
                Place place = measure(nv.lonLat(), net.projection.toMetres(nv.lonLat()), connected);
                out.add(new NaturalVillageAccess(
                        nv.code(),
                        households,
                        population,
                        households >= settings.largeVillageHouseholds(),
                        place.distanceM() <= connected,
                        place.distanceM(),
                        place.networkDistanceM(),
                        place.nearestNetwork()));
            }
            return out;
        }

        private List<VillageAccess> measureVillages() {
            Map<String, double[]> centres = new HashMap<>(); // village → Σw·lon, Σw·lat, Σw
            for (NaturalVillage nv : in.naturalVillages()) {
                double w = nv.population() != null && nv.population() > 0
                        ? nv.population()
                        : nv.households() != null && nv.households() > 0 ? nv.households() : 1;
                addWeighted(centres, nv.villageCode(), nv.lonLat(), w);
            }
            Map<String, double[]> householdCentres = new HashMap<>();
            for (Household h : in.households()) {
                addWeighted(householdCentres, h.villageCode(), h.lonLat(), Math.max(1, h.population()));
            }
            STRtree stops = new STRtree();
            for (Coordinate s : in.busStops()) {
                Coordinate m = net.projection.toMetres(s);
                stops.insert(new Envelope(m), m);
            }
            stops.build();
            List<VillageAccess> out = new ArrayList<>();
            for (Village v : in.villages()) {
                double[] c = centres.containsKey(v.code()) ? centres.get(v.code()) : householdCentres.get(v.code());
                Coordinate centre = c != null ? new Coordinate(c[0] / c[2], c[1] / c[2]) : v.centre();
                if (centre == null) {
                    problems.add(new DataProblem(ProblemKind.VILLAGE_WITHOUT_CENTRE, v.code()));
                    out.add(new VillageAccess(v.code(), null, false, Double.NaN, Double.NaN));
                    continue;
                }
                Coordinate p = net.projection.toMetres(centre);
                double k = net.projection.scaleFactor(centre);
                double stopDistance = Double.NaN;
                if (!stops.isEmpty()) {
                    Coordinate s = (Coordinate) stops.nearestNeighbour(
                            new Envelope(p),
                            p,
                            (ItemBoundable a, ItemBoundable b) ->
                                    ((Coordinate) a.getItem()).distance((Coordinate) b.getItem()));
                    stopDistance = s.distance(p) / k;
                }
                Near route = net.busRoutes.nearest(p, settings.busRouteM() * k);
                double routeDistance = route == null ? Double.NaN : route.distance() / k;
                boolean served = stopDistance <= settings.busStopM() || routeDistance <= settings.busRouteM();
                out.add(new VillageAccess(v.code(), centre, served, stopDistance, routeDistance));
            }
            return out;
        }

        private List<TownshipAccess> measureTownships() {
            List<TownshipAccess> out = new ArrayList<>();
            for (Township t : in.townships()) {
                if (t.seat() == null) {
                    problems.add(new DataProblem(ProblemKind.TOWNSHIP_WITHOUT_SEAT, t.code()));
                    out.add(new TownshipAccess(t.code(), false, Double.NaN));
                    continue;
                }
                double k = net.projection.scaleFactor(t.seat());
                Near near = net.class3.nearest(net.projection.toMetres(t.seat()), settings.townshipSeatM() * k);
                double distance = near == null ? Double.NaN : near.distance() / k;
                out.add(new TownshipAccess(t.code(), distance <= settings.townshipSeatM(), distance));
            }
            return out;
        }
    }

    private static void addWeighted(Map<String, double[]> sums, String key, Coordinate c, double w) {
        if (key == null) {
            return;
        }
        double[] s = sums.computeIfAbsent(key, k -> new double[3]);
        s[0] += w * c.x;
        s[1] += w * c.y;
        s[2] += w;
    }
}
