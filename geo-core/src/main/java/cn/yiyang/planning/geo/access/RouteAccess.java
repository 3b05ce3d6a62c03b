package cn.yiyang.planning.geo.access;

import cn.yiyang.planning.geo.access.AccessResult.RoadStatus;
import cn.yiyang.planning.geo.measure.GeodesicDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Road access per route (路线编码, shared by the segments of a route) from the roads as the analysis decided them
 * ({@link AccessInput.Road}: hardened) and the part each segment plays in the network ({@link RoadStatus}): for each
 * route its ground length, hardened length, length connected to the county network ({@link RoadStatus#NETWORK}) and
 * the segments that are not. A sum per route of what the analysis decided per segment, never a second rule.
 */
public final class RouteAccess {

    private RouteAccess() {}

    /**
     * A segment of a route that is not part of the connected network.
     *
     * @param id     the segment's code
     * @param status its part: {@link RoadStatus#FRAGMENT}, {@link RoadStatus#UNHARDENED}, {@link RoadStatus#IMPASSABLE},
     *               or null when the analysis did not see it (a segment stored after the run)
     */
    public record Unconnected(String id, RoadStatus status) {}

    /**
     * One route.
     *
     * @param routeCode        the route
     * @param segments         its segments
     * @param lengthM          their ground length, metres
     * @param hardenedLengthM  the length of its hardened segments
     * @param connectedLengthM the length of its segments connected to the county network
     * @param notConnected     its segments not connected, by code
     */
    public record Route(
            String routeCode,
            int segments,
            double lengthM,
            double hardenedLengthM,
            double connectedLengthM,
            List<Unconnected> notConnected) {

        public Route {
            Objects.requireNonNull(routeCode, "routeCode");
            notConnected = List.copyOf(notConnected);
        }
    }

    /**
     * The routes of the roads that have a route code, by route code.
     *
     * @param roads   the roads as the analysis read them
     * @param routeOf a road's route code by its id, or null for a road without one (left out)
     * @param status  each road's part in the network by id ({@link AccessResult#roadStatus()})
     */
    public static List<Route> of(
            Collection<AccessInput.Road> roads, Function<String, String> routeOf, Map<String, RoadStatus> status) {
        Map<String, List<AccessInput.Road>> byRoute = new TreeMap<>();
        for (AccessInput.Road r : roads) {
            String route = routeOf.apply(r.id());
            if (route != null) {
                byRoute.computeIfAbsent(route, k -> new ArrayList<>()).add(r);
            }
        }
        List<Route> out = new ArrayList<>(byRoute.size());
        byRoute.forEach((route, segments) -> {
            double length = 0;
            double hardened = 0;
            double connected = 0;
            List<Unconnected> notConnected = new ArrayList<>();
            for (AccessInput.Road r : segments) {
                double m = GeodesicDistance.CGCS2000.length(r.lonLat());
                length += m;
                hardened += r.hardened() ? m : 0;
                RoadStatus s = status.get(r.id());
                if (s == RoadStatus.NETWORK) {
                    connected += m;
                } else {
                    notConnected.add(new Unconnected(r.id(), s));
                }
            }
            notConnected.sort((a, b) -> a.id().compareTo(b.id()));
            out.add(new Route(route, segments.size(), length, hardened, connected, notConnected));
        });
        return out;
    }
}
