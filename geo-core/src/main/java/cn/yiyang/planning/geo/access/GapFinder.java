package cn.yiyang.planning.geo.access;

import cn.yiyang.planning.geo.access.AccessInput.Household;
import cn.yiyang.planning.geo.access.AccessInput.NaturalVillage;
import cn.yiyang.planning.geo.access.AccessResult.Gap;
import cn.yiyang.planning.geo.access.AccessResult.GapKind;
import cn.yiyang.planning.geo.access.AccessResult.HouseholdAccess;
import cn.yiyang.planning.geo.access.AccessResult.NaturalVillageAccess;
import cn.yiyang.planning.geo.measure.LocalProjection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * The gap list: large natural villages not connected, and clusters of unserved households (single linkage: two
 * unserved households within the cluster distance are in one cluster), each with the straight-line road still to
 * build (its distance to the network minus the threshold, a lower bound) and the people it would reach per km.
 */
final class GapFinder {

    private final AccessInput in;
    private final AccessSettings settings;
    private final LocalProjection projection;
    private final Map<String, String> townshipOfVillage = new HashMap<>();
    private final Map<String, String> countyOfTownship = new HashMap<>();

    GapFinder(AccessInput in, AccessSettings settings, LocalProjection projection) {
        this.in = in;
        this.settings = settings;
        this.projection = projection;
        in.villages().forEach(v -> townshipOfVillage.put(v.code(), v.townshipCode()));
        in.townships().forEach(t -> countyOfTownship.put(t.code(), t.countyCode()));
    }

    List<Gap> gaps(List<HouseholdAccess> households, List<NaturalVillageAccess> naturalVillages) {
        List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i < naturalVillages.size(); i++) {
            NaturalVillageAccess a = naturalVillages.get(i);
            if (a.large() && !a.connected() && Double.isFinite(a.distanceM())) {
                NaturalVillage nv = in.naturalVillages().get(i);
                gaps.add(gap(
                        GapKind.NATURAL_VILLAGE,
                        nv.code(),
                        nv.villageCode(),
                        a.households(),
                        a.population(),
                        a.distanceM(),
                        a.networkDistanceM(),
                        settings.largeVillageConnectedM(),
                        nv.lonLat(),
                        a.nearestNetwork(),
                        List.of(nv.code())));
            }
        }
        gaps.addAll(householdClusters(households));
        gaps.sort(Comparator.comparingDouble(Gap::peoplePerKm)
                .reversed()
                .thenComparing(Comparator.comparingLong(Gap::population).reversed())
                .thenComparing(g -> g.memberCodes().get(0)));
        List<Gap> ranked = new ArrayList<>(gaps.size());
        for (int r = 0; r < gaps.size(); r++) {
            Gap g = gaps.get(r);
            ranked.add(new Gap(
                    r + 1,
                    g.kind(),
                    g.naturalVillageCode(),
                    g.villageCode(),
                    g.townshipCode(),
                    g.countyCode(),
                    g.households(),
                    g.population(),
                    g.distanceM(),
                    g.networkDistanceM(),
                    g.roadKm(),
                    g.peoplePerKm(),
                    g.lonLat(),
                    g.nearestNetwork(),
                    g.memberCodes()));
        }
        return List.copyOf(ranked);
    }

    private List<Gap> householdClusters(List<HouseholdAccess> households) {
        List<Integer> unserved = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            if (!households.get(i).served() && Double.isFinite(households.get(i).distanceM())) {
                unserved.add(i);
            }
        }
        int n = unserved.size();
        Coordinate[] metres = new Coordinate[n];
        double cell = settings.clusterM();
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int j = 0; j < n; j++) {
            metres[j] = projection.toMetres(in.households().get(unserved.get(j)).lonLat());
            grid.computeIfAbsent(
                            key(Math.floorDiv((long) metres[j].x, (long) cell), Math.floorDiv((long) metres[j].y, (long)
                                    cell)),
                            k -> new ArrayList<>())
                    .add(j);
        }
        UnionFind sets = new UnionFind(n);
        for (int j = 0; j < n; j++) {
            long cx = Math.floorDiv((long) metres[j].x, (long) cell);
            long cy = Math.floorDiv((long) metres[j].y, (long) cell);
            double limit = cell
                    * projection.scaleFactor(
                            in.households().get(unserved.get(j)).lonLat());
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    for (int other : grid.getOrDefault(key(cx + dx, cy + dy), List.of())) {
                        if (other > j && metres[j].distance(metres[other]) <= limit) {
                            sets.union(j, other);
                        }
                    }
                }
            }
        }
        Map<Integer, List<Integer>> clusters = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            clusters.computeIfAbsent(sets.find(j), k -> new ArrayList<>()).add(unserved.get(j));
        }
        List<Gap> out = new ArrayList<>();
        for (List<Integer> members : clusters.values()) {
            out.add(cluster(members, households));
        }
        return out;
    }

    private Gap cluster(List<Integer> members, List<HouseholdAccess> households) {
        long population = 0;
        double lon = 0;
        double lat = 0;
        int closest = members.get(0);
        double networkDistance = Double.NaN;
        Map<String, Integer> naturalVillages = new HashMap<>();
        Map<String, Integer> villages = new HashMap<>();
        List<String> codes = new ArrayList<>(members.size());
        for (int i : members) {
            Household h = in.households().get(i);
            HouseholdAccess a = households.get(i);
            population += Math.max(0, h.population());
            lon += h.lonLat().x;
            lat += h.lonLat().y;
            if (a.distanceM() < households.get(closest).distanceM()) {
                closest = i;
            }
            if (Double.isFinite(a.networkDistanceM()) && !(a.networkDistanceM() >= networkDistance)) {
                networkDistance = a.networkDistanceM();
            }
            if (h.naturalVillageCode() != null) {
                naturalVillages.merge(h.naturalVillageCode(), 1, Integer::sum);
            }
            if (h.villageCode() != null) {
                villages.merge(h.villageCode(), 1, Integer::sum);
            }
            codes.add(h.code());
        }
        codes.sort(null);
        HouseholdAccess near = households.get(closest);
        Coordinate centre = new Coordinate(lon / members.size(), lat / members.size());
        return gap(
                GapKind.HOUSEHOLD_CLUSTER,
                majority(naturalVillages),
                majority(villages),
                members.size(),
                population,
                near.distanceM(),
                networkDistance,
                settings.householdServedM(),
                centre,
                near.nearestNetwork(),
                codes);
    }

    private Gap gap(
            GapKind kind,
            String naturalVillageCode,
            String villageCode,
            int households,
            long population,
            double distanceM,
            double networkDistanceM,
            double threshold,
            Coordinate lonLat,
            Coordinate nearest,
            List<String> members) {
        String township = villageCode == null ? null : townshipOfVillage.get(villageCode);
        String county = township == null ? null : countyOfTownship.get(township);
        double roadKm = Math.max(0, distanceM - threshold) / 1000;
        double perKm = population / Math.max(roadKm, RoadAccessAnalysis.MIN_ROAD_KM);
        return new Gap(
                0,
                kind,
                naturalVillageCode,
                villageCode,
                township,
                county,
                households,
                population,
                distanceM,
                networkDistanceM,
                roadKm,
                perKm,
                lonLat,
                nearest,
                List.copyOf(members));
    }

    private static String majority(Map<String, Integer> counts) {
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) { // most members; the smaller code on a tie
            if (e.getValue() > most || e.getValue() == most && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    private static long key(long x, long y) {
        return x * 4_000_003L + y;
    }
}
