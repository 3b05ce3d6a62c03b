package cn.yiyang.planning.geo.plan;

import static cn.yiyang.planning.geo.plan.ParcelState.CURRENT;
import static cn.yiyang.planning.geo.plan.ParcelState.PLANNED;
import static cn.yiyang.planning.geo.plan.PlanFixtures.cell;
import static cn.yiyang.planning.geo.plan.PlanFixtures.parcel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.geo.measure.AreaUnit;
import cn.yiyang.planning.geo.measure.GeodesicArea;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandUseBalanceTest {

    private static final double CELL = GeodesicArea.CGCS2000.squareMetres(cell(0, 0));

    /** Current: 0101 × 2 cells, 0703 × 1; planned: 0101 × 1, 0703 × 1, 070301 × 1, 0804 × 1. */
    private static final List<PlanParcel> PARCELS = List.of(
            parcel("c1", "0703", CURRENT, cell(0, 0)),
            parcel("c2", "0101", CURRENT, cell(1, 0)),
            parcel("c3", "0101", CURRENT, cell(2, 0)),
            parcel("p1", "0703", PLANNED, cell(0, 0)),
            parcel("p2", "070301", PLANNED, cell(1, 0)),
            parcel("p3", "0101", PLANNED, cell(2, 0)),
            parcel("p4", "0804", PLANNED, cell(0, 1)));

    @Test
    void topLevelRowsSumSharesAndChanges() {
        LandUseBalance b = LandUseBalance.of(PARCELS, ClassLevel.TOP_LEVEL);

        assertThat(b.rows()).extracting(BalanceRow::code).containsExactly("01", "07", "08");
        BalanceRow farmland = b.rows().get(0);
        BalanceRow housing = b.rows().get(1);
        BalanceRow publicService = b.rows().get(2);
        // the cells lie at slightly different latitudes, so their areas differ by a few parts in 1e5
        assertThat(farmland.current().squareMetres()).isCloseTo(2 * CELL, within(2 * CELL * 1e-4));
        assertThat(housing.planned().squareMetres()).isCloseTo(2 * CELL, within(2 * CELL * 1e-4));
        assertThat(publicService.current()).isEqualTo(AreaFigure.ZERO);
        assertThat(farmland.change().squareMetres())
                .isCloseTo(-CELL, within(CELL * 1e-4))
                .isEqualTo(
                        farmland.planned().squareMetres() - farmland.current().squareMetres());
        assertThat(farmland.currentShare()).isCloseTo(2.0 / 3, within(1e-4));
        assertThat(publicService.plannedShare()).isCloseTo(1.0 / 4, within(1e-4));

        double currentShares =
                b.rows().stream().mapToDouble(BalanceRow::currentShare).sum();
        double plannedShares =
                b.rows().stream().mapToDouble(BalanceRow::plannedShare).sum();
        assertThat(currentShares).isCloseTo(1.0, within(1e-12));
        assertThat(plannedShares).isCloseTo(1.0, within(1e-12));

        double parcelSum = b.parcels().stream()
                .filter(p -> p.state() == PLANNED)
                .mapToDouble(p -> p.area().squareMetres())
                .sum();
        assertThat(b.total().code()).isNull();
        assertThat(b.total().planned().squareMetres()).isCloseTo(parcelSum, within(1e-6));
        assertThat(b.total().current().squareMetres())
                .isCloseTo(
                        b.rows().stream()
                                .mapToDouble(r -> r.current().squareMetres())
                                .sum(),
                        within(1e-6));
        assertThat(b.total().plannedShare()).isEqualTo(1.0);
    }

    @Test
    void asGivenKeepsSubclassesApartAndOrdersByCode() {
        LandUseBalance b = LandUseBalance.of(PARCELS, ClassLevel.AS_GIVEN);

        assertThat(b.rows()).extracting(BalanceRow::code).containsExactly("0101", "0703", "070301", "0804");
        assertThat(b.rows().get(2).current()).isEqualTo(AreaFigure.ZERO);
        assertThat(b.rows().get(2).planned().squareMetres()).isGreaterThan(0);
    }

    @Test
    void parcelAreasAreEllipsoidalInEveryUnit() {
        LandUseBalance b = LandUseBalance.of(PARCELS, ClassLevel.TOP_LEVEL);

        AreaFigure first = b.parcels().get(0).area();
        assertThat(first.squareMetres()).isEqualTo(CELL);
        // 0.001° × 0.001° at 28.5°N: about 97.9 m × 110.9 m
        assertThat(first.squareMetres()).isBetween(10_800.0, 10_900.0);
        assertThat(first.mu()).isCloseTo(CELL * 15 / 10_000, within(1e-9));
        assertThat(first.hectares()).isCloseTo(CELL / 10_000, within(1e-12));
        assertThat(first.in(AreaUnit.SQUARE_KILOMETRE)).isCloseTo(CELL / 1e6, within(1e-12));
    }

    @Test
    void anEmptyPlanHasATotalOfZeroWithoutDividingByZero() {
        LandUseBalance b = LandUseBalance.of(List.of(), ClassLevel.TOP_LEVEL);

        assertThat(b.rows()).isEmpty();
        assertThat(b.total().current()).isEqualTo(AreaFigure.ZERO);
        assertThat(b.total().currentShare()).isZero();
    }
}
