package cn.yiyang.planning.app.access;

/**
 * One entry of the gap list, as the pages show it.
 *
 * @param rank 1 = most people per km of road to build
 * @param code the gap's code (G00001 …)
 * @param kind natural_village or household_cluster
 * @param name the village and natural village it lies in
 * @param countyCode its county
 * @param townshipCode its township
 * @param households households not reached
 * @param population people not reached
 * @param distanceM straight-line distance to the network, m
 * @param networkDistanceM distance along the roads, m; null when no road leads to the network
 * @param roadKm road to build, km
 * @param peoplePerKm people reached per km of road to build
 * @param lon the gap's longitude (CGCS2000)
 * @param lat its latitude
 * @param nearestLon the nearest network point's longitude, or null
 * @param nearestLat its latitude, or null
 */
public record GapRow(
        int rank,
        String code,
        String kind,
        String name,
        String countyCode,
        String townshipCode,
        int households,
        long population,
        Double distanceM,
        Double networkDistanceM,
        Double roadKm,
        Double peoplePerKm,
        double lon,
        double lat,
        Double nearestLon,
        Double nearestLat) {}
