package cn.yiyang.planning.geo.plan;

import static cn.yiyang.planning.geo.plan.ParcelState.CURRENT;
import static cn.yiyang.planning.geo.plan.ParcelState.PLANNED;
import static cn.yiyang.planning.geo.plan.PlanFixtures.box;
import static cn.yiyang.planning.geo.plan.PlanFixtures.cell;
import static cn.yiyang.planning.geo.plan.PlanFixtures.parcel;
import static cn.yiyang.planning.geo.plan.PlanFixtures.wkt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import cn.yiyang.planning.geo.measure.GeodesicArea;
import cn.yiyang.planning.geo.plan.ProblemKind.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class ParcelCheckTest {

    /** 3 × 2 cells from 112.300°E, 28.500°N. */
    private static final Geometry BOUNDARY = box(112.300, 28.500, 112.303, 28.502);

    private static List<PlanParcel> grid(ParcelState state) {
        List<PlanParcel> parcels = new ArrayList<>();
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 3; column++) {
                parcels.add(parcel(state.name() + column + row, "0101", state, cell(column, row)));
            }
        }
        return parcels;
    }

    private static double m2(Geometry g) {
        return GeodesicArea.CGCS2000.squareMetres(g);
    }

    @Test
    void aCompleteValidPlanHasNoProblems() {
        List<PlanParcel> parcels = new ArrayList<>(grid(CURRENT));
        parcels.addAll(grid(PLANNED)); // the same land in both states is no overlap

        assertThat(ParcelCheck.check(BOUNDARY, parcels)).isEmpty();
    }

    @Test
    void aBowTieIsInvalidAtItsCrossingAndTakesNoPartInTheOtherChecks() {
        List<PlanParcel> parcels = grid(CURRENT);
        parcels.set(
                0,
                parcel(
                        "bow",
                        "0101",
                        CURRENT,
                        wkt("POLYGON((112.300 28.500, 112.301 28.501,"
                                + " 112.301 28.500, 112.300 28.501, 112.300 28.500))")));

        List<ParcelProblem> problems = ParcelCheck.check(BOUNDARY, parcels);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.INVALID_GEOMETRY);
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.parcelIds()).containsExactly("bow");
            assertThat(p.geometryError()).isIn(GeometryError.SELF_INTERSECTION, GeometryError.RING_SELF_INTERSECTION);
            assertThat(p.location().getX()).isCloseTo(112.3005, withinPercentage(1e-7));
            assertThat(p.location().getY()).isCloseTo(28.5005, withinPercentage(1e-7));
        });
    }

    @Test
    void aLineIsNotAParcelAndAnInvalidBoundaryIsReportedWithoutIds() {
        List<PlanParcel> parcels = grid(CURRENT);
        parcels.set(0, parcel("line", "0101", CURRENT, wkt("LINESTRING(112.300 28.500, 112.301 28.501)")));
        Geometry bowTieBoundary =
                wkt("POLYGON((112.300 28.500, 112.303 28.502, 112.303 28.500, 112.300 28.502," + " 112.300 28.500))");

        List<ParcelProblem> problems = ParcelCheck.check(bowTieBoundary, parcels);

        assertThat(problems).extracting(ParcelProblem::kind).containsOnly(ProblemKind.INVALID_GEOMETRY);
        assertThat(problems).extracting(ParcelProblem::geometryError).contains(GeometryError.NOT_POLYGONAL);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.parcelIds()).isEmpty();
            assertThat(p.state()).isNull();
        });
    }

    @Test
    void aParcelReachingOutsideTheBoundaryReportsTheAreaOutside() {
        List<PlanParcel> parcels = grid(PLANNED);
        parcels.set(2, parcel("east", "0703", PLANNED, box(112.302, 28.500, 112.3035, 28.501)));
        Geometry outside = box(112.303, 28.500, 112.3035, 28.501);

        List<ParcelProblem> problems = ParcelCheck.check(BOUNDARY, parcels);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.OUTSIDE_BOUNDARY);
            assertThat(p.parcelIds()).containsExactly("east");
            assertThat(p.state()).isEqualTo(PLANNED);
            assertThat(p.area().squareMetres()).isCloseTo(m2(outside), withinPercentage(1e-6));
            assertThat(outside.contains(p.location())).isTrue();
        });
    }

    @Test
    void overlappingParcelsOfOneStateArePairedWithTheOverlap() {
        List<PlanParcel> parcels = grid(CURRENT);
        // the first cell grows 0.0002° east, into its neighbour
        parcels.set(0, parcel("wide", "0101", CURRENT, box(112.300, 28.500, 112.3012, 28.501)));
        Geometry overlap = box(112.301, 28.500, 112.3012, 28.501);

        List<ParcelProblem> problems = ParcelCheck.check(BOUNDARY, parcels);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.OVERLAP);
            assertThat(p.parcelIds()).containsExactly("wide", "CURRENT10");
            assertThat(p.area().squareMetres()).isCloseTo(m2(overlap), withinPercentage(1e-6));
            assertThat(overlap.contains(p.location())).isTrue();
        });
    }

    @Test
    void overlapsBelowTheToleranceAndAcrossStatesAreIgnored() {
        List<PlanParcel> parcels = grid(CURRENT);
        // 1e-10° is about 0.01 mm: 0.001 m² over 111 m of shared edge
        parcels.set(0, parcel("sliver", "0101", CURRENT, box(112.300, 28.500, 112.3010000001, 28.501)));
        parcels.add(parcel("planned", "0703", PLANNED, cell(0, 0)));
        List<PlanParcel> planned = new ArrayList<>(parcels);
        planned.addAll(grid(PLANNED).subList(1, 6));

        assertThat(ParcelCheck.check(BOUNDARY, planned)).isEmpty();
    }

    @Test
    void aMissingParcelIsAGapWarningForItsStateOnly() {
        List<PlanParcel> parcels = grid(CURRENT);
        parcels.remove(4); // cell (1, 1)
        parcels.addAll(grid(PLANNED));

        List<ParcelProblem> problems = ParcelCheck.check(BOUNDARY, parcels);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.GAP);
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.state()).isEqualTo(CURRENT);
            assertThat(p.parcelIds()).isEmpty();
            assertThat(p.area().squareMetres()).isCloseTo(m2(cell(1, 1)), withinPercentage(1e-6));
            assertThat(cell(1, 1).contains(p.location())).isTrue();
        });
    }

    @Test
    void gapsBelowTheToleranceAreIgnored() {
        List<PlanParcel> parcels = grid(CURRENT);
        // 1e-6° short of the east edge: about 0.1 m × 111 m = 11 m², then 1e-8°: 0.1 m²
        parcels.set(2, parcel("short", "0101", CURRENT, box(112.302, 28.500, 112.302999, 28.501)));
        assertThat(ParcelCheck.check(BOUNDARY, parcels))
                .extracting(ParcelProblem::kind)
                .containsExactly(ProblemKind.GAP);

        parcels.set(2, parcel("short", "0101", CURRENT, box(112.302, 28.500, 112.30299999, 28.501)));
        assertThat(ParcelCheck.check(BOUNDARY, parcels)).isEmpty();
    }

    @Test
    void aParcelOverlappingSeveralIsPairedWithEachInInputOrder() {
        List<PlanParcel> parcels = grid(PLANNED);
        parcels.add(parcel("late", "0703", PLANNED, box(112.3005, 28.5005, 112.3015, 28.5015)));

        List<ParcelProblem> problems = ParcelCheck.check(BOUNDARY, parcels);

        assertThat(problems)
                .extracting(ParcelProblem::parcelIds)
                .containsExactly(
                        List.of("PLANNED00", "late"), // ids are state, column, row; the grid comes row by row
                        List.of("PLANNED10", "late"),
                        List.of("PLANNED01", "late"),
                        List.of("PLANNED11", "late"));
        assertThat(problems.get(0).area().squareMetres())
                .isCloseTo(m2(box(112.3005, 28.5005, 112.301, 28.501)), withinPercentage(1e-6));
    }

    @Test
    void aHoleThatNoParcelFillsIsAGap() {
        List<PlanParcel> parcels = grid(CURRENT);
        parcels.set(
                0,
                parcel(
                        "ring",
                        "0101",
                        CURRENT,
                        wkt("POLYGON((112.300 28.500, 112.301 28.500, 112.301 28.501,"
                                + " 112.300 28.501, 112.300 28.500), (112.3004 28.5004, 112.3006 28.5004, 112.3006 28.5006,"
                                + " 112.3004 28.5006, 112.3004 28.5004))")));
        Geometry hole = box(112.3004, 28.5004, 112.3006, 28.5006);

        assertThat(ParcelCheck.check(BOUNDARY, parcels)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.GAP);
            assertThat(p.area().squareMetres()).isCloseTo(m2(hole), withinPercentage(1e-6));
            assertThat(hole.contains(p.location())).isTrue();
        });
    }

    @Test
    void problemsComeOrderedByKind() {
        List<PlanParcel> parcels = grid(CURRENT);
        parcels.remove(5);
        parcels.set(0, parcel("wide", "0101", CURRENT, box(112.300, 28.500, 112.3012, 28.501)));
        parcels.set(2, parcel("east", "0101", CURRENT, box(112.302, 28.500, 112.3035, 28.501)));
        parcels.add(parcel(
                "bow",
                "0101",
                PLANNED,
                wkt("POLYGON((112.300 28.500, 112.301 28.501," + " 112.301 28.500, 112.300 28.501, 112.300 28.500))")));

        assertThat(ParcelCheck.check(BOUNDARY, parcels))
                .extracting(ParcelProblem::kind)
                .containsExactly(
                        ProblemKind.INVALID_GEOMETRY,
                        ProblemKind.OUTSIDE_BOUNDARY,
                        ProblemKind.OVERLAP,
                        ProblemKind.GAP);
    }

    @Test
    void oneChangedParcelIsCheckedAgainstItsNeighboursOnly() {
        List<PlanParcel> others = grid(CURRENT);
        others.addAll(grid(PLANNED));
        others.remove(0); // CURRENT00 is being saved
        PlanParcel wide = parcel("new", "0101", CURRENT, box(112.300, 28.500, 112.3012, 28.501));

        List<ParcelProblem> problems = new ParcelCheck(ParcelCheckSettings.DEFAULTS).runFor(BOUNDARY, wide, others);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.OVERLAP);
            assertThat(p.parcelIds()).containsExactly("new", "CURRENT10");
            assertThat(p.area().squareMetres())
                    .isCloseTo(m2(box(112.301, 28.500, 112.3012, 28.501)), withinPercentage(1e-6));
        });
        PlanParcel planned = parcel("new", "0101", PLANNED, cell(0, 0));
        assertThat(new ParcelCheck(ParcelCheckSettings.DEFAULTS).runFor(BOUNDARY, planned, grid(CURRENT)))
                .as("the other state's parcels are no overlap, and its own state's gaps are not this save's")
                .extracting(ParcelProblem::kind)
                .doesNotContain(ProblemKind.OVERLAP);
    }

    @Test
    void aChangedParcelReportsItsPartOutsideTheGapsItTouchesAndItsInvalidity() {
        List<PlanParcel> others = grid(CURRENT);
        others.remove(2); // CURRENT20, the east cell of the lower row, is being saved
        ParcelCheck check = new ParcelCheck(ParcelCheckSettings.DEFAULTS);

        List<ParcelProblem> outside =
                check.runFor(BOUNDARY, parcel("east", "0101", CURRENT, box(112.302, 28.500, 112.3035, 28.501)), others);
        assertThat(outside).extracting(ParcelProblem::kind).containsExactly(ProblemKind.OUTSIDE_BOUNDARY);
        assertThat(outside.getFirst().area().squareMetres())
                .isCloseTo(m2(box(112.303, 28.500, 112.3035, 28.501)), withinPercentage(1e-6));

        Geometry gap = box(112.3025, 28.500, 112.303, 28.501);
        List<ParcelProblem> narrow =
                check.runFor(BOUNDARY, parcel("east", "0101", CURRENT, box(112.302, 28.500, 112.3025, 28.501)), others);
        assertThat(narrow).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.GAP);
            assertThat(p.area().squareMetres()).isCloseTo(m2(gap), withinPercentage(1e-6));
        });

        Geometry bowTie =
                wkt("POLYGON((112.302 28.500, 112.303 28.501, 112.303 28.500, 112.302 28.501, 112.302 28.500))");
        assertThat(check.runFor(BOUNDARY, parcel("east", "0101", CURRENT, bowTie), others))
                .singleElement()
                .extracting(ParcelProblem::kind)
                .isEqualTo(ProblemKind.INVALID_GEOMETRY);
    }
}
