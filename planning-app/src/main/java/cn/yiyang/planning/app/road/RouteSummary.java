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
        double lengthAffectedM) {

    /** The same with the lengths to 0.1 m, as the API gives them. */
    public RouteSummary rounded() {
        return new RouteSummary(
                routeCode,
                segments,
                Math.round(lengthM * 10) / 10.0,
                entries,
                openEntries,
                segmentsOpen,
                Math.round(lengthAffectedM * 10) / 10.0);
    }
}
