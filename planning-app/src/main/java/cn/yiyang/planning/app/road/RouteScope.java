package cn.yiyang.planning.app.road;

import java.util.List;
import java.util.Objects;

/**
 * How an inspection that names a route (路线编码) instead of a segment reached a segment's entry: the route, the stake
 * or stake range the row gave, and the segments it applied to. See {@link RoadRegisterService} for the rule.
 *
 * @param routeCode     the route the inspection named
 * @param stake         the stake or stake range as the row gave it ({@code K1+500}, {@code K1+000–K2+000}), or null
 * @param segments      the codes of the segments it applied to, in route order
 * @param routeSegments how many segments the route has
 * @param placed        false when the row gave a stake that picks no segment (no segment of the route has a start
 *                      stake, the stake is not one, or no segment covers it): it applied to every segment then
 */
public record RouteScope(String routeCode, String stake, List<String> segments, int routeSegments, boolean placed) {

    public RouteScope {
        Objects.requireNonNull(routeCode, "routeCode");
        segments = List.copyOf(segments);
    }

    /** Whether it applied to every segment of the route. */
    public boolean wholeRoute() {
        return segments.size() == routeSegments;
    }
}
