package cn.yiyang.planning.geo.facility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The polygons of the units of one level (counties, townships or villages), to find the unit a facility lies in.
 * The test is planar in EPSG:4490 and a point on a boundary counts as inside (covers); where two units cover a point
 * (a shared edge), the smaller code wins, so that the answer does not depend on the order the units came in.
 * Thread-safe once built.
 */
public final class UnitAreas {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private record Area(String code, PreparedGeometry shape) {}

    /**
     * Where a facility lies, checked against the unit its own code field names.
     *
     * @param code the unit whose polygon covers it, or null when none does
     * @param declared the unit its code field names, or null when the field is empty
     */
    public record Placement(String code, String declared) {

        /** @return whether the code field names a unit other than the one the facility lies in */
        public boolean mismatch() {
            return declared != null && !declared.isBlank() && !declared.equals(code);
        }
    }

    private final STRtree index = new STRtree();
    private final Map<String, Geometry> shapes = new TreeMap<>();

    /** @param polygons unit code → its (multi)polygon in lon/lat; null or empty shapes are left out */
    public UnitAreas(Map<String, Geometry> polygons) {
        polygons.forEach((code, g) -> {
            if (g != null && !g.isEmpty()) {
                Objects.requireNonNull(code, "code");
                shapes.put(code, g);
                index.insert(g.getEnvelopeInternal(), new Area(code, PreparedGeometryFactory.prepare(g)));
            }
        });
        index.build();
    }

    /**
     * @param at a point, lon/lat
     * @return the code of the unit covering it (the smallest code when on a shared boundary), or empty
     */
    public Optional<String> locate(Coordinate at) {
        Point p = FACTORY.createPoint(at);
        String best = null;
        List<?> hits = index.query(new Envelope(at));
        for (Object o : hits) {
            Area a = (Area) o;
            if ((best == null || a.code().compareTo(best) < 0) && a.shape().covers(p)) {
                best = a.code();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * @param at a facility's point
     * @param declared the unit its code field names, or null
     * @return where it lies and what its field says
     */
    public Placement place(Coordinate at, String declared) {
        return new Placement(locate(at).orElse(null), declared);
    }

    /** @return the unit's polygon, or null when unknown */
    public Geometry shape(String code) {
        return shapes.get(code);
    }

    /** @return the codes of the units, in order */
    public List<String> codes() {
        return new ArrayList<>(shapes.keySet());
    }
}
