package cn.yiyang.planning.geo.network;

import cn.yiyang.planning.geo.crs.GaussKrugerZone;
import cn.yiyang.planning.geo.measure.LocalProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** Roads drawn in round metres of EPSG:4546 near 112.3°E 28.5°N, handed to the network in lon/lat. */
final class Fixtures {

    static final LocalProjection LOCAL = new LocalProjection(new GaussKrugerZone(37));
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Coordinate ORIGIN;

    static {
        Coordinate o = LOCAL.toMetres(new Coordinate(112.3, 28.5));
        ORIGIN = new Coordinate(Math.round(o.x), Math.round(o.y));
    }

    private Fixtures() {}

    /** @return the point {@code (x, y)} metres east and north of the origin, in lon/lat */
    static Coordinate lonLat(double x, double y) {
        return LOCAL.toLonLat(new Coordinate(ORIGIN.x + x, ORIGIN.y + y));
    }

    /** @return a road through the points {@code x0, y0, x1, y1, ...} metres from the origin, in lon/lat */
    static RoadSegment road(String id, double... xy) {
        Coordinate[] pts = new Coordinate[xy.length / 2];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = lonLat(xy[2 * i], xy[2 * i + 1]);
        }
        LineString line = GF.createLineString(pts);
        line.setSRID(4490);
        return new RoadSegment(id, line);
    }
}
