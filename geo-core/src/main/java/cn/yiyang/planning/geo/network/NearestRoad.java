package cn.yiyang.planning.geo.network;

import org.locationtech.jts.geom.Coordinate;

/**
 * The nearest point of a road network to a query point.
 *
 * @param edge the edge the nearest point lies on
 * @param distance the straight-line distance from the query point to it, metres (in the network's projection)
 * @param alongEdge the distance of the nearest point from the start of the edge, metres
 * @param lonLat the nearest point, CGCS2000 lon/lat
 * @param metres the nearest point in the network's projected metres
 */
public record NearestRoad(RoadEdge edge, double distance, double alongEdge, Coordinate lonLat, Coordinate metres) {

    /** Copies the coordinates. */
    public NearestRoad {
        lonLat = lonLat.copy();
        metres = metres.copy();
    }

    /** @return the id of the road the nearest point lies on */
    public String roadId() {
        return edge.roadId();
    }

    @Override
    public Coordinate lonLat() {
        return lonLat.copy();
    }

    @Override
    public Coordinate metres() {
        return metres.copy();
    }
}
