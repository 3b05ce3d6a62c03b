package cn.yiyang.planning.geo.plan;

import cn.yiyang.planning.geo.measure.GeodesicArea;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * The 多规合一 conflict check: a plan's planned construction against the 三区三线.
 *
 * <ul>
 *   <li>Planned ({@link ParcelState#PLANNED}) construction parcels ({@link LandUseClasses#isConstruction}) that
 *       overlap permanent basic farmland or the ecological red line: one conflict per parcel and constraint
 *       polygon, with the intersection.</li>
 *   <li>Planned town-type parcels ({@link LandUseClasses#isTownType}) outside the town development boundary: one
 *       conflict per parcel, with its part outside every boundary polygon. Without any boundary polygon near a
 *       parcel, the whole parcel is outside: the caller must pass the layer, or no town-type classes.</li>
 * </ul>
 *
 * <p>The constraint layers of a whole city are indexed once, when the check is built (an STRtree per layer of
 * prepared polygons), so one instance serves every parcel save until the layers change; each parcel is then
 * clipped only against the polygons its envelope meets, and not at all against a polygon that contains it.
 * Invalid constraint polygons (imported data is not always clean) are repaired with JTS {@link GeometryFixer}
 * so that the check never fails on them. Parcels that are not valid polygons are skipped: {@link ParcelCheck}
 * reports them. Overlaps smaller than the tolerance (default 0.01 m²) are slivers along shared edges and ignored.
 * Areas are ellipsoidal ({@link GeodesicArea#CGCS2000}).
 *
 * <pre>{@code
 * ConflictCheck check = new ConflictCheck(constraints, LandUseClasses.DEFAULT, ConflictCheck.DEFAULT_TOLERANCE_M2);
 * for (Conflict c : check.run(parcels)) { c.parcelId(); c.kind(); c.area().mu(); }
 * }</pre>
 */
public final class ConflictCheck {

    /** Overlaps up to this many m² are ignored by default. */
    public static final double DEFAULT_TOLERANCE_M2 = 0.01;

    private static final GeodesicArea AREA = GeodesicArea.CGCS2000;

    private static final Comparator<Conflict> ORDER = Comparator.comparing(Conflict::parcelId)
            .thenComparing(Conflict::kind)
            .thenComparing(c -> c.constraintId() == null ? "" : c.constraintId());

    private final Map<ConstraintLayer, STRtree> layers = new EnumMap<>(ConstraintLayer.class);
    private final LandUseClasses classes;
    private final double toleranceM2;

    /**
     * Indexes the constraint polygons.
     *
     * @param constraints the polygons of the three layers, in any order
     * @param classes which codes are construction and town-type
     * @param toleranceM2 overlaps up to this area are ignored
     */
    public ConflictCheck(List<Constraint> constraints, LandUseClasses classes, double toleranceM2) {
        if (!(toleranceM2 >= 0) || Double.isInfinite(toleranceM2)) {
            throw new IllegalArgumentException("toleranceM2 must be a finite area >= 0 m², was " + toleranceM2);
        }
        this.classes = classes;
        this.toleranceM2 = toleranceM2;
        for (ConstraintLayer layer : ConstraintLayer.values()) {
            layers.put(layer, new STRtree());
        }
        for (Constraint c : constraints) {
            Geometry g =
                    Shapes.polygonal(IsValidOp.isValid(c.geometry()) ? c.geometry() : GeometryFixer.fix(c.geometry()));
            if (!g.isEmpty()) {
                layers.get(c.layer())
                        .insert(g.getEnvelopeInternal(), new Indexed(c.id(), g, PreparedGeometryFactory.prepare(g)));
            }
        }
        layers.values().forEach(STRtree::build);
    }

    /**
     * @param constraints the polygons of the three layers
     * @return a check with the default classes and tolerance
     */
    public static ConflictCheck of(List<Constraint> constraints) {
        return new ConflictCheck(constraints, LandUseClasses.DEFAULT, DEFAULT_TOLERANCE_M2);
    }

    /**
     * @param parcels a plan's parcels (current ones are ignored)
     * @return the conflicts, ordered by parcel id, kind and constraint id
     */
    public List<Conflict> run(List<PlanParcel> parcels) {
        List<Conflict> conflicts = new ArrayList<>();
        for (PlanParcel p : parcels) {
            if (p.state() != ParcelState.PLANNED
                    || !classes.isConstruction(p.landUseCode())
                    || !Shapes.isArea(p.geometry())
                    || !p.geometry().isValid()) {
                continue;
            }
            overlaps(p, ConflictKind.BASIC_FARMLAND, conflicts);
            overlaps(p, ConflictKind.ECOLOGICAL_REDLINE, conflicts);
            if (classes.isTownType(p.landUseCode())) {
                outsideTown(p, conflicts);
            }
        }
        conflicts.sort(ORDER);
        return List.copyOf(conflicts);
    }

    private void overlaps(PlanParcel p, ConflictKind kind, List<Conflict> conflicts) {
        Geometry g = p.geometry();
        for (Indexed c : candidates(kind.layer(), g)) {
            if (!c.prepared.intersects(g)) {
                continue;
            }
            Geometry overlap = c.prepared.contains(g) ? g : Shapes.intersection(g, c.geometry);
            add(p, kind, c.id, overlap, conflicts);
        }
    }

    private void outsideTown(PlanParcel p, List<Conflict> conflicts) {
        Geometry outside = p.geometry();
        for (Indexed c : candidates(ConstraintLayer.TOWN_DEVELOPMENT_BOUNDARY, outside)) {
            if (c.prepared.contains(p.geometry())) {
                return;
            }
            if (c.prepared.intersects(outside)) {
                outside = Shapes.difference(outside, c.geometry);
            }
        }
        add(p, ConflictKind.OUTSIDE_TOWN_BOUNDARY, null, outside, conflicts);
    }

    private void add(PlanParcel p, ConflictKind kind, String constraintId, Geometry overlap, List<Conflict> out) {
        if (overlap.isEmpty() || overlap.getArea() == 0) {
            return;
        }
        double m2 = AREA.squareMetres(overlap);
        if (m2 > toleranceM2) {
            out.add(new Conflict(
                    p.id(),
                    p.landUseCode(),
                    kind,
                    constraintId,
                    overlap,
                    new AreaFigure(m2),
                    Shapes.location(overlap)));
        }
    }

    /** The polygons whose envelope meets the geometry's, by id so that conflicts come in a stable order. */
    private List<Indexed> candidates(ConstraintLayer layer, Geometry g) {
        List<Indexed> found = new ArrayList<>();
        for (Object o : layers.get(layer).query(g.getEnvelopeInternal())) {
            found.add((Indexed) o);
        }
        found.sort(Comparator.comparing(Indexed::id));
        return found;
    }

    /** A constraint polygon, repaired if need be, and prepared for repeated predicates. */
    private record Indexed(String id, Geometry geometry, PreparedGeometry prepared) {}
}
