package cn.yiyang.planning.geo.network;

import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * Points snapped within a tolerance, as JTS's {@code KdTree} with a tolerance snaps them on insert, in constant time
 * per point: a point within the tolerance of points already added takes the closest of them (of equally close ones,
 * the least coordinate), else it is added. A {@code KdTree} does not balance itself, and fed a city's road vertices in
 * the order roads come (village by village, each road's vertices in a row) it grows chains thousands of nodes deep:
 * a third of the time the road network's build took on the full demo city went in its searches (bench/RESULTS.md,
 * issue 14). Here points are kept in square cells twice the tolerance wide, so the points within the tolerance of
 * any point lie in at most four cells.
 *
 * @param <T> what each point added carries
 */
final class SnapGrid<T> {

    /** A point added, with what it carries. */
    static final class Entry<T> {
        private final Coordinate point;
        private final T data;
        private Entry<T> next;

        private Entry(Coordinate point, T data) {
            this.point = point;
            this.data = data;
        }

        Coordinate point() {
            return point;
        }

        T data() {
            return data;
        }
    }

    private final double tolerance;
    private final double cell;
    private final Map<Long, Entry<T>> cells = new HashMap<>();
    private int size;

    /** @param tolerance the snap distance; positive */
    SnapGrid(double tolerance) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive: " + tolerance);
        }
        this.tolerance = tolerance;
        this.cell = 2 * tolerance;
    }

    /**
     * Snaps {@code p}: the closest point added within the tolerance (ties: the least coordinate), or else a new entry
     * of {@code p} itself with {@code data}.
     */
    Entry<T> snap(Coordinate p, T data) {
        Entry<T> best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        long x0 = index(p.x - tolerance);
        long x1 = index(p.x + tolerance);
        long y0 = index(p.y - tolerance);
        long y1 = index(p.y + tolerance);
        for (long x = x0; x <= x1; x++) {
            for (long y = y0; y <= y1; y++) {
                for (Entry<T> e = cells.get(key(x, y)); e != null; e = e.next) {
                    double d = p.distance(e.point);
                    if (d <= tolerance
                            && (d < bestDistance || (d == bestDistance && e.point.compareTo(best.point) < 0))) {
                        best = e;
                        bestDistance = d;
                    }
                }
            }
        }
        if (best != null) {
            return best;
        }
        Entry<T> added = new Entry<>(new Coordinate(p), data); // a copy, as a KdNode keeps
        long key = key(index(p.x), index(p.y));
        added.next = cells.get(key);
        cells.put(key, added);
        size++;
        return added;
    }

    /** @return how many points were added (not snapped to others) */
    int size() {
        return size;
    }

    private long index(double v) {
        return (long) Math.floor(v / cell);
    }

    private static long key(long x, long y) {
        return (x << 32) ^ (y & 0xFFFFFFFFL);
    }
}
