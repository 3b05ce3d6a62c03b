package cn.yiyang.planning.geo.network;

import org.locationtech.jts.geom.LineString;

/**
 * An edge of a {@link RoadNetwork}: a piece of one road between two nodes (junctions, ends or crossings).
 *
 * @param index the edge's index in {@link RoadNetwork#edges()}
 * @param roadId the id of the road the piece was cut from
 * @param from the index of the node at the start of {@code metres}
 * @param to the index of the node at its end
 * @param metres the piece in the network's projected metres
 * @param length its length in metres
 */
public record RoadEdge(int index, String roadId, int from, int to, LineString metres, double length) {}
