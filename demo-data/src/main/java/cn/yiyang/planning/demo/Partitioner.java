package cn.yiyang.planning.demo;

import cn.yiyang.planning.geo.geom.CoordinateMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Splits a polygon into regions that tile it exactly: no gaps, no overlaps, each region one piece
 * around its seed, each with about its share of the area.
 *
 * <p>The polygon is cut into small Voronoi cells (a jittered grid plus the seeds and anchors),
 * clipped to it on the 1 cm grid of {@link Geo#PM} so that neighbours share their vertices. Cells
 * go to the region whose anchors are nearest after subtracting a per-region weight (an additively
 * weighted Voronoi diagram), and the weights are adjusted until the areas match their shares.
 * Stray cells not connected to their region's seed go to a neighbour, and each region's cells are
 * unioned. Region borders therefore follow cell edges: irregular, like real boundaries.
 */
final class Partitioner {

    /**
     * A region to grow.
     *
     * @param seed    a point the region always contains
     * @param anchors further points that pull the region's shape (may be empty)
     * @param weight  its relative share of the area
     */
    record Region(Coordinate seed, List<Coordinate> anchors, double weight) {
        Region(Coordinate seed, double weight) {
            this(seed, List.of(), weight);
        }
    }

    private Partitioner() {}

    /**
     * The regions' polygons, in the order of {@code regions}, tiling {@code area}.
     *
     * @param cellSize the spacing of the cells in metres (borders are drawn at this resolution)
     * @param balance  whether to balance the areas by their weights; if not, cells go to the
     *                 nearest anchor and the areas follow from where the anchors are
     */
    static List<Geometry> partition(Geometry area, List<Region> regions, double cellSize, boolean balance, Rng rng) {
        int n = regions.size();
        if (n == 1) {
            return List.of(area);
        }
        PreparedGeometry prep = PreparedGeometryFactory.prepare(area);
        Sites sites = sites(area, prep, regions, cellSize, rng);
        Pieces pieces = pieces(area, prep, sites, n, cellSize);
        double[][] dist = anchorDistances(pieces.refs(), sites.anchorsOf());
        int[] assign = assign(pieces, regions, dist, cellSize, balance);
        makeContiguous(adjacency(pieces.polygons()), assign, pieces.seedPiece());
        return union(pieces.polygons(), assign, n);
    }

    /**
     * The sites of the Voronoi cells.
     *
     * @param coordinates every site: the regions' seeds and anchors first (the owned sites), then the grid
     * @param owner       per site, the region it belongs to, or -1 for a grid site
     * @param anchorsOf   per region, its seed and those of its anchors that lie in the area
     * @param seedSite    per region, the index of its seed among the sites
     */
    private record Sites(
            List<Coordinate> coordinates, List<Integer> owner, List<List<Coordinate>> anchorsOf, int[] seedSite) {}

    /**
     * The Voronoi cells clipped to the area, as connected pieces.
     *
     * @param polygons  the pieces
     * @param refs      per piece, where its distances are measured from: its site, or an interior point for a piece
     *                  the outline cut off its site
     * @param forcedTo  per piece, the region it must belong to (it holds that region's seed or anchor), or -1
     * @param seedPiece per region, the piece holding its seed, or -1
     * @param areas     per piece, its area in square metres
     * @param total     the sum of {@code areas}
     */
    private record Pieces(
            List<Polygon> polygons,
            List<Coordinate> refs,
            int[] forcedTo,
            int[] seedPiece,
            double[] areas,
            double total) {}

    /**
     * Phase 1, the sites: each region's seed and the anchors that lie in the area, owned by the region, then a grid
     * of free sites one cell apart, jittered so that the cells (and so the borders drawn along them) are irregular.
     * A grid site too close to an owned one is left out, so that no sliver cell squeezes beside a seed.
     */
    private static Sites sites(Geometry area, PreparedGeometry prep, List<Region> regions, double cellSize, Rng rng) {
        int n = regions.size();
        List<Coordinate> sites = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        List<List<Coordinate>> anchorsOf = new ArrayList<>();
        int[] seedSite = new int[n];
        for (int r = 0; r < n; r++) {
            Region reg = regions.get(r);
            if (!prep.contains(Geo.point(reg.seed()))) {
                throw new IllegalArgumentException("seed " + r + " lies outside the area");
            }
            List<Coordinate> anchors = new ArrayList<>();
            anchors.add(reg.seed());
            seedSite[r] = sites.size();
            sites.add(reg.seed());
            owner.add(r);
            for (Coordinate a : reg.anchors()) {
                if (prep.contains(Geo.point(a))) {
                    anchors.add(a);
                    sites.add(a);
                    owner.add(r);
                }
            }
            anchorsOf.add(anchors);
        }
        int owned = sites.size();
        double gap = 0.45 * cellSize;
        Envelope env = area.getEnvelopeInternal();
        double y0 = env.getMinY() + rng.uniform(0, cellSize);
        double x0 = env.getMinX() + rng.uniform(0, cellSize);
        for (double y = y0; y < env.getMaxY(); y += cellSize) {
            for (double x = x0; x < env.getMaxX(); x += cellSize) {
                Coordinate c =
                        Geo.snap(x + rng.uniform(-0.35, 0.35) * cellSize, y + rng.uniform(-0.35, 0.35) * cellSize);
                if (near(c, sites, owned, gap) || !prep.contains(Geo.point(c))) {
                    continue;
                }
                sites.add(c);
                owner.add(-1);
            }
        }
        return new Sites(sites, owner, anchorsOf, seedSite);
    }

    /**
     * Phase 2, the pieces: the Voronoi cells of the sites, on the 1 cm grid so that neighbouring cells share their
     * vertices exactly (the regions' unions then have no slivers), clipped to the area. A cell the outline cuts into
     * several polygons gives one piece each; only the piece holding the site keeps the site's owner, the others
     * are free and are measured from a point of their own.
     */
    private static Pieces pieces(Geometry area, PreparedGeometry prep, Sites sites, int n, double cellSize) {
        List<Coordinate> coordinates = sites.coordinates();
        Map<Coordinate, Integer> siteIndex = new HashMap<>();
        for (int i = 0; i < coordinates.size(); i++) {
            siteIndex.put(coordinates.get(i), i);
        }
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(coordinates);
        Envelope clip = new Envelope(area.getEnvelopeInternal());
        clip.expandBy(cellSize * 3);
        vb.setClipEnvelope(clip);
        Geometry diagram = vb.getDiagram(Geo.M);

        List<Polygon> pieces = new ArrayList<>();
        List<Coordinate> refs = new ArrayList<>();
        List<Integer> forced = new ArrayList<>();
        int[] seedPiece = new int[n];
        Arrays.fill(seedPiece, -1);
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            Integer s = siteIndex.get((Coordinate) cell.getUserData());
            if (s == null) {
                continue;
            }
            Coordinate site = coordinates.get(s);
            Geometry c = rounded(cell);
            boolean whole = prep.containsProperly(c);
            if (!whole) {
                c = Geo.intersection(c, area);
            }
            for (Polygon p : Geo.polygons(c)) {
                if (p.getArea() < 1e-2) {
                    continue;
                }
                boolean hasSite = whole || p.intersects(Geo.point(site));
                int o = hasSite ? sites.owner().get(s) : -1;
                if (hasSite && o >= 0 && s == sites.seedSite()[o]) {
                    seedPiece[o] = pieces.size();
                }
                pieces.add(p);
                refs.add(hasSite ? site : p.getInteriorPoint().getCoordinate());
                forced.add(o);
            }
        }
        int count = pieces.size();
        int[] forcedTo = forced.stream().mapToInt(Integer::intValue).toArray();
        double[] pieceArea = new double[count];
        double total = 0;
        for (int p = 0; p < count; p++) {
            pieceArea[p] = pieces.get(p).getArea();
            total += pieceArea[p];
        }
        return new Pieces(pieces, refs, forcedTo, seedPiece, pieceArea, total);
    }

    /**
     * Phase 3, the distances: from each piece to the nearest anchor of each region. A region is as near as its
     * nearest anchor, which is how anchors pull its shape (a county towards its townships' seats).
     */
    private static double[][] anchorDistances(List<Coordinate> refs, List<List<Coordinate>> anchorsOf) {
        int n = anchorsOf.size();
        double[][] dist = new double[refs.size()][n];
        for (int p = 0; p < refs.size(); p++) {
            Coordinate ref = refs.get(p);
            for (int r = 0; r < n; r++) {
                double best = Double.MAX_VALUE;
                for (Coordinate a : anchorsOf.get(r)) {
                    best = Math.min(best, Geo.distance(ref, a));
                }
                dist[p][r] = best;
            }
        }
        return dist;
    }

    /**
     * Phase 4, the assignment: each free piece goes to the region nearest after subtracting the region's additive
     * weight (a weighted Voronoi diagram of the anchors). With {@code balance} the weights grow for regions short
     * of their share of the area and shrink for the others, for at most 150 rounds or until every region is within
     * the tolerance; the best assignment seen is kept, since the areas need not converge.
     *
     * @return per piece, its region
     */
    private static int[] assign(
            Pieces pieces, List<Region> regions, double[][] dist, double cellSize, boolean balance) {
        int n = regions.size();
        int count = pieces.polygons().size();
        double total = pieces.total();
        double weightSum = regions.stream().mapToDouble(Region::weight).sum();
        double[] target = new double[n];
        for (int r = 0; r < n; r++) {
            target[r] = total * regions.get(r).weight() / weightSum;
        }
        int[][] candidates = candidates(dist, n);
        // Additive weights, adjusted in small steps: a large step lets one region swallow a
        // neighbour's surroundings, cutting it off from its seed, and the areas oscillate.
        double[][] seedDistance = seedDistances(regions);
        double[] w = new double[n];
        int[] assign = new int[count];
        int[] best = null;
        double bestError = Double.MAX_VALUE;
        double maxStep = 0.6 * cellSize;
        // Cells are the grain of the areas: do not chase a precision finer than about one cell.
        double tolerance = 0.03;
        for (int r = 0; r < n; r++) {
            tolerance = Math.max(tolerance, 0.8 * total / count / target[r]);
        }
        for (int iter = 0; iter < 150; iter++) {
            assignNearest(pieces.forcedTo(), candidates, dist, w, assign);
            double[] got = new double[n];
            for (int p = 0; p < count; p++) {
                got[assign[p]] += pieces.areas()[p];
            }
            double worst = 0;
            for (int r = 0; r < n; r++) {
                worst = Math.max(worst, Math.abs(got[r] - target[r]) / target[r]);
            }
            if (worst < bestError) {
                bestError = worst;
                best = assign.clone();
            }
            if (!balance || worst < tolerance) {
                break;
            }
            double step = iter < 60 ? 0.5 : 0.25;
            for (int r = 0; r < n; r++) {
                double dw = step * (Math.sqrt(target[r] / Math.PI) - Math.sqrt(got[r] / Math.PI));
                w[r] += Math.max(-maxStep, Math.min(maxStep, dw));
            }
            keepSeedsInside(w, seedDistance);
        }
        return best;
    }

    /** Only the nearest regions compete for a piece (weights are bounded by seed distances): their indices. */
    private static int[][] candidates(double[][] dist, int n) {
        int k = Math.min(n, 10);
        int[][] candidates = new int[dist.length][];
        for (int p = 0; p < dist.length; p++) {
            double[] dp = dist[p];
            candidates[p] = IntStream.range(0, n)
                    .boxed()
                    .sorted((x, y) -> Double.compare(dp[x], dp[y]))
                    .limit(k)
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        return candidates;
    }

    private static double[][] seedDistances(List<Region> regions) {
        int n = regions.size();
        double[][] seedDistance = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int q = 0; q < n; q++) {
                seedDistance[r][q] =
                        Geo.distance(regions.get(r).seed(), regions.get(q).seed());
            }
        }
        return seedDistance;
    }

    /** One round of the assignment: forced pieces to their region, free ones to the nearest after the weights. */
    private static void assignNearest(int[] forcedTo, int[][] candidates, double[][] dist, double[] w, int[] assign) {
        for (int p = 0; p < assign.length; p++) {
            int a = forcedTo[p];
            if (a < 0) {
                double nearest = Double.MAX_VALUE;
                for (int r : candidates[p]) {
                    double d = dist[p][r] - w[r];
                    if (d < nearest) {
                        nearest = d;
                        a = r;
                    }
                }
            }
            assign[p] = a;
        }
    }

    /**
     * Keeps every seed nearer (weighted) to its own region than to any other: then each region of a single seed is
     * star-shaped around it, hence in one piece. Weights differing by more than 0.8 of their seeds' distance are
     * moved towards each other, in three passes.
     */
    private static void keepSeedsInside(double[] w, double[][] seedDistance) {
        int n = w.length;
        for (int pass = 0; pass < 3; pass++) {
            for (int r = 0; r < n; r++) {
                for (int q = 0; q < n; q++) {
                    double limit = 0.8 * seedDistance[r][q];
                    double excess = w[r] - w[q] - limit;
                    if (r != q && excess > 0) {
                        w[r] -= excess / 2;
                        w[q] += excess / 2;
                    }
                }
            }
        }
    }

    /**
     * Phase 6, the regions: each region's pieces unioned as a coverage (exact, since neighbours share their
     * vertices), without holes under a square metre (noise of the snapping).
     */
    private static List<Geometry> union(List<Polygon> pieces, int[] assign, int n) {
        List<List<Geometry>> byRegion = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            byRegion.add(new ArrayList<>());
        }
        for (int p = 0; p < assign.length; p++) {
            byRegion.get(assign[p]).add(pieces.get(p));
        }
        List<Geometry> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            out.add(Geo.clean(Geo.coverageUnion(byRegion.get(r)), 1.0));
        }
        return out;
    }

    /**
     * Phase 5, one piece per region: moves the pieces not connected (through shared edges) to their region's seed
     * piece to the neighbouring region most of their edges touch, until none is left, since a weighted assignment
     * can leave a region a few cells cut off from it.
     */
    private static void makeContiguous(List<int[]> adjacency, int[] assign, int[] seedPiece) {
        int count = assign.length;
        for (int round = 0; round < 50; round++) {
            boolean[] reached = new boolean[count];
            int[] queue = new int[count];
            int head = 0;
            int tail = 0;
            for (int sp : seedPiece) {
                if (sp >= 0) {
                    reached[sp] = true;
                    queue[tail++] = sp;
                }
            }
            while (head < tail) {
                int p = queue[head++];
                for (int q : adjacency.get(p)) {
                    if (!reached[q] && assign[q] == assign[p]) {
                        reached[q] = true;
                        queue[tail++] = q;
                    }
                }
            }
            if (tail == count) {
                return;
            }
            boolean changed = false;
            int[] next = assign.clone();
            for (int p = 0; p < count; p++) {
                if (reached[p]) {
                    continue;
                }
                Map<Integer, Integer> votes = new HashMap<>();
                for (int q : adjacency.get(p)) {
                    if (reached[q] && assign[q] != assign[p]) {
                        votes.merge(assign[q], 1, Integer::sum);
                    }
                }
                int best = -1;
                int bestVotes = 0;
                for (Map.Entry<Integer, Integer> e : votes.entrySet()) {
                    if (e.getValue() > bestVotes || e.getValue() == bestVotes && e.getKey() < best) {
                        best = e.getKey();
                        bestVotes = e.getValue();
                    }
                }
                if (best >= 0) {
                    next[p] = best;
                    changed = true;
                }
            }
            System.arraycopy(next, 0, assign, 0, count);
            if (!changed) {
                return;
            }
        }
    }

    /** Pieces sharing at least two vertices (an edge) are neighbours. */
    private static List<int[]> adjacency(List<Polygon> pieces) {
        Map<Coordinate, List<Integer>> byVertex = new HashMap<>();
        for (int p = 0; p < pieces.size(); p++) {
            Polygon poly = pieces.get(p);
            LinkedHashSet<Coordinate> vertices = new LinkedHashSet<>(List.of(poly.getCoordinates()));
            for (Coordinate c : vertices) {
                byVertex.computeIfAbsent(c, k -> new ArrayList<>(3)).add(p);
            }
        }
        Map<Long, Integer> shared = new HashMap<>();
        long size = pieces.size();
        for (List<Integer> at : byVertex.values()) {
            for (int i = 0; i < at.size(); i++) {
                for (int j = i + 1; j < at.size(); j++) {
                    int a = Math.min(at.get(i), at.get(j));
                    int b = Math.max(at.get(i), at.get(j));
                    shared.merge(a * size + b, 1, Integer::sum);
                }
            }
        }
        List<List<Integer>> lists = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            lists.add(new ArrayList<>());
        }
        shared.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .map(Map.Entry::getKey)
                .sorted()
                .forEach(k -> {
                    int a = (int) (k / size);
                    int b = (int) (k % size);
                    lists.get(a).add(b);
                    lists.get(b).add(a);
                });
        List<int[]> out = new ArrayList<>(lists.size());
        for (List<Integer> l : lists) {
            out.add(l.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private static boolean near(Coordinate c, List<Coordinate> sites, int upTo, double gap) {
        for (int i = 0; i < upTo; i++) {
            if (Geo.distance(c, sites.get(i)) < gap) {
                return true;
            }
        }
        return false;
    }

    /** The cell on the 1 cm grid (vertices rounded; shared vertices stay shared). */
    private static Geometry rounded(Geometry cell) {
        Geometry g = cell.copy();
        CoordinateMapping.inPlace(g, c -> {
            c.x = Geo.PM.makePrecise(c.x);
            c.y = Geo.PM.makePrecise(c.y);
        });
        return g.isValid() ? g : GeometryPrecisionReducer.reduce(cell, Geo.PM);
    }

    /**
     * {@code n} points spread evenly over {@code area}: random points moved {@code iterations}
     * times to the centroid of their Voronoi cell (Lloyd relaxation), next to the {@code fixed}
     * points, which do not move.
     */
    static List<Coordinate> spread(Geometry area, int n, List<Coordinate> fixed, int iterations, Rng rng) {
        PreparedGeometry prep = PreparedGeometryFactory.prepare(area);
        List<Coordinate> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Coordinate c = Geo.randomPointIn(prep, rng);
            pts.add(c != null ? c : area.getInteriorPoint().getCoordinate());
        }
        Envelope clip = new Envelope(area.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        for (int it = 0; it < iterations; it++) {
            List<Coordinate> sites = new ArrayList<>(fixed);
            sites.addAll(pts);
            Map<Coordinate, Integer> free = new HashMap<>();
            for (int i = 0; i < pts.size(); i++) {
                free.putIfAbsent(pts.get(i), i);
            }
            VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
            vb.setSites(sites);
            vb.setClipEnvelope(clip);
            Geometry diagram = vb.getDiagram(Geo.M);
            Coordinate[] moved = pts.toArray(Coordinate[]::new);
            for (int i = 0; i < diagram.getNumGeometries(); i++) {
                Geometry cell = diagram.getGeometryN(i);
                Integer k = free.get((Coordinate) cell.getUserData());
                if (k == null || fixed.contains((Coordinate) cell.getUserData())) {
                    continue;
                }
                Geometry inside = prep.containsProperly(cell) ? cell : cell.intersection(area);
                if (inside.isEmpty()) {
                    continue;
                }
                Coordinate c = inside.getCentroid().getCoordinate();
                if (!prep.contains(Geo.point(c))) {
                    c = inside.getInteriorPoint().getCoordinate();
                }
                moved[k] = Geo.snap(c.x, c.y);
            }
            pts = new ArrayList<>(List.of(moved));
        }
        return pts;
    }
}
