package cn.yiyang.planning.geo.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.index.kdtree.KdNode;
import org.locationtech.jts.index.kdtree.KdTree;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snap.SnappingNoder;

/** The grid-based snapping gives what JTS's KdTree and SnappingNoder give, on the same input in the same order. */
class GridSnappingNoderTest {

    @Test
    void theGridSnapsEveryPointAsAKdTreeWithTheSameToleranceDoes() {
        Random random = new Random(20261207);
        for (double tolerance : new double[] {0.5, 1.0, 3.0}) {
            KdTree tree = new KdTree(tolerance);
            SnapGrid<Integer> grid = new SnapGrid<>(tolerance);
            int added = 0;
            for (int i = 0; i < 20_000; i++) {
                // clustered points: many within the tolerance of others, some exactly on them, some negative
                Coordinate p = new Coordinate(
                        -50 + random.nextInt(100) + random.nextGaussian() * tolerance,
                        -50 + random.nextInt(100) + random.nextGaussian() * tolerance);
                if (i % 7 == 0) {
                    p = new Coordinate(Math.floor(p.x), Math.floor(p.y));
                }
                KdNode expected = tree.insert(p, i);
                SnapGrid.Entry<Integer> actual = grid.snap(p, i);
                assertThat(actual.point())
                        .as("point %d at %.1f m", i, tolerance)
                        .isEqualTo(expected.getCoordinate());
                assertThat(actual.data()).isEqualTo(expected.getData());
                if (actual.data() == i) {
                    added++;
                }
            }
            assertThat(grid.size()).isEqualTo(added).isEqualTo(tree.size());
            assertThat(added).as("some points snapped, some added").isBetween(100, 19_900);
        }
    }

    @Test
    void theNoderGivesTheSamePiecesAsJtsSnappingNoder() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<Coordinate[]> lines = new ArrayList<>();
            for (int l = 0; l < 300; l++) {
                // a road: a random walk, its start often on or within a metre of an earlier road's vertex
                int n = 2 + random.nextInt(round % 4 == 0 ? 150 : 12);
                Coordinate[] pts = new Coordinate[n];
                Coordinate start = !lines.isEmpty() && random.nextBoolean()
                        ? lines.get(random.nextInt(lines.size()))[0]
                        : new Coordinate(random.nextDouble() * 2_000, random.nextDouble() * 2_000);
                pts[0] = new Coordinate(
                        start.x + (random.nextBoolean() ? 0 : random.nextGaussian() * 0.7),
                        start.y + (random.nextBoolean() ? 0 : random.nextGaussian() * 0.7));
                for (int i = 1; i < n; i++) {
                    pts[i] = new Coordinate(
                            pts[i - 1].x + random.nextGaussian() * 60, pts[i - 1].y + random.nextGaussian() * 60);
                }
                lines.add(pts);
            }
            SnappingNoder jts = new SnappingNoder(1.0);
            jts.computeNodes(input(lines));
            List<SegmentString> expected = pieces(jts.getNodedSubstrings());
            List<SegmentString> actual = pieces(GridSnappingNoder.node(input(lines), 1.0));
            assertThat(actual).as("round %d", round).hasSameSizeAs(expected);
            assertThat(expected.size()).isGreaterThan(lines.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i).getData()).isEqualTo(expected.get(i).getData());
                assertThat(CoordinateArrays.equals(
                                actual.get(i).getCoordinates(), expected.get(i).getCoordinates()))
                        .as("round %d, piece %d", round, i)
                        .isTrue();
            }
        }
    }

    private static Collection<SegmentString> input(List<Coordinate[]> lines) {
        List<SegmentString> input = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            input.add(new NodedSegmentString(CoordinateArrays.copyDeep(lines.get(i)), "R" + i));
        }
        return input;
    }

    private static List<SegmentString> pieces(Collection<?> noded) {
        List<SegmentString> out = new ArrayList<>();
        for (Object o : noded) {
            out.add((SegmentString) o);
        }
        return out;
    }
}
