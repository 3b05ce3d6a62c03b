package cn.yiyang.planning.app.access;

import cn.yiyang.planning.geo.access.AccessSettings;

/**
 * The settings of a run as the API and the page take them: every member optional, defaults from
 * {@link AccessSettings#defaults()} (or the application's {@code planning.road-access.*} properties).
 */
public record AccessSettingsForm(
        Double householdServedM,
        Integer largeVillageHouseholds,
        Double largeVillageConnectedM,
        Double townshipSeatM,
        Double busStopM,
        Double busRouteM,
        Double ruralAccessM,
        Double snapToleranceM,
        Double clusterM,
        Boolean allSeasonCountsAsNetwork) {

    /** The form with every member taken from these settings. */
    public static AccessSettingsForm of(AccessSettings s) {
        return new AccessSettingsForm(
                s.householdServedM(),
                s.largeVillageHouseholds(),
                s.largeVillageConnectedM(),
                s.townshipSeatM(),
                s.busStopM(),
                s.busRouteM(),
                s.ruralAccessM(),
                s.snapToleranceM(),
                s.clusterM(),
                s.allSeasonCountsAsNetwork());
    }

    /**
     * @param defaults the values of members left out
     * @return the settings
     * @throws BadAccessSettingsException naming the first bad member
     */
    public AccessSettings resolve(AccessSettings defaults) {
        check("householdServedM", householdServedM, 1, 1_000);
        check(
                "largeVillageHouseholds",
                largeVillageHouseholds == null ? null : largeVillageHouseholds.doubleValue(),
                1,
                10_000);
        check("largeVillageConnectedM", largeVillageConnectedM, 1, 5_000);
        check("townshipSeatM", townshipSeatM, 1, 5_000);
        check("busStopM", busStopM, 1, 20_000);
        check("busRouteM", busRouteM, 1, 20_000);
        check("ruralAccessM", ruralAccessM, 1, 20_000);
        check("snapToleranceM", snapToleranceM, 0.01, 50);
        check("clusterM", clusterM, 1, 5_000);
        return new AccessSettings(
                or(householdServedM, defaults.householdServedM()),
                largeVillageHouseholds == null ? defaults.largeVillageHouseholds() : largeVillageHouseholds,
                or(largeVillageConnectedM, defaults.largeVillageConnectedM()),
                or(townshipSeatM, defaults.townshipSeatM()),
                or(busStopM, defaults.busStopM()),
                or(busRouteM, defaults.busRouteM()),
                or(ruralAccessM, defaults.ruralAccessM()),
                or(snapToleranceM, defaults.snapToleranceM()),
                or(clusterM, defaults.clusterM()),
                allSeasonCountsAsNetwork == null ? defaults.allSeasonCountsAsNetwork() : allSeasonCountsAsNetwork);
    }

    private static void check(String name, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            throw new BadAccessSettingsException(name, value, min, max);
        }
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
