package cn.yiyang.planning.geo.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.math.MathUtil;
import org.locationtech.jts.noding.MCIndexNoder;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snap.SnappingIntersectionAdder;
import org.locationtech.jts.noding.snap.SnappingNoder;
import org.locationtech.jts.noding.snap.SnappingPointIndex;

/**
 * JTS's {@link SnappingNoder}, step for step (the same seeding, vertex snapping and snapping intersection adder, so
 * the same pieces from the same input), with its points snapped in a {@link SnapGrid} instead of a {@code KdTree}:
 * the tree does not balance itself, and the vertices of a city's roads, which come road by road, made most of its
 * searches walk long chains (bench/RESULTS.md, issue 14).
 */
final class GridSnappingNoder {

    private GridSnappingNoder() {}

    /**
     * @param input the lines to node
     * @param tolerance the snap tolerance; positive
     * @return the noded pieces, as {@link SnappingNoder#getNodedSubstrings()} gives them
     */
    static Collection<?> node(Collection<SegmentString> input, double tolerance) {
        GridPointIndex index = new GridPointIndex(tolerance);
        seed(index, input);
        List<NodedSegmentString> snapped = new ArrayList<>(input.size());
        for (SegmentString s : input) {
            snapped.add(new NodedSegmentString(snap(index, s.getCoordinates()), s.getData()));
        }
        MCIndexNoder noder = new MCIndexNoder(new SnappingIntersectionAdder(tolerance, index), 2 * tolerance);
        noder.computeNodes(snapped);
        return noder.getNodedSubstrings();
    }

    /** As SnappingNoder seeds its index: a quasi-random hundredth of the vertices of each line of 100 or more. */
    private static void seed(GridPointIndex index, Collection<SegmentString> input) {
        for (SegmentString s : input) {
            Coordinate[] pts = s.getCoordinates();
            int n = pts.length / 100;
            double r = 0;
            for (int i = 0; i < n; i++) {
                r = MathUtil.quasirandom(r);
                index.snap(pts[(int) (pts.length * r)]);
            }
        }
    }

    private static Coordinate[] snap(GridPointIndex index, Coordinate[] coords) {
        CoordinateList out = new CoordinateList();
        for (Coordinate c : coords) {
            out.add(index.snap(c), false);
        }
        return out.toCoordinateArray();
    }

    /** JTS's point index for snapping, over a {@link SnapGrid}. */
    private static final class GridPointIndex extends SnappingPointIndex {
        private final SnapGrid<Void> grid;

        GridPointIndex(double tolerance) {
            super(tolerance);
            this.grid = new SnapGrid<>(tolerance);
        }

        @Override
        public Coordinate snap(Coordinate p) {
            return grid.snap(p, null).point();
        }

        @Override
        public int depth() {
            return 1;
        }
    }
}
