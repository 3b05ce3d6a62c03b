package cn.yiyang.planning.geo.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.geo.network.RoadEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class EdgeIndexTest {

    private static final GeometryFactory GF = new GeometryFactory();

    private static List<RoadEdge> randomEdges(Random random, int n, double size) {
        List<RoadEdge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble() * size;
            double y = random.nextDouble() * size;
            Coordinate[] c = new Coordinate[2 + random.nextInt(4)];
            for (int k = 0; k < c.length; k++) {
                c[k] = new Coordinate(
                        400_000 + x + random.nextDouble() * 300, 3_100_000 + y + random.nextDouble() * 300);
            }
            LineString line = GF.createLineString(c);
            edges.add(new RoadEdge(i, "r" + i, -1, -1, line, line.getLength()));
        }
        return edges;
    }

    /**
     * The nearest edge is the nearest of all, for points beside the roads, between them and far outside them (the
     * search box grows several times), as a search over every edge finds it.
     */
    @Test
    void theNearestEdgeIsTheNearestOfAll() {
        Random random = new Random(20261207);
        List<RoadEdge> edges = randomEdges(random, 400, 20_000);
        EdgeIndex index = new EdgeIndex(edges);
        for (int n = 0; n < 3_000; n++) {
            double spread = n % 3 == 0 ? 200_000 : 20_000; // a third far outside the roads
            Coordinate p = new Coordinate(
                    400_000 + random.nextDouble() * spread - (spread - 20_000) / 2,
                    3_100_000 + random.nextDouble() * spread - (spread - 20_000) / 2);
            double expected =
                    edges.stream().mapToDouble(e -> e.distanceTo(p)).min().orElseThrow();
            EdgeIndex.Near near = index.nearest(p, 50);
            assertThat(near.distance()).isEqualTo(expected);
            assertThat(near.edge().distanceTo(p)).isEqualTo(expected);
            assertThat(index.within(p, expected + 1e-6)).isTrue();
            assertThat(index.within(p, expected * 0.999 - 1e-6)).isFalse();
        }
    }

    @Test
    void anEmptyIndexHasNoNearestEdge() {
        EdgeIndex index = new EdgeIndex(List.of());
        assertThat(index.isEmpty()).isTrue();
        assertThat(index.nearest(new Coordinate(400_000, 3_100_000), 50)).isNull();
        assertThat(index.within(new Coordinate(400_000, 3_100_000), 1e9)).isFalse();
    }

    @Test
    void oneEdgeFarAwayIsFound() {
        List<RoadEdge> edges = randomEdges(new Random(1), 1, 10);
        EdgeIndex index = new EdgeIndex(edges);
        Coordinate far = new Coordinate(-5_000_000, 9_000_000);
        assertThat(index.nearest(far, 50).edge()).isSameAs(edges.getFirst());
        assertThat(index.nearest(new Coordinate(Double.NaN, 0), 50)).isNull();
    }
}
