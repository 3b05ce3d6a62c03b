package cn.yiyang.planning.geo.network;

import java.util.List;
import java.util.Set;

/**
 * The split of a {@link RoadNetwork} by {@link RoadNetwork#reachable(Set)}: the components connected to a seed
 * road (the network proper) and the isolated fragments.
 *
 * @param seeds the seed road ids asked for
 * @param network the components containing at least one seed road
 * @param fragments the components containing none, longest first
 */
public record Reachability(Set<String> seeds, List<NetworkComponent> network, List<NetworkComponent> fragments) {

    /** Copies the collections. */
    public Reachability {
        seeds = Set.copyOf(seeds);
        network = List.copyOf(network);
        fragments = List.copyOf(fragments);
    }

    /** @return the total length of the reachable network, metres */
    public double networkLength() {
        return network.stream().mapToDouble(NetworkComponent::length).sum();
    }
}
