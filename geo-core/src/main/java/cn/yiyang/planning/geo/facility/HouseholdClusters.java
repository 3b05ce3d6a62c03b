package cn.yiyang.planning.geo.facility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * Single-linkage clusters of points: two points within the link distance of each other are in one cluster (DBSCAN
 * with every point a core point, which, unlike DBSCAN, does not depend on the order of the points). Points are binned
 * in a grid of cells as wide as the link distance, so each point is compared with the points of its 3 × 3 cells
 * only: linear in the number of points for settlement densities.
 */
final class HouseholdClusters {

    private HouseholdClusters() {}

    /**
     * @param metres points in a projection's metres
     * @param link the link distance in the same metres (inclusive)
     * @return the size of each cluster, in no particular order
     */
    static List<Integer> sizes(List<Coordinate> metres, double link) {
        int n = metres.size();
        int[] parent = new int[n];
        Arrays.setAll(parent, i -> i);
        Map<Long, List<Integer>> grid = new HashMap<>();
        long[] cx = new long[n];
        long[] cy = new long[n];
        for (int i = 0; i < n; i++) {
            cx[i] = (long) Math.floor(metres.get(i).x / link);
            cy[i] = (long) Math.floor(metres.get(i).y / link);
            grid.computeIfAbsent(key(cx[i], cy[i]), k -> new ArrayList<>()).add(i);
        }
        double limit2 = link * link;
        for (int i = 0; i < n; i++) {
            Coordinate p = metres.get(i);
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    for (int j : grid.getOrDefault(key(cx[i] + dx, cy[i] + dy), List.of())) {
                        if (j > i) {
                            double ex = p.x - metres.get(j).x;
                            double ey = p.y - metres.get(j).y;
                            if (ex * ex + ey * ey <= limit2) {
                                union(parent, i, j);
                            }
                        }
                    }
                }
            }
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int i = 0; i < n; i++) {
            sizes.merge(find(parent, i), 1, Integer::sum);
        }
        return new ArrayList<>(sizes.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static long key(long x, long y) {
        return x * 4_000_003L + y;
    }
}
