package cn.yiyang.planning.geo.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The indicators a road-access analysis produces. Their {@link #id() ids} are stable: the REST API, stored runs
 * and dashboards use them.
 *
 * <table>
 *   <caption>Indicators</caption>
 *   <tr><th>id</th><th>numerator / denominator</th></tr>
 *   <tr><td>household_road_access_rate</td><td>households within the served distance (50 m) of the network /
 *       households</td></tr>
 *   <tr><td>household_road_access_population_rate</td><td>the same by household members</td></tr>
 *   <tr><td>household_network_access_rate</td><td>households whose distance along the roads to the network (from
 *       their nearest road) is within the served distance / households: the stricter, river-aware measure</td></tr>
 *   <tr><td>large_natural_village_hardened_road_rate</td><td>large natural villages (30+ households) within 100 m
 *       of the network / large natural villages</td></tr>
 *   <tr><td>township_class3_road_rate</td><td>townships whose seat is within 100 m of a network road of grade 三级
 *       or better / townships (county level and up)</td></tr>
 *   <tr><td>village_bus_service_rate</td><td>rural administrative villages with a bus stop within 1 km or a bus
 *       route within 200 m of their population centre / rural administrative villages</td></tr>
 *   <tr><td>rural_access_index</td><td>rural population within 2 km of an all-season road / rural population
 *       (SDG 9.1.1)</td></tr>
 * </table>
 *
 * <p>Every indicator is counted per natural village, administrative village, township, county and city, except that
 * the township indicator starts at the township level and the bus indicator stops at the village level.
 */
public enum AccessIndicator implements Indicator {
    HOUSEHOLD_ROAD_ACCESS_RATE("household_road_access_rate", Tally.HOUSEHOLDS_SERVED, Tally.HOUSEHOLDS, false),
    HOUSEHOLD_ROAD_ACCESS_POPULATION_RATE(
            "household_road_access_population_rate", Tally.POPULATION_SERVED, Tally.POPULATION, false),
    HOUSEHOLD_NETWORK_ACCESS_RATE(
            "household_network_access_rate", Tally.HOUSEHOLDS_NETWORK_SERVED, Tally.HOUSEHOLDS, false),
    LARGE_NATURAL_VILLAGE_HARDENED_ROAD_RATE(
            "large_natural_village_hardened_road_rate", Tally.LARGE_VILLAGES_CONNECTED, Tally.LARGE_VILLAGES, false),
    TOWNSHIP_CLASS3_ROAD_RATE("township_class3_road_rate", Tally.TOWNSHIPS_CLASS3, Tally.TOWNSHIPS, true),
    VILLAGE_BUS_SERVICE_RATE("village_bus_service_rate", Tally.VILLAGES_BUS, Tally.VILLAGES, false),
    RURAL_ACCESS_INDEX("rural_access_index", Tally.RURAL_POPULATION_WITHIN, Tally.RURAL_POPULATION, false);

    private final String id;
    private final int numerator;
    private final int denominator;
    private final boolean townshipsAndUp;

    AccessIndicator(String id, int numerator, int denominator, boolean townshipsAndUp) {
        this.id = id;
        this.numerator = numerator;
        this.denominator = denominator;
        this.townshipsAndUp = townshipsAndUp;
    }

    /** @return the stable id, snake case */
    @Override
    public String id() {
        return id;
    }

    /**
     * @param id a stable id
     * @return the indicator with that id
     */
    public static Optional<AccessIndicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }

    boolean appliesTo(UnitLevel level, UnitGroup group) {
        if (level == UnitLevel.NATURAL_VILLAGE) {
            return this != TOWNSHIP_CLASS3_ROAD_RATE && this != VILLAGE_BUS_SERVICE_RATE;
        }
        return !townshipsAndUp || level != UnitLevel.VILLAGE && group == UnitGroup.ALL;
    }

    long numerator(Tally t) {
        return t.get(numerator);
    }

    long denominator(Tally t) {
        return t.get(denominator);
    }
}
