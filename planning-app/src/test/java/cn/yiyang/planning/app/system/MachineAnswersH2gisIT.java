package cn.yiyang.planning.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.ApiClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers machines can rely on: unknown paths under /api, /ogc and /tiles are 404 problems, a served path with the
 * wrong method a 405 problem with Allow (before, both were 200 with the app's HTML page); /actuator/health tells
 * anyone the status and signed-in callers the store's state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "planning.demo.enabled=false")
class MachineAnswersH2gisIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    private ApiClient api;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) {
        r.add("planning.db.url", () -> "");
        r.add("planning.data-dir", () -> dataDir.toString());
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void unknownPathsAre404Problems() throws Exception {
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
            for (String path : new String[] {"/api/v1/anything", "/api/v2", "/ogc/nothing/here", "/tiles/a/b"}) {
                HttpResponse<String> r = api.send(method, path, "leader", null);
                assertThat(r.statusCode()).as(method + " " + path).isEqualTo(404);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(JSON.readTree(r.body()).get("code").asString()).isEqualTo("not_found");
            }
        }
    }

    @Test
    void aServedPathWithAnotherMethodIsA405ProblemWithAllow() throws Exception {
        HttpResponse<String> layers = api.send("DELETE", "/api/v1/layers", "leader", null);
        assertThat(layers.statusCode()).isEqualTo(405);
        assertThat(layers.headers().firstValue("Allow")).hasValue("GET");
        assertThat(JSON.readTree(layers.body()).get("code").asString()).isEqualTo("method_not_allowed");
        HttpResponse<String> collections = api.send("POST", "/ogc/collections", "leader", "{}");
        assertThat(collections.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(collections.body()).get("code").asString()).isEqualTo("method_not_allowed");
        HttpResponse<String> feature = api.send("PATCH", "/api/v1/layers/village/features", "leader", "{}");
        assertThat(feature.statusCode()).isEqualTo(405);
        assertThat(feature.headers().firstValue("Allow")).hasValue("POST");
        // a real request still reaches its controller
        assertThat(api.send("GET", "/api/v1/layers", "leader", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void healthGivesTheStatusToAnyoneAndTheStoreToSignedInUsers() throws Exception {
        HttpResponse<String> anonymous =
                api.text(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .build());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(anonymous.body());
        assertThat(status.get("status").asString()).isEqualTo("UP");
        assertThat(status.has("components")).as(anonymous.body()).isFalse();

        JsonNode details = JSON.readTree(
                api.send("GET", "/actuator/health", "leader", null).body());
        assertThat(details.get("components").get("store").get("status").asString())
                .isEqualTo("UP");
        assertThat(details.get("components")
                        .get("store")
                        .get("details")
                        .get("kind")
                        .asString())
                .isEqualTo("h2gis");
        HttpResponse<String> readiness =
                api.text(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .build());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");
    }
}
