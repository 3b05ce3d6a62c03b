package cn.yiyang.planning.geo.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Cuts a polygon (or multipolygon) along a line: the polygon's rings and the line are noded together and
 * polygonized, and the faces that lie inside the original are the parts. A line that does not cross from one side
 * to the other (it ends inside, or misses) cuts nothing and is refused; so is an invalid polygon, whose faces would
 * not add up to it. The parts are ordered by area, largest first, so that the caller keeps the original feature for
 * the largest part and inserts the others.
 */
public final class PolygonSplit {

    private PolygonSplit() {}

    /** What a split gives: the parts, or why there are none. */
    public sealed interface Result permits Parts, Refused {}

    /**
     * The polygon cut into two or more parts, largest first; together they cover the original.
     *
     * @param parts the parts, each a simple polygon
     */
    public record Parts(List<Polygon> parts) implements Result {
        public Parts {
            parts = List.copyOf(parts);
        }
    }

    /** No split, and why. */
    public record Refused(EditRefusal reason) implements Result {}

    /** Splits {@code polygon} along {@code line}. */
    public static Result split(Geometry polygon, Geometry line) {
        if (!(polygon instanceof Polygonal) || polygon.isEmpty() || !polygon.isValid()) {
            return new Refused(EditRefusal.INVALID_POLYGON);
        }
        if (!(line instanceof Lineal) || line.isEmpty()) {
            return new Refused(EditRefusal.INVALID_LINE);
        }
        // noding the boundary with the line puts a vertex wherever they cross
        Geometry noded = OverlayNGRobust.overlay(polygon.getBoundary(), line, OverlayNG.UNION);
        Polygonizer polygonizer =
                new Polygonizer(false); // all faces: parts share edges, so they are no one valid geometry
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> faces = polygonizer.getPolygons();
        List<Polygon> parts = new ArrayList<>();
        for (Polygon face : faces) {
            Point inside = face.getInteriorPoint();
            if (polygon.covers(inside)) {
                parts.add(face);
            }
        }
        if (parts.size() <= polygon.getNumGeometries()) {
            return new Refused(EditRefusal.LINE_DOES_NOT_CROSS);
        }
        parts.sort(Comparator.comparingDouble(Geometry::getArea).reversed());
        return new Parts(parts);
    }
}
