package cn.yiyang.planning.geo.plan;

import static cn.yiyang.planning.geo.plan.ParcelState.CURRENT;
import static cn.yiyang.planning.geo.plan.ParcelState.PLANNED;
import static cn.yiyang.planning.geo.plan.PlanFixtures.box;
import static cn.yiyang.planning.geo.plan.PlanFixtures.cell;
import static cn.yiyang.planning.geo.plan.PlanFixtures.parcel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import cn.yiyang.planning.geo.measure.GeodesicArea;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class ConflictCheckTest {

    /** Farmland over the south half of cells (0, 0) and (1, 0). */
    private static final Constraint FARMLAND =
            new Constraint("JBNT-1", ConstraintLayer.BASIC_FARMLAND, box(112.300, 28.500, 112.302, 28.5005));

    /** The red line over the east quarter of cell (1, 0). */
    private static final Constraint RED_LINE =
            new Constraint("STHX-7", ConstraintLayer.ECOLOGICAL_REDLINE, box(112.30175, 28.500, 112.302, 28.501));

    /** The town boundary in two polygons covering columns 3 and 4, meeting at 112.304°E. */
    private static final List<Constraint> TOWN = List.of(
            new Constraint("CZKF-a", ConstraintLayer.TOWN_DEVELOPMENT_BOUNDARY, box(112.303, 28.500, 112.304, 28.502)),
            new Constraint("CZKF-b", ConstraintLayer.TOWN_DEVELOPMENT_BOUNDARY, box(112.304, 28.500, 112.305, 28.502)));

    private static final ConflictCheck CHECK = ConflictCheck.of(List.of(FARMLAND, RED_LINE, TOWN.get(0), TOWN.get(1)));

    private static double m2(Geometry g) {
        return GeodesicArea.CGCS2000.squareMetres(g);
    }

    @Test
    void plannedConstructionOnFarmlandAndRedLineConflictsWithTheIntersection() {
        List<Conflict> conflicts = CHECK.run(
                List.of(parcel("p1", "0703", PLANNED, cell(0, 0)), parcel("p2", "1202", PLANNED, cell(1, 0))));

        assertThat(conflicts)
                .extracting(Conflict::parcelId, Conflict::kind, Conflict::constraintId)
                .containsExactly(
                        tuple("p1", ConflictKind.BASIC_FARMLAND, "JBNT-1"),
                        tuple("p2", ConflictKind.BASIC_FARMLAND, "JBNT-1"),
                        tuple("p2", ConflictKind.ECOLOGICAL_REDLINE, "STHX-7"));
        Geometry expected = box(112.300, 28.500, 112.301, 28.5005);
        Conflict first = conflicts.get(0);
        assertThat(first.area().squareMetres())
                .isCloseTo(m2(expected), withinPercentage(1e-6))
                .isCloseTo(m2(cell(0, 0).intersection(FARMLAND.geometry())), withinPercentage(1e-9));
        assertThat(first.area().mu()).isCloseTo(first.area().squareMetres() * 15 / 10_000, within(1e-9));
        assertThat(first.overlap().equalsTopo(expected)).isTrue();
        assertThat(expected.contains(first.location())).isTrue();
        assertThat(conflicts.get(2).area().squareMetres())
                .isCloseTo(m2(box(112.30175, 28.500, 112.302, 28.501)), withinPercentage(1e-6));
    }

    @Test
    void currentParcelsNonConstructionAndParcelsClearOfConstraintsDoNotConflict() {
        assertThat(CHECK.run(List.of(
                        parcel("now", "0703", CURRENT, cell(0, 0)),
                        parcel("field", "0101", PLANNED, cell(0, 0)),
                        parcel("road", "0601", PLANNED, cell(1, 0)),
                        parcel("north", "0703", PLANNED, cell(0, 1)),
                        parcel("edge", "0703", PLANNED, box(112.300, 28.5005, 112.301, 28.501)))))
                .isEmpty();
    }

    @Test
    void townTypeConstructionOutsideTheTownBoundaryConflictsWithItsPartOutside() {
        Geometry straddling = box(112.3025, 28.500, 112.3035, 28.501); // half west of the boundary
        List<Conflict> conflicts = CHECK.run(List.of(
                parcel("shop", "09", PLANNED, straddling),
                parcel("house", "0703", PLANNED, cell(2, 1)), // village-type: allowed outside
                parcel("flats", "0701", PLANNED, box(112.3035, 28.500, 112.3045, 28.501)))); // across both polygons

        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.parcelId()).isEqualTo("shop");
            assertThat(c.kind()).isEqualTo(ConflictKind.OUTSIDE_TOWN_BOUNDARY);
            assertThat(c.kind().layer()).isEqualTo(ConstraintLayer.TOWN_DEVELOPMENT_BOUNDARY);
            assertThat(c.constraintId()).isNull();
            assertThat(c.area().squareMetres())
                    .isCloseTo(m2(box(112.3025, 28.500, 112.303, 28.501)), withinPercentage(1e-6));
        });
    }

    @Test
    void slidingTheClassesChangesWhatCounts() {
        LandUseClasses onlyHousing = LandUseClasses.of(Set.of("07"), Set.of("07"));
        ConflictCheck check =
                new ConflictCheck(List.of(FARMLAND, TOWN.get(0)), onlyHousing, ConflictCheck.DEFAULT_TOLERANCE_M2);

        List<Conflict> conflicts = check.run(
                List.of(parcel("house", "0703", PLANNED, cell(0, 0)), parcel("road", "1202", PLANNED, cell(1, 0))));

        assertThat(conflicts)
                .extracting(Conflict::parcelId, Conflict::kind)
                .containsExactly(
                        tuple("house", ConflictKind.BASIC_FARMLAND),
                        tuple("house", ConflictKind.OUTSIDE_TOWN_BOUNDARY));
        assertThat(conflicts.get(1).area().squareMetres()).isCloseTo(m2(cell(0, 0)), withinPercentage(1e-9));
    }

    @Test
    void anInvalidConstraintPolygonIsRepairedNotFatal() {
        Constraint bowTie = new Constraint(
                "bad",
                ConstraintLayer.BASIC_FARMLAND,
                PlanFixtures.wkt("POLYGON((112.300 28.500, 112.301 28.501, 112.301 28.500, 112.300 28.501,"
                        + " 112.300 28.500))"));

        List<Conflict> conflicts =
                ConflictCheck.of(List.of(bowTie)).run(List.of(parcel("p", "0703", PLANNED, cell(0, 0))));

        // the repaired bow tie is two triangles, a quarter of the cell each
        assertThat(conflicts)
                .singleElement()
                .satisfies(c ->
                        assertThat(c.area().squareMetres()).isCloseTo(m2(cell(0, 0)) / 2, withinPercentage(0.01)));
    }
}
