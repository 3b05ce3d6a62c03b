package cn.yiyang.planning.geo.network;

import static cn.yiyang.planning.geo.network.Fixtures.lonLat;
import static cn.yiyang.planning.geo.network.Fixtures.road;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class NetworkDistanceTest {

    /** A county road along y = 0, a village road north from x = 900 (a T), and a lane fragment at y = 530. */
    private static final RoadNetwork ROADS = RoadNetwork.build(
            List.of(road("county", 0, 0, 1000, 0), road("village", 900, 0, 900, 300), road("lane", 0, 530, 200, 530)));

    private static final NetworkDistance DISTANCE = NetworkDistance.of(ROADS, ROADS.reachable(Set.of("county")));

    @Test
    void aHouseThirtyMetresFromANetworkRoad() {
        NearestRoad nearest = DISTANCE.nearest(lonLat(250, 30)).orElseThrow();

        assertThat(nearest.distance()).isCloseTo(30.0, within(0.01));
        assertThat(nearest.roadId()).isEqualTo("county");
        assertThat(nearest.alongEdge()).isCloseTo(250.0, within(0.01));
        Coordinate expected = lonLat(250, 0);
        assertThat(nearest.lonLat().x).isCloseTo(expected.x, within(1e-8));
        assertThat(nearest.lonLat().y).isCloseTo(expected.y, within(1e-8));
    }

    @Test
    void aHouseByAFragmentIsMeasuredToTheNetwork() {
        // 30 m south of the lane, 500 m north of the county road, sqrt(800² + 200²) from the village road
        NearestRoad nearest = DISTANCE.nearest(lonLat(100, 500)).orElseThrow();

        assertThat(nearest.distance()).isCloseTo(500.0, within(0.01));
        assertThat(nearest.roadId()).isEqualTo("county");
        NetworkDistance toLane = NetworkDistance.of(ROADS, ROADS.reachable(Set.of("lane")));
        assertThat(toLane.nearest(lonLat(100, 500)).orElseThrow().distance()).isCloseTo(30.0, within(0.01));
    }

    @Test
    void alongTheNetworkAcrossATJunctionIsTheSumOfTheLegs() {
        // snapped to (100, 0) on the county road and (900, 200) on the village road: 800 + 200
        assertThat(DISTANCE.alongNetwork(lonLat(100, -20), lonLat(920, 200)).orElseThrow())
                .isCloseTo(1000.0, within(0.01));
    }

    @Test
    void onlyTheSeededComponentsAreIndexed() {
        assertThat(DISTANCE.edges()).extracting(RoadEdge::roadId).containsOnly("county", "village");
        assertThat(DISTANCE.edges()).hasSize(3); // the county road is cut at the T
    }

    @Test
    void alongOneEdge() {
        assertThat(DISTANCE.alongNetwork(lonLat(100, 10), lonLat(400, -10)).orElseThrow())
                .isCloseTo(300.0, within(0.01));
    }

    @Test
    void acrossARiverTheRoadDistanceIsFarLongerThanTheStraightLine() {
        // two banks 40 m apart, bridged only at x = 2000
        RoadNetwork roads = RoadNetwork.build(List.of(
                road("south", 0, 0, 2000, 0), road("north", 0, 40, 2000, 40), road("bridge", 2000, 0, 2000, 40)));
        NetworkDistance distance = NetworkDistance.of(roads, roads.reachable(Set.of("south")));
        Coordinate house = lonLat(100, -1);

        assertThat(distance.nearest(lonLat(100, 41)).orElseThrow().distance()).isCloseTo(1.0, within(0.01));
        assertThat(roads.projection()
                        .toMetres(lonLat(100, 0))
                        .distance(roads.projection().toMetres(lonLat(100, 40))))
                .isCloseTo(40.0, within(0.01));
        assertThat(distance.alongNetwork(house, lonLat(100, 41)).orElseThrow())
                .isCloseTo(1900 + 40 + 1900, within(0.01));
    }

    @Test
    void pointsInDifferentSeededComponentsAreUnreachable() {
        RoadNetwork roads = RoadNetwork.build(List.of(road("east", 0, 0, 100, 0), road("west", 0, 200, 100, 200)));
        NetworkDistance distance = NetworkDistance.of(roads, roads.reachable(Set.of("east", "west")));

        assertThat(distance.alongNetwork(lonLat(50, 10), lonLat(50, 190))).isEmpty();
    }

    @Test
    void anEmptyNetworkHasNoNearestRoad() {
        RoadNetwork roads = RoadNetwork.build(List.of(road("A", 0, 0, 100, 0)));
        NetworkDistance distance = NetworkDistance.of(roads, roads.reachable(Set.of()));

        assertThat(distance.nearest(lonLat(0, 0))).isEmpty();
        assertThat(distance.alongNetwork(lonLat(0, 0), lonLat(10, 0))).isEmpty();
    }
}
