package cn.yiyang.planning.importer.mapping;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the segments of each route in file order, for a road file that gives a route code (路线编码) shared by
 * several segments but neither a segment code, nor a segment number, nor a start stake: the n-th row of route
 * X001430923 becomes segment {@code n}, so that the key {@link Derivations} makes ({@code X001430923-n}) is unique in
 * the file and the same when the same file is imported again. One per pass over a file; not thread-safe.
 */
public final class RouteSegments {

    private final Map<String, Integer> seen = new HashMap<>();

    /**
     * Gives the row its number along its route, in place, when the row has a route code and nothing else that names
     * the segment.
     *
     * @return whether it did
     */
    public boolean number(Map<String, Object> attributes) {
        if (!(attributes.get("route_code") instanceof String route)
                || route.isBlank()
                || attributes.get("code") != null
                || attributes.get("segment_seq") != null
                || attributes.get("start_stake") != null) {
            return false;
        }
        attributes.put("segment_seq", seen.merge(route.strip(), 1, Integer::sum));
        return true;
    }
}
