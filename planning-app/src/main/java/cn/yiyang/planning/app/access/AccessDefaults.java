package cn.yiyang.planning.app.access;

import cn.yiyang.planning.geo.access.AccessSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The default thresholds of road-access runs, from the {@code planning.road-access.*} properties (environment
 * variables {@code PLANNING_ROAD_ACCESS_HOUSEHOLD_SERVED_M} …); unset properties take the plan's values.
 */
@Component
class AccessDefaults {

    private final AccessSettings settings;

    AccessDefaults(
            @Value("${planning.road-access.household-served-m:50}") double householdServedM,
            @Value("${planning.road-access.large-village-households:30}") int largeVillageHouseholds,
            @Value("${planning.road-access.large-village-connected-m:100}") double largeVillageConnectedM,
            @Value("${planning.road-access.township-seat-m:100}") double townshipSeatM,
            @Value("${planning.road-access.bus-stop-m:1000}") double busStopM,
            @Value("${planning.road-access.bus-route-m:200}") double busRouteM,
            @Value("${planning.road-access.rural-access-m:2000}") double ruralAccessM,
            @Value("${planning.road-access.snap-tolerance-m:1}") double snapToleranceM,
            @Value("${planning.road-access.cluster-m:100}") double clusterM,
            @Value("${planning.road-access.all-season-counts:true}") boolean allSeasonCountsAsNetwork) {
        this.settings = new AccessSettings(
                householdServedM,
                largeVillageHouseholds,
                largeVillageConnectedM,
                townshipSeatM,
                busStopM,
                busRouteM,
                ruralAccessM,
                snapToleranceM,
                clusterM,
                allSeasonCountsAsNetwork);
    }

    AccessSettings settings() {
        return settings;
    }
}
