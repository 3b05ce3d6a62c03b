package cn.yiyang.planning.geo.plan;

import java.util.List;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** Overlay and placement helpers shared by the plan checks. */
final class Shapes {

    private Shapes() {}

    /** Overlay with OverlayNG and its robust fallbacks (snapping), which survives near-coincident parcel edges. */
    static Geometry intersection(Geometry a, Geometry b) {
        return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
    }

    static Geometry difference(Geometry a, Geometry b) {
        return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE));
    }

    /** The polygons of a result, dropping the lines and points where parcels merely touch. */
    static Geometry polygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return g;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        return g.getFactory().buildGeometry(polygons);
    }

    /** Whether a geometry is a non-empty polygon or multipolygon. */
    static boolean isArea(Geometry g) {
        return g instanceof Polygonal && !g.isEmpty();
    }

    /** A point inside an area, where the map shows a problem. */
    static Point location(Geometry area) {
        Coordinate c = InteriorPointArea.getInteriorPoint(area);
        if (c == null) {
            c = area.getEnvelopeInternal().centre();
        }
        return area.getFactory().createPoint(c);
    }
}
