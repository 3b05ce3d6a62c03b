package cn.yiyang.planning.geo.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.geo.access.AccessResult.RoadStatus;
import cn.yiyang.planning.geo.access.RouteAccess.Unconnected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Road access per route over the scene of {@link RoadAccessAnalysisTest}, its roads grouped into routes: X001 = the
 * county road X1 (2,000 m, connected); Y001 = C3 (800 m, connected), the bridge B (100 m, held impassable) and C4
 * beyond it (600 m, a fragment); C001 = the earth lanes L (1,500 m) and L2 (1,050 m). The scene is drawn in
 * Gauss-Kruger metres; on the ground a length is about 0.02 % shorter (hence the tolerance of a few decimetres).
 */
class RouteAccessTest {

    private static final Map<String, String> ROUTES =
            Map.of("X1", "X001", "C3", "Y001", "B", "Y001", "C4", "Y001", "L", "C001", "L2", "C001");

    @Test
    void eachRouteSumsWhatTheAnalysisDecidedForItsSegments() {
        AccessInput input = RoadAccessAnalysisTest.scene();
        AccessResult result = new RoadAccessAnalysis(AccessSettings.defaults()).run(input, (f, stage) -> {});

        List<RouteAccess.Route> routes = RouteAccess.of(input.roads(), ROUTES::get, result.roadStatus());

        assertThat(routes).extracting(RouteAccess.Route::routeCode).containsExactly("C001", "X001", "Y001");
        RouteAccess.Route lanes = routes.get(0);
        assertThat(lanes.segments()).isEqualTo(2);
        assertThat(lanes.lengthM()).isCloseTo(2550, within(0.8));
        assertThat(lanes.hardenedLengthM()).isZero();
        assertThat(lanes.connectedLengthM()).isZero();
        assertThat(lanes.notConnected())
                .containsExactly(
                        new Unconnected("L", RoadStatus.UNHARDENED), new Unconnected("L2", RoadStatus.UNHARDENED));
        RouteAccess.Route county = routes.get(1);
        assertThat(county.segments()).isEqualTo(1);
        assertThat(county.lengthM()).isCloseTo(2000, within(0.6));
        assertThat(county.connectedLengthM()).isEqualTo(county.lengthM());
        assertThat(county.hardenedLengthM()).isEqualTo(county.lengthM());
        assertThat(county.notConnected()).isEmpty();
        RouteAccess.Route broken = routes.get(2);
        assertThat(broken.segments()).isEqualTo(3);
        assertThat(broken.lengthM()).isCloseTo(1500, within(0.5));
        assertThat(broken.hardenedLengthM()).isEqualTo(broken.lengthM());
        assertThat(broken.connectedLengthM()).isCloseTo(800, within(0.3));
        assertThat(broken.notConnected())
                .containsExactly(
                        new Unconnected("B", RoadStatus.IMPASSABLE), new Unconnected("C4", RoadStatus.FRAGMENT));
    }

    @Test
    void roadsWithoutARouteAreLeftOutAndASegmentTheRunDidNotSeeIsNotConnected() {
        AccessInput input = RoadAccessAnalysisTest.scene();

        List<RouteAccess.Route> routes =
                RouteAccess.of(input.roads(), id -> id.equals("F") ? "Z001" : null, Map.of("X1", RoadStatus.NETWORK));

        assertThat(routes).singleElement().satisfies(r -> {
            assertThat(r.routeCode()).isEqualTo("Z001");
            assertThat(r.connectedLengthM()).isZero();
            assertThat(r.notConnected()).containsExactly(new Unconnected("F", null));
        });
    }
}
