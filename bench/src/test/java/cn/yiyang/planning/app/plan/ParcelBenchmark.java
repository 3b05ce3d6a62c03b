package cn.yiyang.planning.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.bench.BenchDatabase;
import cn.yiyang.planning.app.feature.AcceptedWrite;
import cn.yiyang.planning.app.feature.FeatureEditService;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.geo.plan.LandUseClasses;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.store.JdbcConflictJustificationRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureHistoryRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureWriteRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's end-to-end figures for parcels, run by {@code bench/parcel-benchmark.sh} (named neither *Test nor *IT):
 * on the FULL synthetic city (its 三区三线 layers whole), a plan of 500 planned parcels (a 25 × 20 lattice of 0.0008°
 * cells, about 78 m × 89 m, a third of them construction classes) laid over the densest basic farmland;
 * <ol>
 *   <li>saving one parcel through {@link FeatureEditService#patch} (row checks, {@link ParcelRule}: the parcel
 *   check against its neighbours and the plan's conflicts recomputed, the write with its history), on PostGIS and
 *   on the embedded H2GIS store;</li>
 *   <li>the plan's conflict check ({@link ConflictService#conflicts}: parcel read and {@code ConflictCheck} with the
 *   constraint index built) beside the same overlay in PostGIS SQL ({@code ST_Intersection}, {@code
 *   ST_Area(geography)}, {@code ST_Difference} from the town boundary) in the same run; the conflict counts and total
 *   areas are compared.</li>
 * </ol>
 * Writes {@code target/bench/parcel-benchmark.md}.
 */
class ParcelBenchmark {

    static final int SAVES = Integer.getInteger("parcel.benchmark.saves", 100);
    static final int ROUNDS = Integer.getInteger("parcel.benchmark.rounds", 15);
    private static final String PLAN = "BENCH-PLAN-500";
    private static final double CELL = 0.0008;
    private static final int COLUMNS = 25;
    private static final int ROWS = 20;
    private static final String[] CODES = {"01", "0703", "03", "0704", "08", "17", "1202", "01", "09"};
    private static final AppUser PLANNER = new AppUser("planner", EnumSet.of(Role.PLANNER));
    private static final GeometryFactory GF = new GeometryFactory();

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final List<String> report = new ArrayList<>();

    @Test
    void savesAndConflictsOnTheFullCity() throws Exception {
        String url = BenchDatabase.postgis("planning_parcel_bench");
        StoreSettings h2 = BenchDatabase.h2gis(Path.of("target", "bench", "h2-parcels", "planning")
                .toAbsolutePath()
                .toString());
        report.add("# Parcels and conflicts on the full city (" + SAVES + " saves, " + ROUNDS + " conflict rounds)");
        try (SpatialStore pg = SpatialStore.open(new StoreSettings(url, null, null));
                SpatialStore embedded = SpatialStore.open(h2)) {
            pg.migrate();
            embedded.migrate();
            Envelope where = densestFarmland(new JdbcFeatureRepository(pg));
            saves("PostGIS", pg, where);
            saves("H2GIS (embedded)", embedded, where);
            conflicts(pg);
        }
        Path out = Path.of("target", "bench", "parcel-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private void saves(String label, SpatialStore store, Envelope where) throws Exception {
        FeatureRepository features = new JdbcFeatureRepository(store);
        List<Long> ids = plan(features, where);
        ParcelReader reader = new ParcelReader(catalogue, features);
        JdbcConflictJustificationRepository justifications = new JdbcConflictJustificationRepository(store);
        ConflictService conflicts = new ConflictService(
                reader, justifications, new AuditLog(new JdbcAuditRepository(store), Clock.systemUTC()));
        FeatureEditService edits = new FeatureEditService(
                catalogue,
                features,
                new JdbcFeatureWriteRepository(store),
                new JdbcFeatureHistoryRepository(store),
                new LayerVersions(features),
                List.of(new ParcelRule(reader, conflicts, justifications)),
                new AuditLog(new JdbcAuditRepository(store), Clock.systemUTC()));
        JsonMapper json = JsonMapper.builder().build();
        LayerDef landUse = catalogue.get(LayerIds.PLAN_LAND_USE);
        JdbcFeatureWriteRepository writes = new JdbcFeatureWriteRepository(store);
        Random random = new Random(7);
        List<Double> ms = new ArrayList<>();
        long withConflicts = 0;
        for (int i = 0; i < SAVES + 10; i++) {
            long id = ids.get(random.nextInt(ids.size()));
            VersionedFeature current = writes.find(landUse, id).orElseThrow();
            String code = current.feature().getString("land_use_code");
            String next = code.equals("0703") ? "0704" : code.equals("0704") ? "0703" : code;
            long t = System.nanoTime();
            AcceptedWrite w = edits.patch(
                    PLANNER,
                    LayerIds.PLAN_LAND_USE,
                    id,
                    current.version(),
                    json.readTree("{\"properties\":{\"land_use_code\":\"" + next + "\"}}"));
            double took = (System.nanoTime() - t) / 1e6;
            if (i >= 10) { // the first saves warm the JIT and build the constraint index
                ms.add(took);
                withConflicts += w.ruleWarnings().stream()
                        .filter(p -> p.code().equals(ParcelRule.CONFLICT))
                        .count();
            }
        }
        Object count = edits.patch(
                        PLANNER,
                        LayerIds.PLAN_LAND_USE,
                        ids.getFirst(),
                        writes.find(landUse, ids.getFirst()).orElseThrow().version(),
                        json.readTree("{\"properties\":{}}"))
                .properties()
                .get("conflicts");
        report.add(String.format(
                Locale.ROOT,
                "- save one parcel, %s: median %.1f ms, p95 %.1f ms, max %.1f ms (%d saves; %d conflict warnings"
                        + " on the saved parcels; plan: %s)",
                label,
                percentile(ms, 50),
                percentile(ms, 95),
                Collections.max(ms),
                ms.size(),
                withConflicts,
                count));
    }

    private void conflicts(SpatialStore pg) throws Exception {
        FeatureRepository features = new JdbcFeatureRepository(pg);
        ParcelReader reader = new ParcelReader(catalogue, features);
        List<Double> build = new ArrayList<>();
        List<Double> java = new ArrayList<>();
        List<Double> sql = new ArrayList<>();
        List<PlanConflict> found = List.of();
        double[] sqlResult = null;
        for (int round = 0; round < ROUNDS + 3; round++) {
            ConflictService service = new ConflictService(
                    reader,
                    new JdbcConflictJustificationRepository(pg),
                    new AuditLog(new JdbcAuditRepository(pg), Clock.systemUTC()));
            long t0 = System.nanoTime();
            service.check(List.of()); // builds the index: once per constraint data version in the app
            long t1 = System.nanoTime();
            found = service.conflicts(PLANNER, PLAN);
            long t2 = System.nanoTime();
            sqlResult = pg.withConnection(ParcelBenchmark::postgisConflicts);
            long t3 = System.nanoTime();
            if (round >= 3) {
                build.add((t1 - t0) / 1e6);
                java.add((t2 - t1) / 1e6);
                sql.add((t3 - t2) / 1e6);
            }
        }
        double javaArea = found.stream().mapToDouble(PlanConflict::squareMetres).sum();
        report.add(String.format(
                Locale.ROOT,
                "- conflict check of the plan (PostGIS store): Java read + ConflictCheck median %.1f ms (p95 %.1f);"
                        + " constraint index build median %.1f ms (p95 %.1f); PostGIS SQL overlay median %.1f ms"
                        + " (p95 %.1f); SQL / Java = %.1f",
                percentile(java, 50),
                percentile(java, 95),
                percentile(build, 50),
                percentile(build, 95),
                percentile(sql, 50),
                percentile(sql, 95),
                percentile(sql, 50) / percentile(java, 50)));
        report.add(String.format(
                Locale.ROOT,
                "- conflicts: Java %d, %.1f m²; PostGIS SQL %d, %.1f m² (area difference %.4f %%)",
                found.size(),
                javaArea,
                (long) sqlResult[0],
                sqlResult[1],
                100 * Math.abs(javaArea - sqlResult[1]) / sqlResult[1]));
        assertThat((long) sqlResult[0]).isEqualTo(found.size());
    }

    /**
     * The same overlay in SQL: planned construction parcels on farmland or the red line (intersection per pair),
     * town-type parcels outside the town boundary (difference from the union of the boundary polygons they meet).
     */
    private static double[] postgisConflicts(Connection c) throws SQLException {
        String construction = likeAny(LandUseClasses.DEFAULT.construction());
        String town = likeAny(LandUseClasses.DEFAULT.townType());
        String sql = "WITH p AS (SELECT id, geom, land_use_code FROM plan_land_use WHERE plan_code = ? AND state ="
                + " 'planned' AND (" + construction + ")), o AS ("
                + " SELECT ST_Intersection(p.geom, c.geom) g FROM p JOIN basic_farmland c ON ST_Intersects(p.geom, c.geom)"
                + " UNION ALL SELECT ST_Intersection(p.geom, c.geom) FROM p JOIN ecological_redline c"
                + "  ON ST_Intersects(p.geom, c.geom)"
                + " UNION ALL SELECT ST_Difference(p.geom, COALESCE((SELECT ST_Union(t.geom) FROM"
                + "  town_development_boundary t WHERE ST_Intersects(t.geom, p.geom)), 'SRID=4490;POLYGON EMPTY'::geometry))"
                + "  FROM p WHERE " + town.replace("land_use_code", "p.land_use_code") + ")"
                + " SELECT COUNT(*), COALESCE(SUM(a), 0) FROM (SELECT ST_Area(ST_CollectionExtract(g, 3)::geography) a"
                + " FROM o) x WHERE a > 0.01";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, PLAN);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[] {rs.getLong(1), rs.getDouble(2)};
            }
        }
    }

    private static String likeAny(Set<String> prefixes) {
        return String.join(
                " OR ",
                prefixes.stream().map(p -> "land_use_code LIKE '" + p + "%'").toList());
    }

    /** The envelope of the plan: the lattice's south-west corner at the basic farmland's densest cell. */
    private Envelope densestFarmland(FeatureRepository features) {
        LayerDef farmland = catalogue.get(LayerIds.BASIC_FARMLAND);
        Map<String, Integer> cells = new HashMap<>();
        features.forEach(farmland, f -> {
            Coordinate c = f.geometry().getCentroid().getCoordinate();
            cells.merge((int) Math.floor(c.x / 0.02) + ":" + (int) Math.floor(c.y / 0.016), 1, Integer::sum);
        });
        String best = cells.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        String[] xy = best.split(":");
        double west = Integer.parseInt(xy[0]) * 0.02;
        double south = Integer.parseInt(xy[1]) * 0.016;
        return new Envelope(west, west + COLUMNS * CELL, south, south + ROWS * CELL);
    }

    /** The bench plan and its 500 planned parcels (replaced on each run, so that every run starts alike). */
    private List<Long> plan(FeatureRepository features, Envelope where) throws Exception {
        LayerDef plans = catalogue.get(LayerIds.VILLAGE_PLAN);
        LayerDef landUse = catalogue.get(LayerIds.PLAN_LAND_USE);
        MultiPolygon boundary = GF.createMultiPolygon(new Polygon[] {(Polygon) GF.toGeometry(where)});
        features.load(
                plans,
                LoadMode.UPSERT,
                List.of(new Feature(
                                null,
                                Map.of(
                                        "code",
                                        PLAN,
                                        "name",
                                        "基准规划",
                                        "village_codes",
                                        "430921001001",
                                        "status",
                                        "compiling"),
                                Map.of(),
                                boundary))
                        .iterator());
        List<Feature> parcels = new ArrayList<>();
        for (int col = 0; col < COLUMNS; col++) {
            for (int row = 0; row < ROWS; row++) {
                Envelope cell = new Envelope(
                        where.getMinX() + col * CELL,
                        where.getMinX() + (col + 1) * CELL,
                        where.getMinY() + row * CELL,
                        where.getMinY() + (row + 1) * CELL);
                parcels.add(new Feature(
                        null,
                        Map.of(
                                "plan_code",
                                PLAN,
                                "land_use_code",
                                CODES[(col * ROWS + row) % CODES.length],
                                "state",
                                "planned"),
                        Map.of(),
                        GF.createMultiPolygon(new Polygon[] {(Polygon) GF.toGeometry(cell)})));
            }
        }
        // replaces the layer: the bench databases are this harness's own
        features.load(landUse, LoadMode.REPLACE, parcels.iterator());
        return features
                .page(
                        landUse,
                        FeatureQuery.first(1000)
                                .withFilters(List.of(FeatureQuery.AttributeFilter.equalTo("plan_code", PLAN))))
                .stream()
                .map(Feature::id)
                .toList();
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
