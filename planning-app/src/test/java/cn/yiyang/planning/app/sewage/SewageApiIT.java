package cn.yiyang.planning.app.sewage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sewage and sanitation analyses over HTTP on PostGIS with the small demo city: only the sewage department (and
 * administrators) start them, a setting out of its range is a 400 {@code bad_setting}, runs succeed with their
 * settings and summary, the indicators carry the plan's targets, and the gap list exports with a mode and a reason
 * for every untreated village.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.tianditu.key=",
            "planning.road-access.run-on-start=false"
        })
class SewageApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestStore db;

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

    @Test
    void theSewageDepartmentRunsBothAndEveryoneReadsTheResults() throws Exception {
        ApiClient api = new ApiClient(port);
        assertThat(api.send("POST", "/api/v1/analyses/sewage/runs", "transport", null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/analyses/sanitation/runs", "water", null)
                        .statusCode())
                .isEqualTo(403);
        var bad = api.send("POST", "/api/v1/analyses/sewage/runs", "sewage", "{\"connectDistanceM\": 40000}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("code").asString()).isEqualTo("bad_setting");
        assertThat(JSON.readTree(bad.body()).get("setting").asString()).isEqualTo("connectDistanceM");

        var started = api.send("POST", "/api/v1/analyses/sewage/runs", "sewage", "{\"perCapitaFlowLpd\": 90}");
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode run = await(api, JSON.readTree(started.body()).get("id").asString());
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("settings").get("perCapitaFlowLpd").asDouble()).isEqualTo(90.0);
        assertThat(run.get("settings").get("connectDistanceM").asDouble()).isEqualTo(3000.0);
        assertThat(run.get("summary").get("villagesUntreated").asLong()).isPositive();
        JsonNode toilets = await(
                api,
                JSON.readTree(api.send("POST", "/api/v1/analyses/sanitation/runs", "sewage", null)
                                .body())
                        .get("id")
                        .asString());
        assertThat(toilets.get("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode sewage = JSON.readTree(
                        api.send("GET", "/api/v1/indicators?level=city&kind=sewage&group=all", "leader", null)
                                .body())
                .get("indicators");
        assertThat(sewage)
                .extracting(v ->
                        v.get("indicator").asString() + " " + v.get("target").asDouble())
                .containsExactlyInAnyOrder("rural_sewage_treatment_rate 0.35", "township_sewage_facility_rate 1.0");
        JsonNode sanitation = JSON.readTree(
                        api.send("GET", "/api/v1/indicators?level=county&kind=sanitation&group=all", "leader", null)
                                .body())
                .get("indicators");
        assertThat(sanitation).hasSize(8).allSatisfy(v -> {
            assertThat(v.get("indicator").asString()).isEqualTo("sanitary_toilet_rate");
            assertThat(v.get("target").asDouble()).isEqualTo(0.9);
        });

        var csv = api.bytes(
                api.request("/api/v1/analyses/sewage/findings/sewage_gap.csv?type=village_untreated", "leader")
                        .header("Accept-Language", "zh-CN")
                        .build());
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines =
                new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).contains("建议治理模式", "依据");
        assertThat(lines.size()).isGreaterThan(10);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains("村庄污水未治理", "宜"));
    }

    private static JsonNode await(ApiClient api, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            JsonNode run = JSON.readTree(api.send("GET", "/api/v1/analyses/runs/" + id, "leader", null)
                    .body());
            String status = run.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED") || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(200);
        }
    }
}
