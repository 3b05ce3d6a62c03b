package cn.yiyang.planning.geo.plan;

import cn.yiyang.planning.geo.measure.GeodesicArea;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The checks run when a plan's parcels are saved.
 *
 * <ol>
 *   <li>Each parcel is a valid polygon or multipolygon (JTS {@link IsValidOp}): the error kind and the point JTS
 *       reports. Invalid parcels take no part in the other checks, whose overlays would be meaningless.</li>
 *   <li>Each parcel lies inside the plan boundary: the area outside and a point in it.</li>
 *   <li>No two parcels of the same state overlap: each pair with the overlap area and a point in it. Candidate
 *       pairs come from an STRtree of the parcels' envelopes, so a plan costs about n log n, not n².</li>
 *   <li>Land inside the boundary that no parcel of a state covers is a gap (a warning), for each state that has
 *       parcels. A state with an invalid parcel is not checked for gaps: the invalid parcel's land would show as a
 *       false gap.</li>
 * </ol>
 *
 * <p>Pieces below the tolerances of {@link ParcelCheckSettings} are ignored; all areas are ellipsoidal
 * ({@link GeodesicArea#CGCS2000}). An invalid plan boundary is one {@link ProblemKind#INVALID_GEOMETRY} problem
 * without parcel ids, and the boundary and gap checks are then skipped. Problems come ordered by kind, then state
 * (the boundary first), then the input order of their first parcel; gaps west to east.
 *
 * <pre>{@code
 * List<ParcelProblem> problems = new ParcelCheck(ParcelCheckSettings.DEFAULTS).run(planBoundary, parcels);
 * boolean blocked = problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
 * }</pre>
 */
public final class ParcelCheck {

    private static final GeodesicArea AREA = GeodesicArea.CGCS2000;

    /** Kind, then the first parcel's input position is kept by the stable sort; gaps by position west to east. */
    private static final Comparator<ParcelProblem> ORDER = Comparator.comparing(ParcelProblem::kind)
            .thenComparing(p -> p.state() == null ? -1 : p.state().ordinal())
            .thenComparing(p -> p.kind() == ProblemKind.GAP ? p.location().getX() : 0.0)
            .thenComparing(p -> p.kind() == ProblemKind.GAP ? p.location().getY() : 0.0);

    /** The least margin of the gap window around a changed parcel (about 11 m), so that a thin parcel has room. */
    static final double MIN_WINDOW_DEGREES = 0.0001;

    private final ParcelCheckSettings settings;

    /** @param settings the tolerances */
    public ParcelCheck(ParcelCheckSettings settings) {
        this.settings = settings;
    }

    /**
     * @param boundary the plan boundary in lon/lat
     * @param parcels the plan's parcels
     * @return the problems with the default tolerances
     */
    public static List<ParcelProblem> check(Geometry boundary, List<PlanParcel> parcels) {
        return new ParcelCheck(ParcelCheckSettings.DEFAULTS).run(boundary, parcels);
    }

    /**
     * @param boundary the plan boundary in lon/lat (polygon or multipolygon)
     * @param parcels the plan's parcels, both states
     * @return the problems found, empty when all is well
     */
    public List<ParcelProblem> run(Geometry boundary, List<PlanParcel> parcels) {
        List<ParcelProblem> problems = new ArrayList<>();
        Map<ParcelState, List<Indexed>> valid = new EnumMap<>(ParcelState.class);
        Map<ParcelState, Boolean> complete = new EnumMap<>(ParcelState.class);
        for (int i = 0; i < parcels.size(); i++) {
            PlanParcel p = parcels.get(i);
            complete.putIfAbsent(p.state(), true);
            ParcelProblem invalid = validity(p.geometry(), List.of(p.id()), p.state());
            if (invalid == null) {
                valid.computeIfAbsent(p.state(), s -> new ArrayList<>()).add(new Indexed(i, p));
            } else {
                problems.add(invalid);
                complete.put(p.state(), false);
            }
        }
        ParcelProblem badBoundary = validity(boundary, List.of(), null);
        if (badBoundary != null) {
            problems.add(badBoundary);
        }
        for (List<Indexed> ofState : valid.values()) {
            overlaps(ofState, problems);
        }
        if (badBoundary == null) {
            outside(boundary, valid, problems);
            complete.forEach((state, whole) -> {
                if (whole) {
                    gaps(boundary, state, valid.get(state), problems);
                }
            });
        }
        problems.sort(ORDER);
        return List.copyOf(problems);
    }

    /**
     * The checks for one parcel being saved among the plan's others, in time that grows with its neighbours, not
     * with the plan: its validity, the part of it outside the boundary, its overlaps with the other parcels of its
     * state (each pair with the changed parcel first) and the gaps next to it. Gaps are looked for only in a window
     * around the parcel (its envelope grown on each side by its larger dimension, at least {@value #MIN_WINDOW_DEGREES}°)
     * and reported when they touch the parcel: the slivers an edit leaves between the parcel and its neighbours; a
     * gap reaching out of the window is reported with the area of its part inside. Others that are invalid take no
     * part (their own saves report them). An invalid boundary is reported as in {@link #run}.
     *
     * @param boundary the plan boundary in lon/lat
     * @param changed the parcel being saved
     * @param others the plan's other parcels (either state; the changed parcel's stored version excluded)
     * @return the problems of the changed parcel, ordered as {@link #run} orders them
     */
    public List<ParcelProblem> runFor(Geometry boundary, PlanParcel changed, List<PlanParcel> others) {
        List<ParcelProblem> problems = new ArrayList<>();
        ParcelProblem invalid = validity(changed.geometry(), List.of(changed.id()), changed.state());
        if (invalid != null) {
            return List.of(invalid);
        }
        ParcelProblem badBoundary = validity(boundary, List.of(), null);
        Indexed self = new Indexed(0, changed);
        Geometry g = changed.geometry();
        Envelope window = new Envelope(g.getEnvelopeInternal());
        double margin = Math.max(MIN_WINDOW_DEGREES, Math.max(window.getWidth(), window.getHeight()));
        window.expandBy(margin);
        List<Indexed> near = new ArrayList<>();
        near.add(self);
        for (int i = 0; i < others.size(); i++) {
            PlanParcel o = others.get(i);
            if (o.state() == changed.state()
                    && o.geometry().getEnvelopeInternal().intersects(window)
                    && validity(o.geometry(), List.of(), null) == null) {
                near.add(new Indexed(i + 1, o));
            }
        }
        List<ParcelProblem> overlaps = new ArrayList<>();
        overlaps(near, overlaps);
        overlaps.stream()
                .filter(p -> p.parcelIds().getFirst().equals(changed.id()))
                .forEach(problems::add);
        if (badBoundary != null) {
            problems.add(badBoundary);
        } else {
            outside(boundary, Map.of(changed.state(), List.of(self)), problems);
            Geometry local = Shapes.intersection(boundary, g.getFactory().toGeometry(window));
            List<ParcelProblem> gaps = new ArrayList<>();
            gaps(local, changed.state(), near, gaps);
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(g);
            gaps.stream().filter(p -> prepared.intersects(p.extent())).forEach(problems::add);
        }
        problems.sort(ORDER);
        return List.copyOf(problems);
    }

    private static ParcelProblem validity(Geometry g, List<String> ids, ParcelState state) {
        GeometryError error = null;
        TopologyValidationError jts = null;
        if (!(g instanceof Polygonal)) {
            error = GeometryError.NOT_POLYGONAL;
        } else if (g.isEmpty()) {
            error = GeometryError.EMPTY;
        } else {
            jts = new IsValidOp(g).getValidationError();
            error = jts == null ? null : GeometryError.of(jts);
        }
        if (error == null) {
            return null;
        }
        var at = jts != null && jts.getCoordinate() != null
                ? g.getFactory().createPoint(jts.getCoordinate())
                : g.getFactory().createPoint(g.isEmpty() ? null : g.getCoordinate());
        return new ParcelProblem(ProblemKind.INVALID_GEOMETRY, ids, state, error, AreaFigure.ZERO, at, at);
    }

    private void outside(Geometry boundary, Map<ParcelState, List<Indexed>> valid, List<ParcelProblem> problems) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(boundary);
        for (List<Indexed> ofState : valid.values()) {
            for (Indexed p : ofState) {
                Geometry g = p.parcel.geometry();
                if (inside.contains(g)) {
                    continue;
                }
                Geometry out = Shapes.difference(g, boundary);
                double m2 = out.isEmpty() ? 0 : AREA.squareMetres(out);
                if (m2 > settings.outsideM2()) {
                    problems.add(problem(ProblemKind.OUTSIDE_BOUNDARY, List.of(p.parcel.id()), p, out, m2));
                }
            }
        }
    }

    private void overlaps(List<Indexed> parcels, List<ParcelProblem> problems) {
        STRtree tree = new STRtree();
        for (Indexed p : parcels) {
            tree.insert(p.parcel.geometry().getEnvelopeInternal(), p);
        }
        for (Indexed a : parcels) {
            Geometry ga = a.parcel.geometry();
            PreparedGeometry prepared = null;
            List<Indexed> candidates = new ArrayList<>();
            for (Object o : tree.query(ga.getEnvelopeInternal())) {
                Indexed b = (Indexed) o;
                if (b.index > a.index) {
                    candidates.add(b); // each pair once, in input order
                }
            }
            candidates.sort(Comparator.comparingInt(Indexed::index));
            for (Indexed b : candidates) {
                if (prepared == null) {
                    prepared = PreparedGeometryFactory.prepare(ga);
                }
                Geometry gb = b.parcel.geometry();
                if (!prepared.intersects(gb)) {
                    continue;
                }
                Geometry overlap = Shapes.intersection(ga, gb);
                if (overlap.isEmpty() || overlap.getArea() == 0) {
                    continue; // neighbours that only share an edge
                }
                double m2 = AREA.squareMetres(overlap);
                if (m2 > settings.overlapM2()) {
                    problems.add(problem(ProblemKind.OVERLAP, List.of(a.parcel.id(), b.parcel.id()), a, overlap, m2));
                }
            }
        }
    }

    private void gaps(Geometry boundary, ParcelState state, List<Indexed> parcels, List<ParcelProblem> problems) {
        List<Geometry> shapes = parcels.stream().map(p -> p.parcel.geometry()).toList();
        Geometry covered = UnaryUnionOp.union(shapes);
        Geometry uncovered = Shapes.difference(boundary, covered);
        for (int i = 0; i < uncovered.getNumGeometries(); i++) {
            Geometry gap = uncovered.getGeometryN(i);
            double m2 = AREA.squareMetres(gap);
            if (m2 > settings.gapM2()) {
                problems.add(new ParcelProblem(
                        ProblemKind.GAP, List.of(), state, null, new AreaFigure(m2), Shapes.location(gap), gap));
            }
        }
    }

    private static ParcelProblem problem(ProblemKind kind, List<String> ids, Indexed first, Geometry where, double m2) {
        return new ParcelProblem(
                kind, ids, first.parcel.state(), null, new AreaFigure(m2), Shapes.location(where), where);
    }

    /** A parcel and its position in the input, which orders pairs and problems. */
    private record Indexed(int index, PlanParcel parcel) {}
}
