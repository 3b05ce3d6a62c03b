package cn.yiyang.planning.app.road;

/**
 * The register of one route (路线编码) over the entries listed.
 *
 * @param routeCode       the route
 * @param segments        how many segments the road layer holds of it
 * @param lengthM         their ground length in metres
 * @param entries         the entries of its segments listed
 * @param openEntries     of those, the open ones
 * @param segmentsOpen    its segments impassable by the entries listed (their latest entry is open)
 * @param lengthAffectedM the ground length of those segments in metres
 */
public record RouteSummary(
        String routeCode,
        int segments,
        double lengthM,
        int entries,
        int openEntries,
        int segmentsOpen,
        double lengthAffectedM) {}
