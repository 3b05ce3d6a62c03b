package cn.yiyang.planning.geo.facility;

/**
 * The thresholds of a sewage analysis. Every threshold is a setting; {@link #defaults()} holds the documented defaults
 * and the {@code MIN_}/{@code MAX_} constants each setting's allowed range (inclusive).
 *
 * @param perCapitaFlowLpd domestic sewage per person and day, litres. Default 80: GB/T 51347-2019
 *     《农村生活污水处理工程技术标准》 §4.1.2 takes rural sewage as 40 %–80 % of water use (the upper value where
 *     drainage is complete) and asks for a local survey first (§4.1.1); 80 L is 100 L/(人·d) of piped water with flush
 *     toilets at a discharge coefficient of 0.8. A facility's load is its served population times this; a village's
 *     flow is its untreated population times this.
 * @param connectDistanceM a village may connect to the town network (纳入城镇污水管网) when the centre of its
 *     untreated households lies within this ground distance of the network of an operating township plant (the
 *     plant, its collection areas and its sewers) with spare capacity for the village's flow. Default 3 km
 * @param clusterDistanceM untreated households within this ground distance of each other are one cluster (single
 *     linkage). Default 100 m
 * @param minClusterHouseholds a cluster with at least this many households is dense enough for a centralised
 *     village facility. Default 30 (the plan's 较大人口规模自然村 threshold)
 * @param clusteredShare a village gets a centralised facility (村级集中处理) when at least this share of its untreated
 *     households lie in dense clusters; otherwise single- or multi-household units (单户或联户处理). Default 0.6
 * @param treatedVillageShare a village is listed as untreated, with a recommended mode, when fewer than this share of
 *     its households are treated. Default 0.5, so that a village whose one facility reaches a single hamlet is still
 *     listed; set it to its minimum to list only villages with (almost) no treated household
 * @param severeOverloadRatio a facility over capacity is a high-severity gap from this load / capacity on (medium
 *     below it). Default 1.2
 */
public record SewageSettings(
        double perCapitaFlowLpd,
        double connectDistanceM,
        double clusterDistanceM,
        int minClusterHouseholds,
        double clusteredShare,
        double treatedVillageShare,
        double severeOverloadRatio) {

    /** Allowed range of {@link #perCapitaFlowLpd}, litres per person and day. */
    public static final double MIN_PER_CAPITA_FLOW_LPD = 10;

    /** Allowed range of {@link #perCapitaFlowLpd}, litres per person and day. */
    public static final double MAX_PER_CAPITA_FLOW_LPD = 300;

    /** Allowed range of {@link #connectDistanceM}, metres (0: only a village whose centre lies on a network). */
    public static final double MIN_CONNECT_DISTANCE_M = 0;

    /** Allowed range of {@link #connectDistanceM}, metres. */
    public static final double MAX_CONNECT_DISTANCE_M = 30_000;

    /** Allowed range of {@link #clusterDistanceM}, metres. */
    public static final double MIN_CLUSTER_DISTANCE_M = 5;

    /** Allowed range of {@link #clusterDistanceM}, metres. */
    public static final double MAX_CLUSTER_DISTANCE_M = 1_000;

    /** Allowed range of {@link #minClusterHouseholds}. */
    public static final int MIN_CLUSTER_HOUSEHOLDS = 2;

    /** Allowed range of {@link #minClusterHouseholds}. */
    public static final int MAX_CLUSTER_HOUSEHOLDS = 1_000;

    /** Allowed range of {@link #clusteredShare} and {@link #treatedVillageShare}. */
    public static final double MIN_SHARE = 0.01;

    /** Allowed range of {@link #clusteredShare} and {@link #treatedVillageShare}. */
    public static final double MAX_SHARE = 1;

    /** Allowed range of {@link #severeOverloadRatio}. */
    public static final double MIN_OVERLOAD_RATIO = 1;

    /** Allowed range of {@link #severeOverloadRatio}. */
    public static final double MAX_OVERLOAD_RATIO = 10;

    public SewageSettings {
        range("perCapitaFlowLpd", perCapitaFlowLpd, MIN_PER_CAPITA_FLOW_LPD, MAX_PER_CAPITA_FLOW_LPD);
        range("connectDistanceM", connectDistanceM, MIN_CONNECT_DISTANCE_M, MAX_CONNECT_DISTANCE_M);
        range("clusterDistanceM", clusterDistanceM, MIN_CLUSTER_DISTANCE_M, MAX_CLUSTER_DISTANCE_M);
        range("minClusterHouseholds", minClusterHouseholds, MIN_CLUSTER_HOUSEHOLDS, MAX_CLUSTER_HOUSEHOLDS);
        range("clusteredShare", clusteredShare, MIN_SHARE, MAX_SHARE);
        range("treatedVillageShare", treatedVillageShare, MIN_SHARE, MAX_SHARE);
        range("severeOverloadRatio", severeOverloadRatio, MIN_OVERLOAD_RATIO, MAX_OVERLOAD_RATIO);
    }

    /** @return 80 L/(person·day), 3 km, 100 m, 30 households, 0.6, 0.5, 1.2 */
    public static SewageSettings defaults() {
        return new SewageSettings(80, 3_000, 100, 30, 0.6, 0.5, 1.2);
    }

    /** @return the sewage of one person in m³ per day */
    public double perCapitaFlowM3d() {
        return perCapitaFlowLpd / 1000;
    }

    private static void range(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
        }
    }
}
