package cn.yiyang.planning.geo.facility;

/**
 * The settings of a cold-chain and courier analysis, in ground metres. {@link #defaults()} holds the plan's rules:
 * a courier point counts for the village it lies in only, a village outlet should reach its households within 2 km
 * along roads and a township centre its township's within 5 km.
 *
 * @param courierDistanceM a village also has courier service (通物流快递) when a courier point lies within this
 *     distance along roads of the village's centre; 0 (the default) for points inside the village only. 0 to {@link
 *     #MAX_COURIER_DISTANCE_M}
 * @param outletTravelM the travel distance along roads a suggested village outlet (and a suggested courier point when
 *     {@code courierDistanceM} is 0) is scored with; {@link SiteSuggestion#MIN_TRAVEL_M} to {@link
 *     SiteSuggestion#MAX_TRAVEL_M}
 * @param centreTravelM the travel distance a suggested township centre is scored with; same range
 * @param suggestedSites how many alternative sites to suggest per gap, 0 (none) to {@link SiteSuggestion#MAX_SITES}
 * @param siteSeparationM alternatives lie at least this far apart, straight ground metres; 0 to {@link
 *     SiteSuggestion#MAX_SEPARATION_M}
 */
public record LogisticsSettings(
        double courierDistanceM,
        double outletTravelM,
        double centreTravelM,
        int suggestedSites,
        double siteSeparationM) {

    /** The longest courier distance along roads, metres. */
    public static final double MAX_COURIER_DISTANCE_M = 20_000;

    /** @throws IllegalArgumentException when a value is out of its range */
    public LogisticsSettings {
        if (!(courierDistanceM >= 0 && courierDistanceM <= MAX_COURIER_DISTANCE_M)) {
            throw new IllegalArgumentException(
                    "courierDistanceM out of 0.." + MAX_COURIER_DISTANCE_M + ": " + courierDistanceM);
        }
        travel("outletTravelM", outletTravelM);
        travel("centreTravelM", centreTravelM);
        if (suggestedSites < 0 || suggestedSites > SiteSuggestion.MAX_SITES) {
            throw new IllegalArgumentException(
                    "suggestedSites out of 0.." + SiteSuggestion.MAX_SITES + ": " + suggestedSites);
        }
        if (!(siteSeparationM >= 0 && siteSeparationM <= SiteSuggestion.MAX_SEPARATION_M)) {
            throw new IllegalArgumentException(
                    "siteSeparationM out of 0.." + SiteSuggestion.MAX_SEPARATION_M + ": " + siteSeparationM);
        }
    }

    /** @return courier points inside the village only; outlets 2 km, centres 5 km; 3 sites 1 km apart */
    public static LogisticsSettings defaults() {
        return new LogisticsSettings(0, 2_000, 5_000, 3, 1_000);
    }

    /** @return the travel distance suggested courier points are scored with: the courier distance, else 2 km */
    public double courierTravelM() {
        return courierDistanceM >= SiteSuggestion.MIN_TRAVEL_M ? courierDistanceM : outletTravelM;
    }

    private static void travel(String name, double value) {
        if (!(value >= SiteSuggestion.MIN_TRAVEL_M && value <= SiteSuggestion.MAX_TRAVEL_M)) {
            throw new IllegalArgumentException(name + " out of " + SiteSuggestion.MIN_TRAVEL_M + ".."
                    + SiteSuggestion.MAX_TRAVEL_M + ": " + value);
        }
    }
}
