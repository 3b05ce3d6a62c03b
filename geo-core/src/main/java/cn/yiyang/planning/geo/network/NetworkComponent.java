package cn.yiyang.planning.geo.network;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

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
        roadIds = Collections.unmodifiableSortedSet(new TreeSet<>(roadIds));
        edges = List.copyOf(edges);
    }
}
