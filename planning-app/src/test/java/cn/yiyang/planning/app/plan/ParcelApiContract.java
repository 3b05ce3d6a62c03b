package cn.yiyang.planning.app.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plan's parcels through the feature API with their checks, the 多规合一 conflicts (areas against PostGIS
 * {@code ST_Intersection}), justifications and the approval gate, and the land-use balance (JSON against PostGIS
 * {@code ST_Area(geography)}, the XLSX read back). Subclasses pick the store; each test works on its own plan in its
 * own patch of ground (0.02° apart), so that they do not meet.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.map.version-check=PT1H"})
abstract class ParcelApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PARCELS = "/api/v1/layers/plan_land_use/features";
    private static final AtomicInteger PLANS = new AtomicInteger();
    private static final double Y0 = 28.50;

    /** The reference: PostGIS computes the areas the app must match, on either store. */
    private static TestStore reference;

    private static Connection postgis;

    @LocalServerPort
    int port;

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    FeatureRepository features;

    @Autowired
    ConflictApprovalGate gate;

    @BeforeAll
    static void openReference() throws Exception {
        reference = TestStores.postgis();
        postgis = DriverManager.getConnection(reference.jdbcUrl());
    }

    @AfterAll
    static void closeReference() throws Exception {
        postgis.close();
        reference.close();
    }

    @Test
    void parcelsAreCheckedOnEverySave() throws Exception {
        int n = PLANS.incrementAndGet();
        double x0 = x0(n);
        String plan = plan(n, box(x0, Y0, x0 + 0.002, Y0 + 0.001));

        HttpResponse<String> a = post(parcel(plan, "01", "current", x0, Y0, x0 + 0.001, Y0 + 0.001));
        assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
        assertThat(codes(json(a).get("warnings")))
                .as("the east half of the plan is not covered yet")
                .containsExactly("PARCEL_GAP");
        JsonNode gap = json(a).get("warnings").get(0);
        assertThat(gap.get("location").get(0).asDouble()).isBetween(x0 + 0.001, x0 + 0.002);
        long aId = json(a).get("id").asLong();

        HttpResponse<String> overlap = post(parcel(plan, "01", "current", x0 + 0.0008, Y0, x0 + 0.002, Y0 + 0.001));
        assertThat(overlap.statusCode()).as(overlap.body()).isEqualTo(422);
        assertThat(json(overlap).get("code").asString()).isEqualTo("invalid_feature");
        JsonNode problem = json(overlap).get("problems").get(0);
        assertThat(problem.get("code").asString()).isEqualTo("PARCEL_OVERLAP");
        assertThat(problem.get("field").asString()).isEqualTo("geometry");
        assertThat(problem.get("message").asString()).contains(String.valueOf(aId));
        assertThat(problem.get("location").get(0).asDouble()).isBetween(x0 + 0.0008, x0 + 0.001);

        HttpResponse<String> planned = post(parcel(plan, "0703", "planned", x0, Y0, x0 + 0.002, Y0 + 0.001));
        assertThat(planned.statusCode())
                .as("a planned parcel may cover current ones: %s", planned.body())
                .isEqualTo(201);
        assertThat(codes(json(planned).get("warnings"))).isEmpty();

        HttpResponse<String> outside = post(parcel(plan, "01", "current", x0 + 0.001, Y0, x0 + 0.0025, Y0 + 0.001));
        assertThat(outside.statusCode()).as(outside.body()).isEqualTo(422);
        assertThat(codes(json(outside).get("problems"))).containsExactly("PARCEL_OUTSIDE_PLAN");

        String bowTie = "{\"type\":\"Feature\",\"properties\":{\"plan_code\":\"" + plan
                + "\",\"land_use_code\":\"01\",\"state\":\"current\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[" + x0 + ",28.5],[" + (x0 + 0.001) + ",28.501],[" + (x0 + 0.001) + ",28.5],["
                + x0 + ",28.501],[" + x0 + ",28.5]]]}}";
        HttpResponse<String> invalid = post(bowTie);
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(422);
        assertThat(codes(json(invalid).get("problems"))).containsExactly("INVALID_GEOMETRY");

        HttpResponse<String> patched = send(
                "PATCH",
                PARCELS + "/" + aId,
                "planner",
                "{\"properties\":{\"land_use_code\":\"03\"}}",
                "If-Match",
                "\"1\"");
        assertThat(patched.statusCode())
                .as("a parcel is not checked against its own stored self: %s", patched.body())
                .isEqualTo(200);

        JsonNode parcels = json(send("GET", "/api/v1/plans/" + plan + "/parcels", "leader", null));
        assertThat(parcels.get("features").size())
                .as("nothing refused was written")
                .isEqualTo(2);
        for (JsonNode f : parcels.get("features")) {
            String wkt = wkt(f.get("geometry"));
            assertThat(f.get("properties").get("area_m2").asDouble())
                    .isCloseTo(postgisArea("ST_GeomFromText(?, 4490)", wkt), withinPercentage(0.1));
        }
    }

    @Test
    void aBoundaryThatLeavesParcelsOutsideIsSavedWithAWarningAtThePartOutside() throws Exception {
        int n = PLANS.incrementAndGet();
        double x0 = x0(n);
        String plan = plan(n, box(x0, Y0, x0 + 0.002, Y0 + 0.001));
        HttpResponse<String> east = post(parcel(plan, "01", "current", x0 + 0.001, Y0, x0 + 0.002, Y0 + 0.001));
        assertThat(east.statusCode()).as(east.body()).isEqualTo(201);
        long parcelId = json(east).get("id").asLong();
        LayerDef plans = catalogue.get(LayerIds.VILLAGE_PLAN);
        long planId = features.findInEnvelope(plans, new Envelope(x0, x0 + 0.002, Y0, Y0 + 0.001), 10).stream()
                .filter(f -> plan.equals(f.getString("code")))
                .findFirst()
                .orElseThrow()
                .id();

        // the boundary shrinks to its western 1.5 thousandths of a degree: half the parcel is left outside
        HttpResponse<String> shrunk = send(
                "PATCH",
                "/api/v1/layers/village_plan/features/" + planId,
                "planner",
                "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + ring(x0, Y0, x0 + 0.0015, Y0 + 0.001) + "}}",
                "If-Match",
                "\"1\"");
        assertThat(shrunk.statusCode()).as(shrunk.body()).isEqualTo(200);
        JsonNode warning = json(shrunk).get("warnings").get(0);
        assertThat(warning.get("code").asString()).isEqualTo("PLAN_PARCEL_OUTSIDE");
        assertThat(warning.get("message").asString()).contains(String.valueOf(parcelId));
        assertThat(warning.get("location").get(0).asDouble()).isBetween(x0 + 0.0015, x0 + 0.002);

        // the parcel is now refused on its own next save, until it fits
        HttpResponse<String> again = send(
                "PATCH",
                PARCELS + "/" + parcelId,
                "planner",
                "{\"properties\":{\"land_use_code\":\"03\"}}",
                "If-Match",
                "\"1\"");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(422);
        assertThat(codes(json(again).get("problems"))).containsExactly("PARCEL_OUTSIDE_PLAN");
    }

    @Test
    void conflictsAreFoundJustifiedAndClearedByMovingTheParcel() throws Exception {
        int n = PLANS.incrementAndGet();
        double x0 = x0(n);
        String plan = plan(n, box(x0, Y0, x0 + 0.004, Y0 + 0.002));
        String farmland = box(x0 + 0.0005, Y0 + 0.0005, x0 + 0.0015, Y0 + 0.0015);
        long farmlandId = constraint(LayerIds.BASIC_FARMLAND, farmland);

        HttpResponse<String> created = post(parcel(plan, "0703", "planned", x0, Y0, x0 + 0.001, Y0 + 0.001));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertThat(codes(json(created).get("warnings"))).contains("LAND_USE_CONFLICT");
        assertThat(json(created).get("conflicts").get("count").asLong()).isEqualTo(1);
        assertThat(json(created).get("conflicts").get("unjustified").asLong()).isEqualTo(1);

        JsonNode conflicts = json(send("GET", "/api/v1/plans/" + plan + "/conflicts", "leader", null));
        assertThat(conflicts.size()).isEqualTo(1);
        JsonNode c = conflicts.get(0);
        String key = id + ".basic_farmland." + farmlandId;
        assertThat(c.get("key").asString()).isEqualTo(key);
        assertThat(c.get("parcelId").asLong()).isEqualTo(id);
        assertThat(c.get("constraintLayer").asString()).isEqualTo("basic_farmland");
        assertThat(c.get("constraintId").asLong()).isEqualTo(farmlandId);
        assertThat(c.get("justification").isNull()).isTrue();
        double expected = postgisArea(
                "ST_Intersection(ST_GeomFromText(?, 4490), ST_GeomFromText(?, 4490))",
                box(x0, Y0, x0 + 0.001, Y0 + 0.001),
                farmland);
        assertThat(c.get("areaM2").asDouble()).isCloseTo(expected, withinPercentage(0.1));
        assertThat(c.get("areaMu").asDouble()).isCloseTo(expected / (10_000.0 / 15), withinPercentage(0.1));
        JsonNode map = json(send("GET", "/api/v1/plans/" + plan + "/conflicts?format=geojson", "leader", null));
        assertThat(map.get("features").get(0).get("geometry").get("type").asString())
                .isEqualTo("Polygon");

        assertThat(gate.blockers(plan))
                .extracting(b -> b.in(Locale.SIMPLIFIED_CHINESE))
                .containsExactly("1 处冲突未说明理由");
        String justification = "/api/v1/plans/" + plan + "/conflicts/" + key + "/justification";
        assertThat(send("PUT", justification, "planner", "{\"text\":\"重点项目\"}").statusCode())
                .as("the planner who compiled the plan does not justify its conflicts")
                .isEqualTo(403);
        assertThat(send("PUT", justification, "approver", "{\"text\":\" \"}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> unknown = send(
                "PUT",
                "/api/v1/plans/" + plan + "/conflicts/9.basic_farmland.9/justification",
                "approver",
                "{\"text\":\"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asString()).isEqualTo("unknown_conflict");
        HttpResponse<String> justified = send("PUT", justification, "approver", "{\"text\":\"省级重点项目，已落实占补平衡\"}");
        assertThat(justified.statusCode()).as(justified.body()).isEqualTo(200);
        assertThat(json(justified).get("justification").get("by").asString()).isEqualTo("approver");
        assertThat(gate.blockers(plan)).isEmpty();
        assertThat(json(send("GET", "/api/v1/plans/" + plan + "/conflicts", "leader", null))
                        .get(0)
                        .get("justification")
                        .get("text")
                        .asString())
                .isEqualTo("省级重点项目，已落实占补平衡");

        String moved = "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + ring(x0 + 0.002, Y0, x0 + 0.003, Y0 + 0.001) + "}}";
        HttpResponse<String> fixed = send("PATCH", PARCELS + "/" + id, "planner", moved, "If-Match", "\"1\"");
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
        assertThat(codes(json(fixed).get("warnings"))).doesNotContain("LAND_USE_CONFLICT");
        assertThat(json(fixed).get("conflicts").get("count").asLong()).isZero();
        assertThat(json(send("GET", "/api/v1/plans/" + plan + "/conflicts", "leader", null))
                        .size())
                .isZero();
        assertThat(send("GET", "/api/v1/plans/NOPE-" + n + "/conflicts", "leader", null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theBalanceComparesCurrentAndPlannedAreasAndExportsToXlsx() throws Exception {
        int n = PLANS.incrementAndGet();
        double x0 = x0(n);
        String plan = plan(n, box(x0, Y0, x0 + 0.002, Y0 + 0.001));
        String west = box(x0, Y0, x0 + 0.001, Y0 + 0.001);
        String east = box(x0 + 0.001, Y0, x0 + 0.002, Y0 + 0.001);
        String whole = box(x0, Y0, x0 + 0.002, Y0 + 0.001);
        assertThat(post(parcel(plan, "01", "current", x0, Y0, x0 + 0.001, Y0 + 0.001))
                        .statusCode())
                .isEqualTo(201);
        assertThat(post(parcel(plan, "0703", "current", x0 + 0.001, Y0, x0 + 0.002, Y0 + 0.001))
                        .statusCode())
                .isEqualTo(201);
        assertThat(post(parcel(plan, "0703", "planned", x0, Y0, x0 + 0.002, Y0 + 0.001))
                        .statusCode())
                .isEqualTo(201);
        double westM2 = postgisArea("ST_GeomFromText(?, 4490)", west);
        double eastM2 = postgisArea("ST_GeomFromText(?, 4490)", east);
        double wholeM2 = postgisArea("ST_GeomFromText(?, 4490)", whole);

        JsonNode balance = json(send("GET", "/api/v1/plans/" + plan + "/balance", "leader", null));
        assertThat(balance.get("name").asString()).isEqualTo("测试规划" + n);
        JsonNode rows = balance.get("rows");
        assertThat(rows.size()).isEqualTo(2);
        JsonNode cropland = rows.get(0);
        assertThat(cropland.get("code").asString()).isEqualTo("01");
        assertThat(cropland.get("name").asString()).isEqualTo("耕地");
        assertThat(cropland.get("current").get("m2").asDouble()).isCloseTo(westM2, withinPercentage(0.1));
        assertThat(cropland.get("current").get("mu").asDouble()).isCloseTo(westM2 * 15 / 10_000, withinPercentage(0.1));
        assertThat(cropland.get("planned").get("m2").asDouble()).isZero();
        assertThat(cropland.get("change").get("ha").asDouble()).isCloseTo(-westM2 / 10_000, withinPercentage(0.1));
        JsonNode homesteads = rows.get(1);
        assertThat(homesteads.get("current").get("share").asDouble())
                .isCloseTo(eastM2 / (westM2 + eastM2), withinPercentage(0.1));
        assertThat(homesteads.get("planned").get("m2").asDouble()).isCloseTo(wholeM2, withinPercentage(0.1));
        assertThat(homesteads.get("planned").get("share").asDouble()).isEqualTo(1.0);
        assertThat(balance.get("total").get("current").get("m2").asDouble()).isCloseTo(wholeM2, withinPercentage(0.1));
        assertThat(json(send("GET", "/api/v1/plans/" + plan + "/balance?level=top", "leader", null))
                        .get("rows")
                        .get(1)
                        .get("code")
                        .asString())
                .isEqualTo("07");

        for (HttpResponse<byte[]> file : List.of(
                bytes("/api/v1/plans/" + plan + "/balance?format=xlsx", null),
                bytes("/api/v1/plans/" + plan + "/balance", BalanceExport.MEDIA_TYPE))) {
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith(BalanceExport.MEDIA_TYPE));
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("测试规划" + n, "用地平衡表");
                List<String> headers = new ArrayList<>();
                sheet.getRow(1).forEach(cell -> headers.add(cell.getStringCellValue()));
                assertThat(headers).startsWith("用地代码", "用地名称", "现状面积（亩）", "现状面积（公顷）", "现状占比");
                Row first = sheet.getRow(2);
                assertThat(first.getCell(0).getStringCellValue()).isEqualTo("01");
                assertThat(first.getCell(1).getStringCellValue()).isEqualTo("耕地");
                assertThat(first.getCell(2).getNumericCellValue())
                        .isCloseTo(westM2 * 15 / 10_000, withinPercentage(0.1));
                Row total = sheet.getRow(4);
                assertThat(total.getCell(1).getStringCellValue()).isEqualTo("合计");
                assertThat(total.getCell(6).getNumericCellValue()).isCloseTo(wholeM2 / 10_000, withinPercentage(0.1));
            }
        }
    }

    // --- fixtures ---

    private static double x0(int n) {
        return 112.30 + n * 0.02;
    }

    private String plan(int n, String boundaryWkt) throws Exception {
        String code = "P-PARCEL-" + n + "-" + System.nanoTime() % 100_000;
        LayerDef plans = catalogue.get(LayerIds.VILLAGE_PLAN);
        Feature plan = new Feature(
                null,
                Map.of("code", code, "name", "测试规划" + n, "village_codes", "430921001001", "status", "compiling"),
                Map.of(),
                new WKTReader().read("MULTI" + boundaryWkt.replace("POLYGON", "POLYGON(") + ")"));
        features.load(plans, LoadMode.APPEND, List.of(plan).iterator());
        return code;
    }

    /** Loads a constraint polygon as an import would; its feature id. */
    private long constraint(String layerId, String wkt) throws Exception {
        LayerDef layer = catalogue.get(layerId);
        Geometry g = new WKTReader().read("MULTI" + wkt.replace("POLYGON", "POLYGON(") + ")");
        features.load(
                layer,
                LoadMode.APPEND,
                List.of(new Feature(null, Map.of(), Map.of(), g)).iterator());
        Envelope box = g.getEnvelopeInternal();
        return features.findInEnvelope(layer, box, 10).stream()
                .filter(f -> f.geometry().equalsExact(g, 1e-9))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static String box(double w, double s, double e, double n) {
        return String.format(
                Locale.ROOT,
                "POLYGON((%.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f))",
                w,
                s,
                e,
                s,
                e,
                n,
                w,
                n,
                w,
                s);
    }

    private static String ring(double w, double s, double e, double n) {
        return String.format(
                Locale.ROOT,
                "[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]",
                w,
                s,
                e,
                s,
                e,
                n,
                w,
                n,
                w,
                s);
    }

    private static String parcel(String plan, String code, String state, double w, double s, double e, double n) {
        return "{\"type\":\"Feature\",\"properties\":{\"plan_code\":\"" + plan + "\",\"land_use_code\":\"" + code
                + "\",\"state\":\"" + state + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + ring(w, s, e, n) + "}}";
    }

    private static String wkt(JsonNode geometry) throws Exception {
        return new GeoJsonReader().read(geometry.toString()).toText();
    }

    private static double postgisArea(String expression, String... wkts) throws Exception {
        try (PreparedStatement ps = postgis.prepareStatement("SELECT ST_Area((" + expression + ")::geography)")) {
            for (int i = 0; i < wkts.length; i++) {
                ps.setString(i + 1, wkts[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    private static List<String> codes(JsonNode problems) {
        List<String> codes = new ArrayList<>();
        problems.forEach(p -> codes.add(p.get("code").asString()));
        return codes;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send("POST", PARCELS, "planner", body);
    }

    private HttpResponse<byte[]> bytes(String path, String accept) throws Exception {
        HttpRequest.Builder request = api().request(path, "leader").GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return api().bytes(request.build());
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private HttpResponse<String> send(String method, String path, String user, String body, String... headers)
            throws Exception {
        return api().send(method, path, user, body, headers);
    }
}
