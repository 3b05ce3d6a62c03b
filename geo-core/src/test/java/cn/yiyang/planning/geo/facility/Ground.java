package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.crs.GaussKrugerZone;
import cn.yiyang.planning.geo.measure.LocalProjection;
import cn.yiyang.planning.geo.network.RoadNetwork;
import cn.yiyang.planning.geo.network.RoadSegment;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Fixtures drawn in round metres of EPSG:4546 east and north of 111°E 28.5°N, on zone 37's central meridian, where
 * the scale factor is 1 to within 4e-7 over the few kilometres a fixture spans (so projected and ground metres
 * agree to a millimetre), handed to the code in lon/lat.
 */
final class Ground {

    static final LocalProjection LOCAL = new LocalProjection(new GaussKrugerZone(37));
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Coordinate ORIGIN;

    static {
        Coordinate o = LOCAL.toMetres(new Coordinate(111.0, 28.5));
        ORIGIN = new Coordinate(Math.round(o.x), Math.round(o.y));
    }

    private Ground() {}

    /** @return the point {@code (x, y)} metres east and north of the origin, in lon/lat */
    static Coordinate lonLat(double x, double y) {
        return LOCAL.toLonLat(new Coordinate(ORIGIN.x + x, ORIGIN.y + y));
    }

    /** @return a lon/lat point's metres east and north of the origin */
    static Coordinate local(Coordinate lonLat) {
        Coordinate m = LOCAL.toMetres(lonLat);
        return new Coordinate(m.x - ORIGIN.x, m.y - ORIGIN.y);
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

    /** @return the network of the roads in zone 37 with a 1 m snap */
    static RoadNetwork network(RoadSegment... roads) {
        return RoadNetwork.build(List.of(roads), LOCAL, RoadNetwork.DEFAULT_SNAP_TOLERANCE);
    }

    /** @return the rectangle between two corners, metres from the origin, in lon/lat */
    static Geometry box(double x0, double y0, double x1, double y1) {
        Coordinate a = lonLat(x0, y0);
        Coordinate b = lonLat(x1, y0);
        Coordinate c = lonLat(x1, y1);
        Coordinate d = lonLat(x0, y1);
        Geometry g = GF.createPolygon(new Coordinate[] {a, b, c, d, a.copy()});
        g.setSRID(4490);
        return g;
    }

    /** @return a household of the village at {@code (x, y)} metres from the origin */
    static Household household(String code, String village, int population, double x, double y) {
        return new Household(code, village, population, false, null, lonLat(x, y));
    }
}
