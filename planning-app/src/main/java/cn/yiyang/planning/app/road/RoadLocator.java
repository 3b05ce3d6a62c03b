package cn.yiyang.planning.app.road;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Puts a road in a county and a township by its geometry, by one rule:
 * <ol>
 * <li>the unit whose polygon covers the road's <b>middle point</b>: the point on the line halfway along its
 * length (a point of the line itself, unlike a centroid, which a curved road can leave);</li>
 * <li>if no polygon covers it (a gap between polygons, a road at the city's edge), the unit whose polygon
 * holds the longest part of the line;</li>
 * <li>if the line meets no polygon, none.</li>
 * </ol>
 * A township found gives the county too (its {@code county_code}), so that the two always agree; the
 * county polygons are asked only when no township is found.
 */
final class RoadLocator {

    /** A county or township: code, name, the county of a township, its polygon. */
    record Unit(String code, String name, String countyCode, Geometry polygon) {}

    /** Where a road lies; any part may be null. */
    record Location(String countyCode, String countyName, String townshipCode, String townshipName) {
        static final Location NOWHERE = new Location(null, null, null, null);
    }

    private record Indexed(Unit unit, PreparedGeometry prepared) {}

    private final STRtree townships = new STRtree();
    private final STRtree counties = new STRtree();
    private final Map<String, String> countyNames;

    RoadLocator(List<Unit> townshipUnits, List<Unit> countyUnits) {
        townshipUnits.stream()
                .filter(u -> u.polygon() != null && !u.polygon().isEmpty())
                .forEach(u -> townships.insert(
                        u.polygon().getEnvelopeInternal(),
                        new Indexed(u, PreparedGeometryFactory.prepare(u.polygon()))));
        countyUnits.stream()
                .filter(u -> u.polygon() != null && !u.polygon().isEmpty())
                .forEach(u -> counties.insert(
                        u.polygon().getEnvelopeInternal(),
                        new Indexed(u, PreparedGeometryFactory.prepare(u.polygon()))));
        townships.build();
        counties.build();
        countyNames = new HashMap<>();
        countyUnits.forEach(u -> countyNames.put(u.code(), u.name()));
    }

    /** The point halfway along the line's length (on the line), or null for an empty geometry. */
    static Point middlePoint(Geometry line) {
        if (line == null || line.isEmpty()) {
            return null;
        }
        if (line.getDimension() != 1) {
            return line.getInteriorPoint();
        }
        LengthIndexedLine indexed = new LengthIndexedLine(line);
        Coordinate c = indexed.extractPoint(line.getLength() / 2);
        return line.getFactory().createPoint(c);
    }

    /** The county and township of a road's line. */
    Location locate(Geometry line) {
        Point middle = middlePoint(line);
        if (middle == null) {
            return Location.NOWHERE;
        }
        Optional<Unit> township = find(townships, line, middle);
        if (township.isPresent()) {
            Unit t = township.get();
            return new Location(t.countyCode(), countyNames.get(t.countyCode()), t.code(), t.name());
        }
        return find(counties, line, middle)
                .map(c -> new Location(c.code(), c.name(), null, null))
                .orElse(Location.NOWHERE);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Unit> find(STRtree tree, Geometry line, Point middle) {
        List<Indexed> around = new ArrayList<>(tree.query(middle.getEnvelopeInternal()));
        for (Indexed i : around) {
            if (i.prepared().covers(middle)) {
                return Optional.of(i.unit());
            }
        }
        Unit best = null;
        double longest = 0;
        for (Indexed i : (List<Indexed>) tree.query(line.getEnvelopeInternal())) {
            if (!i.prepared().intersects(line)) {
                continue;
            }
            double length = i.unit().polygon().intersection(line).getLength();
            if (length > longest) {
                longest = length;
                best = i.unit();
            }
        }
        return Optional.ofNullable(best);
    }
}
