package cn.yiyang.planning.geo.network;

import org.locationtech.jts.geom.Coordinate;
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
public record RoadEdge(int index, String roadId, int from, int to, LineString metres, double length) {

    /**
     * The point of the edge nearest a point: on each segment the projection of the point clamped to the segment, the
     * nearest of those kept. Squared distances are compared and one square root taken, as PostGIS measures
     * ({@code Math.hypot}, which JTS's distances call, is a software routine: 7 % of a cold road-access run's CPU
     * samples).
     *
     * @param distance planar distance from the point, metres
     * @param along the nearest point's distance from the edge's start, along it, metres (at most its length)
     * @param x the nearest point's easting, metres
     * @param y the nearest point's northing, metres
     */
    public record Nearest(double distance, double along, double x, double y) {}

    /**
     * @param p a point in the network's projected metres
     * @return the point of this edge nearest it
     */
    public Nearest nearest(Coordinate p) {
        Coordinate[] c = metres.getCoordinates();
        double best2 = Double.POSITIVE_INFINITY;
        double bestAlong = 0;
        double bx = c[0].x;
        double by = c[0].y;
        double acc = 0;
        for (int i = 0; i + 1 < c.length; i++) {
            double dx = c[i + 1].x - c[i].x;
            double dy = c[i + 1].y - c[i].y;
            double len2 = dx * dx + dy * dy;
            double t = clamped(p, c[i], dx, dy, len2);
            double qx = c[i].x + t * dx;
            double qy = c[i].y + t * dy;
            double d2 = (p.x - qx) * (p.x - qx) + (p.y - qy) * (p.y - qy);
            double len = Math.sqrt(len2);
            if (d2 < best2) {
                best2 = d2;
                bestAlong = acc + t * len;
                bx = qx;
                by = qy;
            }
            acc += len;
        }
        return new Nearest(Math.sqrt(best2), Math.min(bestAlong, length), bx, by);
    }

    /**
     * @param p a point in the network's projected metres
     * @return its distance to this edge, metres: {@link #nearest}'s, without the rest
     */
    public double distanceTo(Coordinate p) {
        Coordinate[] c = metres.getCoordinates();
        double best2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < c.length; i++) {
            double dx = c[i + 1].x - c[i].x;
            double dy = c[i + 1].y - c[i].y;
            double t = clamped(p, c[i], dx, dy, dx * dx + dy * dy);
            double ex = p.x - (c[i].x + t * dx);
            double ey = p.y - (c[i].y + t * dy);
            best2 = Math.min(best2, ex * ex + ey * ey);
        }
        return Math.sqrt(best2);
    }

    /** Where the projection of {@code p} falls on the segment from {@code a} by (dx, dy), 0 to 1. */
    private static double clamped(Coordinate p, Coordinate a, double dx, double dy, double len2) {
        double t = len2 == 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
        return Math.max(0, Math.min(1, t));
    }
}
