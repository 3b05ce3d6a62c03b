package cn.yiyang.planning.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.store.JdbcFeatureHistoryRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The road-access API over HTTP on PostGIS with the small demo city: who may run, a run from queued to succeeded
 * with its settings, data version and summary, indicators by level, code and group with targets, the gap list as
 * CSV and XLSX, and the problems for bad requests.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.tianditu.key=",
            "planning.road-access.run-on-start=false",
            "planning.analyses.natural-village-runs=1"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoadAccessApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestStore db;

    @TempDir
    static Path dataDir;

    private static String firstRun;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) {
        db = TestStores.postgis();
        r.add("planning.db.url", db::jdbcUrl);
        r.add("planning.data-dir", () -> dataDir.toString());
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }

    @Test
    @Order(1)
    void onlyTransportAndAdminStartRuns() throws Exception {
        HttpResponse<String> leader = send("POST", "/api/v1/analyses/road-access/runs", "leader", "zh-CN", null);
        assertThat(leader.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(leader.body()).get("detail").asString()).contains("交通运输部门");
        HttpResponse<String> bad =
                send("POST", "/api/v1/analyses/road-access/runs", "transport", "en", "{\"householdServedM\": -5}");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(bad.body());
        assertThat(problem.get("code").asString()).isEqualTo("bad_setting");
        assertThat(problem.get("detail").asString()).contains("householdServedM", "-5", "1", "1000");
        assertThat(send("GET", "/api/v1/analyses/runs/nope", "planner", "zh-CN", null)
                        .statusCode())
                .isEqualTo(404);
        JsonNode beforeAnyRun = JSON.readTree(send("GET", "/api/v1/indicators?level=city", "leader", "zh-CN", null)
                .body());
        assertThat(beforeAnyRun.get("runId").isNull()).isTrue();
        assertThat(beforeAnyRun.get("indicators"))
                .as("before any run only the indicators computed live: village plan coverage")
                .hasSize(3)
                .allMatch(v -> v.get("indicator").asString().equals("village_plan_coverage_rate")
                        && v.get("runId").isNull());
    }

    @Test
    @Order(2)
    void aRunGoesFromQueuedToSucceededWithItsSettingsAndSummary() throws Exception {
        HttpResponse<String> started = send(
                "POST", "/api/v1/analyses/road-access/runs", "transport", "zh-CN", "{\"largeVillageHouseholds\": 30}");
        assertThat(started.statusCode()).isEqualTo(202);
        firstRun = JSON.readTree(started.body()).get("id").asString();
        JsonNode run = await(firstRun);
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(run.get("requestedBy").asString()).isEqualTo("transport");
        assertThat(run.get("settings").get("householdServedM").asDouble()).isEqualTo(50.0);
        assertThat(run.get("dataVersion").get("household").asLong()).isPositive();
        JsonNode summary = run.get("summary");
        assertThat(summary.get("households").asLong()).isGreaterThan(10_000);
        assertThat(summary.get("fragments").asInt()).isPositive();
        assertThat(summary.get("impassableRoads").asInt()).isPositive(); // from the 通返不通 register
        assertThat(summary.get("city").get("household_road_access_rate").asDouble())
                .isBetween(0.0, 1.0);
        // One ANALYSIS entry per derived layer in the write history, written with its load.
        JdbcFeatureHistoryRepository history = new JdbcFeatureHistoryRepository(db.store());
        LayerCatalogue catalogue = LayerCatalogue.standard();
        for (String layer : List.of(LayerIds.ACCESS_HOUSEHOLD, LayerIds.ACCESS_ROAD, LayerIds.ACCESS_GAP)) {
            assertThat(history.since(catalogue.get(layer), Instant.EPOCH, 10))
                    .as("history of %s", layer)
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.operation()).isEqualTo(HistoryOperation.ANALYSIS);
                        assertThat(e.user()).isEqualTo("transport");
                        assertThat(e.details()).containsEntry("runId", firstRun).containsEntry("mode", "REPLACE");
                    });
        }
    }

    @Test
    @Order(3)
    void indicatorsByLevelCodeAndGroupWithTargets() throws Exception {
        JsonNode city = JSON.readTree(send("GET", "/api/v1/indicators?level=city", "leader", "zh-CN", null)
                .body());
        assertThat(city.get("runId").asString()).isEqualTo(firstRun);
        Set<String> ids = new HashSet<>();
        for (JsonNode v : city.get("indicators")) {
            ids.add(v.get("indicator").asString());
            assertThat(v.get("code").asString()).isEqualTo("430900");
            boolean live = v.get("indicator").asString().equals("village_plan_coverage_rate");
            assertThat(v.get("runId").isNull() ? null : v.get("runId").asString())
                    .isEqualTo(live ? null : firstRun);
            if (v.get("denominator").asLong() > 0) {
                assertThat(v.get("value").asDouble())
                        .isEqualTo(v.get("numerator").asDouble()
                                / v.get("denominator").asDouble());
            }
            if (v.get("indicator").asString().equals("township_class3_road_rate")) {
                assertThat(v.get("target").asDouble()).isEqualTo(0.85);
            }
        }
        assertThat(ids)
                .contains(
                        "household_road_access_rate",
                        "large_natural_village_hardened_road_rate",
                        "township_class3_road_rate",
                        "village_bus_service_rate",
                        "rural_access_index",
                        "village_plan_coverage_rate");
        JsonNode anhua = JSON.readTree(send(
                                "GET",
                                "/api/v1/indicators?level=county&code=430923&group=all&indicator=household_road_access_rate",
                                "leader",
                                "zh-CN",
                                null)
                        .body())
                .get("indicators");
        assertThat(anhua).hasSize(1);
        assertThat(anhua.get(0).get("name").asString()).isEqualTo("安化县");
        JsonNode townships = JSON.readTree(send(
                                "GET",
                                "/api/v1/indicators?level=township&indicator=township_class3_road_rate",
                                "leader",
                                "zh-CN",
                                null)
                        .body())
                .get("indicators");
        assertThat(townships.size()).isEqualTo(98);
        HttpResponse<String> bad = send("GET", "/api/v1/indicators?level=province", "leader", "en", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("city, county, township, village").doesNotContain("Exception");
        JsonNode naturalVillages = JSON.readTree(send(
                                "GET",
                                "/api/v1/indicators?level=natural_village" + "&indicator=household_road_access_rate",
                                "leader",
                                "zh-CN",
                                null)
                        .body())
                .get("indicators");
        assertThat(naturalVillages.size()).isGreaterThan(1446);
        assertThat(naturalVillages.get(0).get("parentCode").asString()).hasSize(12);
    }

    @Test
    @Order(4)
    void theGapListExportsAsCsvAndXlsxAndShowsOnTheMapLayers() throws Exception {
        HttpResponse<byte[]> csv = bytes("/api/v1/analyses/road-access/gaps.csv", "zh-CN");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).contains("缺口编号", "每公里受益人口");
        assertThat(lines.size()).isGreaterThan(10);
        assertThat(lines.get(1)).startsWith("G00001,1,");
        HttpResponse<byte[]> xlsx = bytes("/api/v1/analyses/road-access/gaps.xlsx", "en");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Gap code");
            assertThat(sheet.getLastRowNum()).isEqualTo(lines.size() - 1);
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1.0);
        }
        JsonNode layer = JSON.readTree(send("GET", "/api/v1/layers/access_gap", "planner", "zh-CN", null)
                .body());
        assertThat(layer.get("featureCount").asLong()).isEqualTo(lines.size() - 1);
        assertThat(layer.get("synthetic").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void aSecondRunKeepsTheFirstForComparison() throws Exception {
        HttpResponse<String> started =
                send("POST", "/api/v1/analyses/road-access/runs", "admin", "zh-CN", "{\"householdServedM\": 150}");
        String second = JSON.readTree(started.body()).get("id").asString();
        assertThat(await(second).get("status").asString()).isEqualTo("SUCCEEDED");
        double before = value(firstRun);
        double after = value(second);
        assertThat(after).isGreaterThan(before); // 150 m reaches more homes than 50 m
        JsonNode runs = JSON.readTree(
                send("GET", "/api/v1/analyses/runs", "leader", "zh-CN", null).body());
        List<String> order = new ArrayList<>();
        runs.get("runs").forEach(r -> order.add(r.get("id").asString()));
        assertThat(order).startsWith(second, firstRun);
    }

    @Test
    @Order(6)
    void onlyTheLatestRunKeepsItsNaturalVillagesWithOneKept() throws Exception {
        // planning.analyses.natural-village-runs=1: once the second run has succeeded, the first keeps its villages
        // and coarser units (trends) but not its natural villages, which the second run deleted before it ended.
        assertThat(count("natural_village", firstRun)).isZero();
        assertThat(count("village", firstRun)).isPositive();
        assertThat(count("city", firstRun)).isPositive();
        String second = JSON.readTree(
                        send("GET", "/api/v1/analyses/runs?kind=road-access&limit=1", "leader", "en", null)
                                .body())
                .get("runs")
                .get(0)
                .get("id")
                .asString();
        assertThat(count("natural_village", second)).isPositive();
    }

    private int count(String level, String runId) throws Exception {
        HttpResponse<String> r =
                send("GET", "/api/v1/indicators?level=" + level + "&runId=" + runId, "leader", "zh-CN", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).get("indicators").size();
    }

    @Test
    @Order(7)
    void theAnalysisApiServesEveryKindAndRefusesWhatIsNotOne() throws Exception {
        JsonNode kinds = JSON.readTree(
                send("GET", "/api/v1/analyses", "leader", "en", null).body());
        JsonNode road = kinds.get("analyses").get(0);
        assertThat(road.get("id").asString()).isEqualTo("road-access");
        assertThat(road.get("theme").asString()).isEqualTo("roads");
        assertThat(road.get("settings").get(0).get("name").asString()).isEqualTo("householdServedM");
        assertThat(road.get("settings").get(0).get("max").asDouble()).isEqualTo(1000.0);

        HttpResponse<String> unknown = send("POST", "/api/v1/analyses/flood-risk/runs", "admin", "en", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("code").asString()).isEqualTo("unknown_analysis");
        assertThat(JSON.readTree(unknown.body()).get("detail").asString()).contains("flood-risk", "road-access");
        HttpResponse<String> text =
                send("POST", "/api/v1/analyses/road-access/runs", "admin", "zh-CN", "{\"householdServedM\": \"五十\"}");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(text.body()).get("setting").asString()).isEqualTo("householdServedM");
        HttpResponse<String> typo =
                send("POST", "/api/v1/analyses/road-access/runs", "admin", "en", "{\"householdServed\": 60}");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(typo.body()).get("detail").asString()).contains("householdServed", "householdServedM");

        JsonNode runs =
                JSON.readTree(send("GET", "/api/v1/analyses/runs?kind=road-access&limit=1", "leader", "en", null)
                        .body());
        assertThat(runs.get("runs")).hasSize(1);
        assertThat(runs.get("runs").get(0).get("problems")).isEmpty();
        JsonNode indicators = JSON.readTree(
                        send("GET", "/api/v1/indicators?level=city&kind=road-access&group=all", "leader", "en", null)
                                .body())
                .get("indicators");
        assertThat(indicators)
                .allSatisfy(v -> assertThat(v.get("kind").asString()).isEqualTo("road-access"));
        assertThat(indicators)
                .anySatisfy(v -> assertThat(v.get("meetsTarget").isBoolean()).isTrue());

        HttpResponse<byte[]> all = bytes("/api/v1/analyses/road-access/findings/access_gap.csv", "zh-CN");
        HttpResponse<byte[]> anhua =
                bytes("/api/v1/analyses/road-access/findings/access_gap.csv?county=430923&type=natural_village", "en");
        long allRows = new String(all.body(), StandardCharsets.UTF_8).lines().count() - 1;
        List<String> anhuaLines =
                new String(anhua.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(allRows).isPositive();
        assertThat(anhuaLines.size() - 1).isPositive().isLessThan((int) allRows);
        assertThat(anhuaLines.subList(1, anhuaLines.size()))
                .allSatisfy(l -> assertThat(l).contains("430923", "Large natural village"));
        assertThat(send("GET", "/api/v1/analyses/road-access/findings/household.csv", "leader", "en", null)
                        .statusCode())
                .isEqualTo(400);
    }

    private double value(String runId) throws Exception {
        JsonNode v = JSON.readTree(send(
                                "GET",
                                "/api/v1/indicators?level=city&group=all&indicator="
                                        + "household_road_access_rate&runId=" + runId,
                                "leader",
                                "zh-CN",
                                null)
                        .body())
                .get("indicators");
        return v.get(0).get("value").asDouble();
    }

    private JsonNode await(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            JsonNode run = JSON.readTree(send("GET", "/api/v1/analyses/runs/" + id, "leader", "zh-CN", null)
                    .body());
            String status = run.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED") || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> send(String method, String path, String user, String language, String body)
            throws Exception {
        HttpRequest.Builder b = request(path, user, language);
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private HttpResponse<byte[]> bytes(String path, String language) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    request(path, "transport", language).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private HttpRequest.Builder request(String path, String user, String language) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":yiyang2025").getBytes(StandardCharsets.UTF_8)));
    }
}
