package cn.yiyang.planning.app.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * The cold-chain analysis over HTTP on PostGIS with the small demo city, wired as the application wires it: listed
 * among the kinds with its settings, refused to other departments (403) and out of range (400 {@code bad_setting}),
 * a run with a courier distance from queued to succeeded, its indicators by {@code kind=} with the plan's targets,
 * and its suggested sites exported as CSV.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.tianditu.key=",
            "planning.analyses.run-on-start=false"
        })
class LogisticsApiIT {

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
    void aColdChainRunThroughTheApi() throws Exception {
        ApiClient api = new ApiClient(port);
        JsonNode kinds = JSON.readTree(
                api.send("GET", "/api/v1/analyses", "leader", null).body());
        assertThat(kinds.toString()).contains("\"cold-chain\"", "courierDistanceM", "village_courier_service_rate");

        assertThat(api.send("POST", "/api/v1/analyses/cold-chain/runs", "water", null)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> bad = api.send(
                "POST",
                "/api/v1/analyses/cold-chain/runs",
                "logistics",
                "{\"courierDistanceM\": -1}",
                "Accept-Language",
                "en");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("code").asString()).isEqualTo("bad_setting");
        assertThat(bad.body()).contains("courierDistanceM");

        HttpResponse<String> started =
                api.send("POST", "/api/v1/analyses/cold-chain/runs", "logistics", "{\"courierDistanceM\": 3000}");
        assertThat(started.statusCode()).isEqualTo(202);
        String id = JSON.readTree(started.body()).get("id").asString();
        JsonNode run = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            run = JSON.readTree(api.send("GET", "/api/v1/analyses/runs/" + id, "leader", null)
                    .body());
            if (!run.get("status").asString().matches("QUEUED|RUNNING")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("settings").get("courierDistanceM").asDouble()).isEqualTo(3000.0);
        assertThat(run.get("settings").get("centreTravelM").asDouble()).isEqualTo(5000.0);
        assertThat(run.get("dataVersion").get("cold_chain_site").asLong()).isPositive();
        assertThat(run.get("summary").get("suggestedSites").asLong()).isPositive();

        JsonNode city = JSON.readTree(
                        api.send("GET", "/api/v1/indicators?level=city&kind=cold-chain&group=all", "leader", null)
                                .body())
                .get("indicators");
        assertThat(city).hasSize(4).allSatisfy(v -> {
            assertThat(v.get("runId").asString()).isEqualTo(id);
            assertThat(v.get("target").asDouble()).isEqualTo(1.0);
            assertThat(v.get("value").asDouble()).isBetween(0.0, 1.0);
        });

        HttpResponse<String> csv = api.send(
                "GET", "/api/v1/analyses/cold-chain/findings/logistics_site.csv?county=430923", "leader", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = csv.body();
        assertThat(text.lines().count()).isGreaterThan(1);
        assertThat(text).doesNotContain("Exception");
    }
}
