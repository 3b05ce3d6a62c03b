package cn.yiyang.planning.bench;

import cn.yiyang.planning.geo.plan.ClassLevel;
import cn.yiyang.planning.geo.plan.Conflict;
import cn.yiyang.planning.geo.plan.ConflictCheck;
import cn.yiyang.planning.geo.plan.Constraint;
import cn.yiyang.planning.geo.plan.ConstraintLayer;
import cn.yiyang.planning.geo.plan.LandUseBalance;
import cn.yiyang.planning.geo.plan.ParcelCheck;
import cn.yiyang.planning.geo.plan.ParcelProblem;
import cn.yiyang.planning.geo.plan.ParcelState;
import cn.yiyang.planning.geo.plan.PlanParcel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Times geo-core's village-plan operations (issue 12) on a synthetic plan near Yiyang: the parcel check
 * ({@link ParcelCheck}) and the conflict check ({@link ConflictCheck}, index built once, then run) of a plan of
 * 500 parcels in each state against a few thousand constraint polygons spread over the whole city, and the
 * land-use balance. Prints the median and range of each after warm-up runs. No database, no app: the figures are
 * geo-core's alone.
 *
 * <p>Arguments (optional): runs (default 15), constraint polygons (default 3000). Run with
 * {@code bench/plan-check-benchmark.sh}.
 */
public final class PlanCheckBenchmark {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final int COLUMNS = 25;
    private static final int ROWS = 20;
    /** Cell size, degrees: about 78 m × 89 m, a typical village parcel. */
    private static final double CELL = 0.0008;

    private static final double WEST = 112.30;
    private static final double SOUTH = 28.50;
    private static final String[] CODES = {
        "0101", "0103", "0301", "0601", "0703", "0704", "0804", "0901", "1001", "1101", "1202", "1301", "17"
    };

    private PlanCheckBenchmark() {}

    /**
     * @param args runs, constraint polygons
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int constraintCount = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Random random = new Random(12);
        Coordinate[][] lattice = lattice(random);
        List<PlanParcel> parcels = new ArrayList<>();
        parcels.addAll(parcels(lattice, ParcelState.CURRENT, random));
        parcels.addAll(parcels(lattice, ParcelState.PLANNED, random));
        Geometry boundary = GF.createPolygon(new Coordinate[] {
            lattice[0][0], lattice[COLUMNS][0], lattice[COLUMNS][ROWS], lattice[0][ROWS], lattice[0][0]
        });
        List<Constraint> constraints = constraints(constraintCount, random);
        long vertices =
                constraints.stream().mapToLong(c -> c.geometry().getNumPoints()).sum();
        System.out.printf(
                Locale.ROOT,
                "plan: %d parcels (%d per state), constraints: %d polygons, %d vertices%n",
                parcels.size(),
                parcels.size() / 2,
                constraints.size(),
                vertices);

        List<ParcelProblem> problems = ParcelCheck.check(boundary, parcels);
        ConflictCheck conflictCheck = ConflictCheck.of(constraints);
        List<Conflict> conflicts = conflictCheck.run(parcels);
        System.out.printf(
                Locale.ROOT,
                "found: %d parcel problems %s, %d conflicts %s%n",
                problems.size(),
                problems.stream()
                        .collect(Collectors.groupingBy(ParcelProblem::kind, TreeMap::new, Collectors.counting())),
                conflicts.size(),
                conflicts.stream().collect(Collectors.groupingBy(Conflict::kind, TreeMap::new, Collectors.counting())));

        report("parcel check (validity, boundary, overlaps, gaps)", runs, () -> ParcelCheck.check(boundary, parcels));
        report("conflict check, index built once, run", runs, () -> conflictCheck.run(parcels));
        report("conflict check, index build", runs, () -> ConflictCheck.of(constraints));
        report("land-use balance", runs, () -> LandUseBalance.of(parcels, ClassLevel.TOP_LEVEL));
    }

    private static void report(String name, int runs, Supplier<?> task) {
        for (int i = 0; i < 5; i++) {
            task.get(); // warm-up: the JIT, and the prepared geometries' lazy indexes
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
                Locale.ROOT,
                "RESULT %-52s median %8.1f ms  (%.1f–%.1f, %d runs)%n",
                name,
                ms[runs / 2],
                ms[0],
                ms[runs - 1],
                runs);
    }

    /** Shared, jittered parcel corners, so that neighbouring parcels meet exactly. */
    private static Coordinate[][] lattice(Random random) {
        Coordinate[][] corners = new Coordinate[COLUMNS + 1][ROWS + 1];
        for (int i = 0; i <= COLUMNS; i++) {
            for (int j = 0; j <= ROWS; j++) {
                boolean edge = i == 0 || j == 0 || i == COLUMNS || j == ROWS;
                double jx = edge ? 0 : (random.nextDouble() - 0.5) * CELL * 0.4;
                double jy = edge ? 0 : (random.nextDouble() - 0.5) * CELL * 0.4;
                corners[i][j] = new Coordinate(WEST + i * CELL + jx, SOUTH + j * CELL + jy);
            }
        }
        return corners;
    }

    /** 500 parcels on the lattice; a few deliberately overlap their neighbour, and one leaves a gap. */
    private static List<PlanParcel> parcels(Coordinate[][] c, ParcelState state, Random random) {
        List<PlanParcel> out = new ArrayList<>();
        for (int i = 0; i < COLUMNS; i++) {
            for (int j = 0; j < ROWS; j++) {
                Coordinate ne = c[i + 1][j + 1];
                if (i == 7 && j == 7) {
                    ne = new Coordinate((ne.x + c[i][j].x) / 2, (ne.y + c[i][j].y) / 2); // leaves a gap
                }
                if ((i * ROWS + j) % 97 == 0 && i + 1 < COLUMNS) {
                    ne = new Coordinate(ne.x + CELL * 0.1, ne.y); // an overlap with the parcel east
                }
                Polygon p = GF.createPolygon(new Coordinate[] {c[i][j], c[i + 1][j], ne, c[i][j + 1], c[i][j]});
                String code = CODES[random.nextInt(CODES.length)];
                out.add(new PlanParcel(state.name() + "-" + i + "-" + j, code, state, p));
            }
        }
        return out;
    }

    /**
     * Constraint polygons over the whole city (110.7°–112.9°E, 28.0°–29.5°N), irregular with 40–200 vertices,
     * one in a hundred around the plan so that it has conflicts: 70 % farmland, 25 % red line, 5 % town boundary.
     */
    private static List<Constraint> constraints(int count, Random random) {
        List<Constraint> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            boolean near = n % 100 == 0;
            double x = near ? WEST + random.nextDouble() * COLUMNS * CELL : 110.7 + random.nextDouble() * 2.2;
            double y = near ? SOUTH + random.nextDouble() * ROWS * CELL : 28.0 + random.nextDouble() * 1.5;
            double radius = 0.001 + random.nextDouble() * 0.004;
            int vertices = 40 + random.nextInt(161);
            Coordinate[] ring = new Coordinate[vertices + 1];
            for (int k = 0; k < vertices; k++) {
                double angle = 2 * Math.PI * k / vertices;
                double r = radius * (0.7 + 0.3 * random.nextDouble());
                ring[k] = new Coordinate(x + r * Math.cos(angle), y + r * Math.sin(angle));
            }
            ring[vertices] = ring[0];
            int draw = random.nextInt(20);
            ConstraintLayer layer = draw == 0
                    ? ConstraintLayer.TOWN_DEVELOPMENT_BOUNDARY
                    : draw <= 5 ? ConstraintLayer.ECOLOGICAL_REDLINE : ConstraintLayer.BASIC_FARMLAND;
            out.add(new Constraint(layer.name() + "-" + n, layer, GF.createPolygon(ring)));
        }
        return out;
    }
}
