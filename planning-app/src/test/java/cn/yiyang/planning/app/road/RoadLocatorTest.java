package cn.yiyang.planning.app.road;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/** Putting roads in townships and counties: the middle point on the line, else the longest part, else none. */
class RoadLocatorTest {

    private final RoadLocator locator = new RoadLocator(
            List.of(
                    new RoadLocator.Unit("430921100", "南洲镇", "430921", RegisterTestData.box(112.0, 28.3, 112.25, 28.8)),
                    new RoadLocator.Unit(
                            "430921101", "茅草街镇", "430921", RegisterTestData.box(112.25, 28.3, 112.6, 28.8))),
            List.of(
                    new RoadLocator.Unit("430921", "南县", "430921", RegisterTestData.box(112.0, 28.3, 112.6, 28.8)),
                    new RoadLocator.Unit("430922", "桃江县", "430922", RegisterTestData.box(112.6, 28.3, 113.0, 28.8))));

    @Test
    void theMiddlePointIsOnTheLineHalfwayAlongItsLength() {
        // an L: 0.3° east then 0.1° north; half of 0.4° is 0.2° along the first leg
        Point p = RoadLocator.middlePoint(RegisterTestData.line(112.0, 28.4, 112.3, 28.4, 112.3, 28.5));
        assertThat(p.getX()).isCloseTo(112.2, Offset.offset(1e-9));
        assertThat(p.getY()).isCloseTo(28.4, Offset.offset(1e-9));
    }

    @Test
    void aRoadAcrossTwoTownshipsBelongsToTheOneHoldingItsMiddle() {
        RoadLocator.Location at = locator.locate(RegisterTestData.line(112.2, 28.6, 112.4, 28.6));
        assertThat(at).isEqualTo(new RoadLocator.Location("430921", "南县", "430921101", "茅草街镇"));
        // a bent road starting in 南洲镇: 0.25° long, its middle point 0.125° along, at 112.275E
        RoadLocator.Location curved = locator.locate(
                RegisterTestData.line(112.2, 28.4, 112.2, 28.45, 112.3, 28.45, 112.3, 28.5, 112.3, 28.55));
        assertThat(curved.townshipName()).isEqualTo("茅草街镇");
    }

    @Test
    void withoutATownshipTheCountyIsFoundByTheSameRuleElseNothing() {
        RoadLocator.Location taojiang = locator.locate(RegisterTestData.line(112.7, 28.5, 112.8, 28.5));
        assertThat(taojiang).isEqualTo(new RoadLocator.Location("430922", "桃江县", null, null));
        // middle point outside every township (north of 28.8), most of the line inside 南洲镇
        RoadLocator.Location edge = locator.locate(RegisterTestData.line(112.1, 28.7, 112.1, 29.0, 112.1, 29.05));
        assertThat(edge.townshipName()).isEqualTo("南洲镇");
        assertThat(locator.locate(RegisterTestData.line(111.0, 27.0, 111.1, 27.0)))
                .isEqualTo(RoadLocator.Location.NOWHERE);
        assertThat(locator.locate(null)).isEqualTo(RoadLocator.Location.NOWHERE);
    }
}
