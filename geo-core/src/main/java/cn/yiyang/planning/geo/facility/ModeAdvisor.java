package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.facility.SewageResult.Recommendation;
import cn.yiyang.planning.geo.facility.TownNetworks.Reach;
import cn.yiyang.planning.geo.measure.LocalProjection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Recommends a treatment mode for each listed village, in the plan's order of preference:
 * <ol>
 *   <li>connect to the town network: the centre of the village's untreated households within the connect distance of
 *       the network of an operating township plant whose spare capacity takes the village's flow. Villages compete
 *       for spare capacity: the (village, plant) pairs within the distance are taken nearest first (then by village
 *       and plant code), each village assigned to the first plant that still has room, which takes its flow;</li>
 *   <li>otherwise a centralised village facility when at least the set share of the untreated households lie in
 *       clusters (single linkage at the cluster distance) of at least the set number of households;</li>
 *   <li>otherwise single- or multi-household units.</li>
 * </ol>
 */
final class ModeAdvisor {

    /** Flows are compared with this slack (m³/d), so a village that exactly fills a plant's spare still fits. */
    static final double FLOW_SLACK = 1e-9;

    /**
     * A plant a village may connect to.
     *
     * @param code the facility code
     * @param spareM3d its capacity less its present load (at least 0)
     * @param network its point, collection areas and sewers, lon/lat
     */
    record Plant(String code, double spareM3d, List<Geometry> network) {}

    /**
     * A listed village's untreated households.
     *
     * @param code village code
     * @param points their points, lon/lat
     * @param population their members
     */
    record Village(String code, List<Coordinate> points, long population) {}

    private record Pair(int village, int plant, double distanceM) {}

    private final SewageSettings settings;
    private final LocalProjection projection;

    ModeAdvisor(SewageSettings settings, LocalProjection projection) {
        this.settings = settings;
        this.projection = projection;
    }

    /**
     * @param villages the listed villages, each with at least one untreated household
     * @param plants the operating township plants of known capacity
     * @return one recommendation per village, in the same order
     */
    List<Recommendation> advise(List<Village> villages, List<Plant> plants) {
        TownNetworks networks =
                new TownNetworks(projection, plants.stream().map(Plant::network).toList());
        int n = villages.size();
        Coordinate[] centres = new Coordinate[n];
        double[] flows = new double[n];
        List<Pair> pairs = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            centres[v] = centre(villages.get(v).points());
            flows[v] = flowM3d(villages.get(v).population(), settings);
            for (Reach r : networks.within(centres[v], settings.connectDistanceM())) {
                pairs.add(new Pair(v, r.plant(), r.distanceM()));
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distanceM)
                .thenComparing(p -> villages.get(p.village()).code())
                .thenComparing(p -> plants.get(p.plant()).code()));
        double[] spare = plants.stream().mapToDouble(Plant::spareM3d).toArray();
        Pair[] assigned = new Pair[n];
        double[] spareBefore = new double[n];
        for (Pair p : pairs) {
            if (assigned[p.village()] == null && spare[p.plant()] + FLOW_SLACK >= flows[p.village()]) {
                assigned[p.village()] = p;
                spareBefore[p.village()] = spare[p.plant()];
                spare[p.plant()] = Math.max(0, spare[p.plant()] - flows[p.village()]);
            }
        }
        List<Recommendation> out = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            Village village = villages.get(v);
            int[] clustered = clustered(village.points(), centres[v]);
            SewageMode mode;
            String plant = null;
            double distance = Double.NaN;
            double plantSpare = Double.NaN;
            if (assigned[v] != null) {
                mode = SewageMode.CONNECT_TOWN;
                plant = plants.get(assigned[v].plant()).code();
                distance = assigned[v].distanceM();
                plantSpare = spareBefore[v];
            } else {
                Reach near = networks.nearest(centres[v]);
                if (near != null) {
                    plant = plants.get(near.plant()).code();
                    distance = near.distanceM();
                    plantSpare = spare[near.plant()];
                }
                int untreated = village.points().size();
                mode = clustered[1] >= settings.clusteredShare() * untreated - 1e-9
                        ? SewageMode.VILLAGE_CENTRAL
                        : SewageMode.SMALL_UNITS;
            }
            out.add(new Recommendation(
                    mode,
                    village.points().size(),
                    village.population(),
                    flows[v],
                    centres[v],
                    plant,
                    distance,
                    plantSpare,
                    clustered[0],
                    clustered[1]));
        }
        return out;
    }

    /** @return the number of dense clusters and the households in them */
    private int[] clustered(List<Coordinate> points, Coordinate centre) {
        List<Coordinate> metres = new ArrayList<>(points.size());
        for (Coordinate c : points) {
            metres.add(projection.toMetres(c));
        }
        double link = settings.clusterDistanceM() * projection.scaleFactor(centre);
        int clusters = 0;
        int households = 0;
        for (int size : HouseholdClusters.sizes(metres, link)) {
            if (size >= settings.minClusterHouseholds()) {
                clusters++;
                households += size;
            }
        }
        return new int[] {clusters, households};
    }

    /** @return population × per-capita flow in m³/d, computed in litres first so whole figures stay exact */
    static double flowM3d(long population, SewageSettings settings) {
        return population * settings.perCapitaFlowLpd() / 1000;
    }

    private static Coordinate centre(List<Coordinate> points) {
        double x = 0;
        double y = 0;
        for (Coordinate c : points) {
            x += c.x;
            y += c.y;
        }
        return new Coordinate(x / points.size(), y / points.size());
    }
}
