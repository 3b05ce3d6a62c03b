package cn.yiyang.planning.app.water;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * The water-supply analysis over the generic API on PostGIS with the small demo city: only the water department (and
 * administrators) start runs, a setting out of range is a 400 {@code bad_setting}, a run with its settings (asOf
 * included) and summary, the indicators of {@code kind=water-supply} with the plan's targets, and the duty list as CSV
 * and Excel.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.tianditu.key=",
            "planning.analyses.run-on-start=false"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaterSupplyApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUNS = "/api/v1/analyses/water-supply/runs";
    private static TestStore db;
    private static String runId;

    @TempDir
    static Path dataDir;

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

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    @Order(1)
    void onlyTheWaterDepartmentStartsRunsWithSettingsInRange() throws Exception {
        HttpResponse<String> transport = api().send("POST", RUNS, "transport", null, "Accept-Language", "zh-CN");
        assertThat(transport.statusCode()).isEqualTo(403);
        HttpResponse<String> far =
                api().send("POST", RUNS, "water", "{\"mainDistanceM\": 5000}", "Accept-Language", "en");
        assertThat(far.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(far.body());
        assertThat(problem.get("code").asString()).isEqualTo("bad_setting");
        assertThat(problem.get("detail").asString()).contains("mainDistanceM", "5000", "2000");
        HttpResponse<String> badDate =
                api().send("POST", RUNS, "water", "{\"asOf\": \"2026-13-01\"}", "Accept-Language", "en");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDate.body()).get("code").asString()).isEqualTo("bad_setting");
    }

    @Test
    @Order(2)
    void aRunSucceedsWithItsSettingsAndSummary() throws Exception {
        HttpResponse<String> started = api().send(
                        "POST",
                        RUNS,
                        "water",
                        "{\"asOf\": \"2026-12-01\", \"testIntervalMonths\": 6}",
                        "Accept-Language",
                        "zh-CN");
        assertThat(started.statusCode()).isEqualTo(202);
        runId = JSON.readTree(started.body()).get("id").asString();
        JsonNode run = await(runId);
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("settings").get("asOf").asString()).isEqualTo("2026-12-01");
        assertThat(run.get("settings").get("mainDistanceM").asDouble()).isEqualTo(100.0);
        assertThat(run.get("settings").get("litresPerPersonDay").asDouble()).isEqualTo(100.0);
        assertThat(run.get("dataVersion").get("water_work").asLong()).isPositive();
        JsonNode summary = run.get("summary");
        assertThat(summary.get("households").asLong()).isGreaterThan(10_000);
        assertThat(summary.get("householdsServed").asLong())
                .isEqualTo(summary.get("servedByServiceArea").asLong()
                        + summary.get("servedByMain").asLong());
        assertThat(summary.get("duties").asLong()).isPositive();
    }

    @Test
    @Order(3)
    void indicatorsOfTheKindWithTargets() throws Exception {
        JsonNode city = JSON.readTree(
                        api().send("GET", "/api/v1/indicators?level=city&kind=water-supply&group=all", "leader", null)
                                .body())
                .get("indicators");
        assertThat(city)
                .extracting(v -> v.get("indicator").asString())
                .containsExactlyInAnyOrder(
                        "household_water_supply_rate",
                        "household_water_supply_population_rate",
                        "poverty_household_water_supply_rate",
                        "water_quality_test_overdue_count");
        for (JsonNode v : city) {
            assertThat(v.get("kind").asString()).isEqualTo("water-supply");
            assertThat(v.get("runId").asString()).isEqualTo(runId);
            switch (v.get("indicator").asString()) {
                case "poverty_household_water_supply_rate" ->
                    assertThat(v.get("target").asDouble()).isEqualTo(1.0);
                case "water_quality_test_overdue_count" -> {
                    assertThat(v.get("count").asBoolean()).isTrue();
                    assertThat(v.get("target").asDouble()).isEqualTo(0.0);
                }
                default -> {}
            }
        }
        JsonNode townships = JSON.readTree(api().send(
                                "GET",
                                "/api/v1/indicators?level=township&kind=water-supply"
                                        + "&indicator=water_quality_test_overdue_count",
                                "leader",
                                null)
                        .body())
                .get("indicators");
        assertThat(townships.size()).isEqualTo(98);
    }

    @Test
    @Order(4)
    void theDutyListExportsAsCsvAndExcel() throws Exception {
        HttpResponse<String> csv = api().send(
                        "GET", "/api/v1/analyses/water-supply/findings/water_duty.csv?severity=high", "leader", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().strip().split("\n");
        assertThat(lines.length).isGreaterThan(1);
        assertThat(lines[0]).contains("工程编号");
        HttpResponse<byte[]> xlsx = api().bytes(
                        api().request("/api/v1/analyses/water-supply/findings/water_household.xlsx", "leader")
                                .GET()
                                .build());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isPositive();
        }
    }

    private JsonNode await(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            JsonNode run = JSON.readTree(api().send("GET", "/api/v1/analyses/runs/" + id, "leader", null)
                    .body());
            String status = run.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED") || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(200);
        }
    }
}
