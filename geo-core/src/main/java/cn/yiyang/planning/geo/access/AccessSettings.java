package cn.yiyang.planning.geo.access;

/**
 * The thresholds of a road-access analysis, in ground metres (and households). Every threshold is a setting;
 * {@link #defaults()} holds the values of the 2021-2025 plan and the World Bank's Rural Access Index.
 *
 * @param householdServedM a household is served (通户) within this distance of a network road
 * @param largeVillageHouseholds a natural village is large (较大人口规模自然村) from this many households on
 * @param largeVillageConnectedM a large natural village is connected (通硬化路) within this distance of the network
 * @param townshipSeatM a township seat is on a class-III road (通三级公路) within this distance of a network road of
 *     technical grade 三级 or better
 * @param busStopM an administrative village has bus service (通客车) with a bus stop within this distance of the
 *     population centre of its natural villages
 * @param busRouteM or with a bus-route road within this distance of that centre
 * @param ruralAccessM the Rural Access Index counts rural people within this straight-line distance of an
 *     all-season road (SDG 9.1.1: 2 km)
 * @param snapToleranceM road ends, crossings and vertices closer than this are one network node
 * @param clusterM unserved households closer than this to each other form one gap cluster
 * @param allSeasonCountsAsNetwork whether roads marked all-season join the network when not hardened
 */
public record AccessSettings(
        double householdServedM,
        int largeVillageHouseholds,
        double largeVillageConnectedM,
        double townshipSeatM,
        double busStopM,
        double busRouteM,
        double ruralAccessM,
        double snapToleranceM,
        double clusterM,
        boolean allSeasonCountsAsNetwork) {

    public AccessSettings {
        positive("householdServedM", householdServedM);
        positive("largeVillageConnectedM", largeVillageConnectedM);
        positive("townshipSeatM", townshipSeatM);
        positive("busStopM", busStopM);
        positive("busRouteM", busRouteM);
        positive("ruralAccessM", ruralAccessM);
        positive("snapToleranceM", snapToleranceM);
        positive("clusterM", clusterM);
        if (largeVillageHouseholds < 1) {
            throw new IllegalArgumentException("largeVillageHouseholds must be at least 1: " + largeVillageHouseholds);
        }
        if (snapToleranceM > 50) {
            throw new IllegalArgumentException(
                    "snapToleranceM above 50 m would join unrelated roads: " + snapToleranceM);
        }
    }

    /** @return 50 m, 30 households, 100 m, 100 m, 1 km, 200 m, 2 km, 1 m snap, 100 m clusters, all-season counts */
    public static AccessSettings defaults() {
        return new AccessSettings(50, 30, 100, 100, 1_000, 200, 2_000, 1, 100, true);
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number of metres: " + value);
        }
    }
}
