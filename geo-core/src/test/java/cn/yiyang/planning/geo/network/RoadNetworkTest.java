package cn.yiyang.planning.geo.network;

import static cn.yiyang.planning.geo.network.Fixtures.road;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class RoadNetworkTest {

    @Test
    void twoCrossingRoadsMakeFourEdgesOfOneHundredMetres() {
        RoadNetwork roads = RoadNetwork.build(List.of(road("A", 0, 0, 200, 0), road("B", 100, -100, 100, 100)));

        assertThat(roads.projection()).isEqualTo(Fixtures.LOCAL);
        assertThat(roads.edges()).hasSize(4);
        assertThat(roads.nodes()).hasSize(5);
        assertThat(roads.edges()).allSatisfy(e -> assertThat(e.length()).isCloseTo(100.0, within(1e-4)));
        assertThat(roads.edges()).extracting(RoadEdge::roadId).containsExactlyInAnyOrder("A", "A", "B", "B");
        assertThat(roads.components()).singleElement().satisfies(c -> {
            assertThat(c.roadIds()).containsExactly("A", "B");
            assertThat(c.length()).isCloseTo(400.0, within(1e-4));
        });
    }

    @Test
    void endsHalfAMetreApartAreOneNode() {
        RoadNetwork roads = RoadNetwork.build(List.of(road("A", 0, 0, 100, 0), road("B", 100.5, 0, 200, 0)));

        assertThat(roads.nodes()).hasSize(3);
        assertThat(roads.components()).hasSize(1);
    }

    @Test
    void endsTwoMetresApartAreNotJoined() {
        RoadNetwork roads = RoadNetwork.build(List.of(road("A", 0, 0, 100, 0), road("B", 102, 0, 200, 0)));

        assertThat(roads.nodes()).hasSize(4);
        assertThat(roads.components()).hasSize(2);
    }

    @Test
    void anEndHalfAMetreShortOfARoadJoinsItsMiddle() {
        RoadNetwork roads = RoadNetwork.build(List.of(road("A", 0, 0, 200, 0), road("B", 100, 0.5, 100, 100)));

        assertThat(roads.edges()).hasSize(3);
        assertThat(roads.components()).hasSize(1);
    }

    @Test
    void reportsIsolatedFragmentsLongestFirst() {
        RoadNetwork roads = RoadNetwork.build(List.of(
                road("county", 0, 0, 1000, 0),
                road("village", 500, 0, 500, 300),
                road("lane", 0, 500, 200, 500),
                road("track", 2000, 0, 2000, 50),
                road("track2", 2000, 50, 2100, 50)));

        Reachability r = roads.reachable(Set.of("county"));

        assertThat(r.network()).singleElement().satisfies(c -> {
            assertThat(c.roadIds()).containsExactly("county", "village");
            assertThat(c.length()).isCloseTo(1300.0, within(1e-4));
        });
        assertThat(r.networkLength()).isCloseTo(1300.0, within(1e-4));
        assertThat(r.fragments()).hasSize(2);
        assertThat(r.fragments().get(0).roadIds()).containsExactly("lane");
        assertThat(r.fragments().get(0).length()).isCloseTo(200.0, within(1e-4));
        assertThat(r.fragments().get(1).roadIds()).containsExactly("track", "track2");
        assertThat(r.fragments().get(1).length()).isCloseTo(150.0, within(1e-4));
    }

    @Test
    void aMultiLineStringRoadMayFallInTwoComponents() {
        GeometryFactory gf = new GeometryFactory();
        RoadSegment split = new RoadSegment("split", gf.createMultiLineString(new LineString[] {
            (LineString) road("x", 0, 0, 100, 0).lonLat(),
            (LineString) road("x", 0, 300, 50, 300).lonLat()
        }));
        RoadNetwork roads = RoadNetwork.build(List.of(split, road("county", 100, 0, 100, 200)));

        Reachability r = roads.reachable(Set.of("county"));

        assertThat(r.network()).singleElement().satisfies(c -> {
            assertThat(c.roadIds()).containsExactly("county", "split");
            assertThat(c.length()).isCloseTo(300.0, within(1e-4));
        });
        assertThat(r.fragments()).singleElement().satisfies(c -> {
            assertThat(c.roadIds()).containsExactly("split");
            assertThat(c.length()).isCloseTo(50.0, within(1e-4));
        });
    }

    @Test
    void withoutSeedsEverythingIsAFragment() {
        RoadNetwork roads = RoadNetwork.build(List.of(road("A", 0, 0, 100, 0)));

        assertThat(roads.reachable(Set.of("none")).network()).isEmpty();
        assertThat(roads.reachable(Set.of("none")).fragments()).hasSize(1);
    }
}
