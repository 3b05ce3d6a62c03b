package cn.yiyang.planning.geo.network;

import java.util.List;
import java.util.SortedSet;

/**
 * A connected component of a {@link RoadNetwork}.
 *
 * @param index the component's index, stable for one network
 * @param roadIds the ids of the roads with at least one piece in the component, sorted
 * @param edges the indexes of its edges in {@link RoadNetwork#edges()}, ascending
 * @param length the total length of its edges, metres
 */
public record NetworkComponent(int index, SortedSet<String> roadIds, List<Integer> edges, double length) {

    /** Copies the collections. */
    public NetworkComponent {
        roadIds = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(roadIds));
        edges = List.copyOf(edges);
    }
}
