package cn.yiyang.planning.geo.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.locationtech.jts.geom.Coordinate;

/**
 * What a road-access analysis found. Distances are ground metres (projected distances divided by the point scale
 * factor of the Gauss-Kruger zone); {@code NaN} means "no network" (or, for a network distance, no road path).
 *
 * @param settings the thresholds used
 * @param network the network's size, fragments and impassable roads
 * @param households one entry per input household, in input order
 * @param naturalVillages one entry per natural village, in input order
 * @param villages one entry per administrative village, in input order
 * @param townships one entry per township, in input order
 * @param roadStatus each road's part in the network, by road id
 * @param fragments isolated hardened fragments (data problems: they serve nobody), longest first
 * @param gaps unserved large natural villages and household clusters, most people per km of road first
 * @param indicators every indicator of every unit and group
 * @param problems data that could not be placed (a household without a known village, a township without a seat…)
 */
public record AccessResult(
        AccessSettings settings,
        NetworkSummary network,
        List<HouseholdAccess> households,
        List<NaturalVillageAccess> naturalVillages,
        List<VillageAccess> villages,
        List<TownshipAccess> townships,
        Map<String, RoadStatus> roadStatus,
        List<Fragment> fragments,
        List<Gap> gaps,
        List<UnitIndicator> indicators,
        List<DataProblem> problems) {

    /**
     * @param indicator an indicator
     * @param level a level
     * @param code a unit code
     * @param group a group
     * @return its value record, if the unit has it
     */
    public Optional<UnitIndicator> indicator(AccessIndicator indicator, UnitLevel level, String code, UnitGroup group) {
        return indicators.stream()
                .filter(i -> i.indicator() == indicator
                        && i.level() == level
                        && i.code().equals(code)
                        && i.group() == group)
                .findFirst();
    }

    /**
     * @param nodes network nodes (all passable roads)
     * @param edges network edges (all passable roads)
     * @param networkKm length of the connected network, km
     * @param fragmentKm length of the isolated hardened fragments, km
     * @param impassableRoads roads left out because the register holds them impassable
     */
    public record NetworkSummary(int nodes, int edges, double networkKm, double fragmentKm, int impassableRoads) {}

    /** A road's part in the network. */
    public enum RoadStatus {
        /** Hardened (or all-season) and connected to the county network. */
        NETWORK,
        /** Hardened but connected to nothing that reaches the county network. */
        FRAGMENT,
        /** Neither hardened nor all-season. */
        UNHARDENED,
        /** Held impassable by the 通返不通 register. */
        IMPASSABLE
    }

    /**
     * @param code household code
     * @param served within the served distance of the network
     * @param distanceM straight-line distance to the network
     * @param networkDistanceM from the household to its nearest road, then along the roads to the network
     * @param networkServed {@code networkDistanceM} within the served distance
     * @param withinRuralAccess within the Rural Access Index distance of an all-season road
     * @param nearestNetwork the nearest network point, lon/lat; null without network
     */
    public record HouseholdAccess(
            String code,
            boolean served,
            double distanceM,
            double networkDistanceM,
            boolean networkServed,
            boolean withinRuralAccess,
            Coordinate nearestNetwork) {}

    /**
     * @param code natural village code
     * @param households its households (recorded, or counted)
     * @param population its population (recorded, or counted)
     * @param large it has at least the large-village number of households
     * @param connected within the connected distance of the network
     * @param distanceM straight-line distance to the network
     * @param networkDistanceM distance along the roads, as for households
     * @param nearestNetwork the nearest network point, lon/lat
     */
    public record NaturalVillageAccess(
            String code,
            int households,
            int population,
            boolean large,
            boolean connected,
            double distanceM,
            double networkDistanceM,
            Coordinate nearestNetwork) {}

    /**
     * @param code village code
     * @param centre the population centre of its natural villages (or its households, or its given centre)
     * @param busServed a bus stop or a bus route close enough
     * @param busStopDistanceM distance from the centre to the nearest bus stop
     * @param busRouteDistanceM distance from the centre to the nearest bus-route road
     */
    public record VillageAccess(
            String code, Coordinate centre, boolean busServed, double busStopDistanceM, double busRouteDistanceM) {}

    /**
     * @param code township code
     * @param class3Served its seat is close enough to a network road of grade 三级 or better
     * @param distanceM distance from the seat to the nearest such road
     */
    public record TownshipAccess(String code, boolean class3Served, double distanceM) {}

    /**
     * An isolated hardened fragment.
     *
     * @param roadIds the roads in it
     * @param lengthM its length
     * @param lonLat a point on it
     */
    public record Fragment(SortedSet<String> roadIds, double lengthM, Coordinate lonLat) {}

    /** What a gap is. */
    public enum GapKind {
        /** A large natural village not connected to the network. */
        NATURAL_VILLAGE,
        /** Unserved households within the cluster distance of each other. */
        HOUSEHOLD_CLUSTER
    }

    /**
     * A place where a short road would help: people not reached, and the straight-line road length (a lower bound)
     * from the network to within the threshold distance of them.
     *
     * @param rank 1 = most people per km of road to build
     * @param kind natural village or household cluster
     * @param naturalVillageCode the natural village (for clusters, the one most of its households belong to)
     * @param villageCode the administrative village
     * @param townshipCode its township
     * @param countyCode its county
     * @param households households not reached
     * @param population people not reached
     * @param distanceM straight-line distance from the closest of them to the network
     * @param networkDistanceM the smallest distance along the roads
     * @param roadKm road to build: distance minus the threshold, km (at least 0)
     * @param peoplePerKm population / roadKm, with roadKm counted as at least 0.05 km
     * @param lonLat the gap's centre (the natural village, or the mean of the cluster's households)
     * @param nearestNetwork the nearest network point
     * @param memberCodes the households of a cluster, or the natural village's code
     */
    public record Gap(
            int rank,
            GapKind kind,
            String naturalVillageCode,
            String villageCode,
            String townshipCode,
            String countyCode,
            int households,
            long population,
            double distanceM,
            double networkDistanceM,
            double roadKm,
            double peoplePerKm,
            Coordinate lonLat,
            Coordinate nearestNetwork,
            List<String> memberCodes) {}

    /**
     * A record the analysis could not place.
     *
     * @param kind what is wrong
     * @param subject the code of the record
     */
    public record DataProblem(ProblemKind kind, String subject) {}

    /** Kinds of {@link DataProblem}. */
    public enum ProblemKind {
        HOUSEHOLD_WITHOUT_VILLAGE,
        NATURAL_VILLAGE_WITHOUT_VILLAGE,
        VILLAGE_WITHOUT_TOWNSHIP,
        TOWNSHIP_WITHOUT_COUNTY,
        TOWNSHIP_WITHOUT_SEAT,
        VILLAGE_WITHOUT_CENTRE
    }
}
