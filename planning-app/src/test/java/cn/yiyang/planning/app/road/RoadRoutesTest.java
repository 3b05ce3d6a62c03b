package cn.yiyang.planning.app.road;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stakes as written, and which segments of a route an inspection naming the route applies to. */
class RoadRoutesTest {

    /** X: K0+000, K2+000, K5+000 (given out of order); Y: no stakes. */
    private final RoadRoutes routes = new RoadRoutes(List.of(
            new RoadRoutes.Segment("X-3", "X", 3, 5000.0, 979),
            new RoadRoutes.Segment("X-1", "X", 1, 0.0, 1958),
            new RoadRoutes.Segment("X-2", "X", 2, 2000.0, 2937),
            new RoadRoutes.Segment("Y-2", "Y", 2, null, 2937),
            new RoadRoutes.Segment("Y-1", "Y", 1, null, 1958)));

    @Test
    void stakesInTheFormsRoadDatabasesWriteThem() {
        assertThat(Stake.metres("K12+300")).isEqualTo(12300.0);
        assertThat(Stake.metres(" k12 ＋ 300 ")).isEqualTo(12300.0);
        assertThat(Stake.metres("12+300")).isEqualTo(12300.0);
        assertThat(Stake.metres("K12")).isEqualTo(12000.0);
        assertThat(Stake.metres("12.3")).isEqualTo(12300.0);
        assertThat(Stake.metres("K0+000")).isEqualTo(0.0);
        assertThat(Stake.metres("桥头")).isNull();
        assertThat(Stake.metres("")).isNull();
        assertThat(Stake.metres(null)).isNull();
    }

    @Test
    void withoutAStakeTheInspectionAppliesToEverySegmentInRouteOrder() {
        assertThat(routes.segments("X")).extracting(RoadRoutes.Segment::code).containsExactly("X-1", "X-2", "X-3");
        assertThat(routes.scope("Y", null, " ")).isEqualTo(new RouteScope("Y", null, List.of("Y-1", "Y-2"), 2, true));
        assertThat(routes.scope("Z", null, null))
                .as("a route the layer does not hold")
                .isNull();
    }

    @Test
    void aStakePicksTheSegmentCoveringItAndARangeEverySegmentItTouches() {
        assertThat(routes.scope("X", "K2+500", null)).isEqualTo(new RouteScope("X", "K2+500", List.of("X-2"), 3, true));
        assertThat(routes.scope("X", "K2+000", null).segments())
                .as("a segment starts at its start stake")
                .containsExactly("X-2");
        assertThat(routes.scope("X", "K1+999", null).segments()).containsExactly("X-1");
        assertThat(routes.scope("X", "K9+000", null).segments())
                .as("the last segment runs on")
                .containsExactly("X-3");
        assertThat(routes.scope("X", "K1+000", "K2+500"))
                .isEqualTo(new RouteScope("X", "K1+000–K2+500", List.of("X-1", "X-2"), 3, true));
        assertThat(routes.scope("X", "K2+000", "K5+000").segments())
                .as("a range ending where a segment starts does not reach it")
                .containsExactly("X-2");
        assertThat(routes.scope("X", "K6", "K0+500").segments())
                .as("a range given backwards")
                .containsExactly("X-1", "X-2", "X-3");
        assertThat(routes.scope("X", null, "K5+100").segments()).containsExactly("X-3");
    }

    @Test
    void aStakeThatCannotPlaceTheInspectionAppliesItToEverySegmentMarkedNotPlaced() {
        RouteScope noStakes = routes.scope("Y", "K1+000", null);
        assertThat(noStakes).isEqualTo(new RouteScope("Y", "K1+000", List.of("Y-1", "Y-2"), 2, false));
        assertThat(noStakes.wholeRoute()).isTrue();
        assertThat(routes.scope("X", "桥头", null))
                .isEqualTo(new RouteScope("X", "桥头", List.of("X-1", "X-2", "X-3"), 3, false));
    }
}
