package cn.yiyang.planning.app.road;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The road layer's segments by route (路线编码), in route order (start stake, then segment number, then code), and
 * which of them an inspection naming a route applies to.
 *
 * <p>A segment covers the stakes from its start stake up to the next segment's start stake (excluded); the last
 * segment covers every stake from its start on. A stake picks the segment covering it; a range picks every segment
 * that covers part of it. With no stake the inspection applies to every segment; so it does, marked not placed,
 * when the stake cannot pick (not a stake, a segment of the route without a start stake, before the first one).
 */
final class RoadRoutes {

    /**
     * One segment of a route.
     *
     * @param code      the segment's key
     * @param routeCode its route
     * @param seq       its number along the route, or null
     * @param startM    its start stake in metres, or null
     * @param lengthM   its ground length in metres
     */
    record Segment(String code, String routeCode, Integer seq, Double startM, double lengthM) {}

    private static final Comparator<Segment> ROUTE_ORDER = Comparator.comparing(
                    Segment::startM, Comparator.nullsLast(Comparator.<Double>naturalOrder()))
            .thenComparing(Segment::seq, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(Segment::code);

    private final Map<String, List<Segment>> byRoute = new LinkedHashMap<>();

    RoadRoutes(Collection<Segment> segments) {
        for (Segment s : segments) {
            byRoute.computeIfAbsent(s.routeCode(), k -> new ArrayList<>()).add(s);
        }
        byRoute.values().forEach(l -> l.sort(ROUTE_ORDER));
    }

    /** The route's segments in route order; empty for a route the layer does not hold. */
    List<Segment> segments(String routeCode) {
        return byRoute.getOrDefault(routeCode, List.of());
    }

    /** Whether the layer holds segments of this route. */
    boolean has(String routeCode) {
        return byRoute.containsKey(routeCode);
    }

    /**
     * The segments an inspection naming this route applies to.
     *
     * @param stakeFrom the row's stake (or the start of its range), or null
     * @param stakeTo   the end of its range, or null
     * @return the scope; null for a route the layer does not hold
     */
    RouteScope scope(String routeCode, String stakeFrom, String stakeTo) {
        List<Segment> all = byRoute.get(routeCode);
        if (all == null) {
            return null;
        }
        String from = blankToNull(stakeFrom);
        String to = blankToNull(stakeTo);
        if (from == null && to == null) {
            return new RouteScope(routeCode, null, codes(all), all.size(), true);
        }
        String asGiven = from == null || to == null || from.equals(to) ? (from == null ? to : from) : from + "–" + to;
        Double a = Stake.metres(from == null ? to : from);
        Double b = Stake.metres(to == null ? from : to);
        List<Segment> picked = a == null || b == null ? List.of() : covering(all, Math.min(a, b), Math.max(a, b));
        return picked.isEmpty()
                ? new RouteScope(routeCode, asGiven, codes(all), all.size(), false)
                : new RouteScope(routeCode, asGiven, codes(picked), all.size(), true);
    }

    private static List<Segment> covering(List<Segment> route, double a, double b) {
        if (route.stream().anyMatch(s -> s.startM() == null)) {
            return List.of();
        }
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < route.size(); i++) {
            double start = route.get(i).startM();
            double end = i + 1 < route.size() ? route.get(i + 1).startM() : Double.POSITIVE_INFINITY;
            boolean covers = a == b ? start <= a && a < end : start < b && end > a;
            if (covers) {
                out.add(route.get(i));
            }
        }
        return out;
    }

    private static List<String> codes(List<Segment> segments) {
        return segments.stream().map(Segment::code).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
