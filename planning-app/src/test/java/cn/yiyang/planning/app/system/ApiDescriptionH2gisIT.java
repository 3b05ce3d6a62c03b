package cn.yiyang.planning.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.ApiClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API's OpenAPI description: every controller mapping of the app (path and method) is in
 * {@code /v3/api-docs}, every operation documents its problems, and the description and its page are for signed-in
 * users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "planning.demo.enabled=false")
class ApiDescriptionH2gisIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) {
        r.add("planning.db.url", () -> "");
        r.add("planning.data-dir", () -> dataDir.toString());
    }

    @Test
    void everyControllerMappingIsDescribedWithItsProblems() throws Exception {
        ApiClient api = new ApiClient(port);
        HttpResponse<String> r = api.send("GET", "/v3/api-docs", "leader", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(r.body()).get("paths");
        Set<String> mapped = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            Class<?> type = handler.getBeanType();
            if (!type.getPackageName().startsWith("cn.yiyang.planning.app") || type == UnmatchedPaths.class) {
                return;
            }
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    String m = method.name().toLowerCase(Locale.ROOT);
                    mapped.add(m + " " + pattern);
                    JsonNode op = paths.path(pattern).path(m);
                    if (op.isMissingNode()) {
                        missing.add(m + " " + pattern);
                    } else {
                        assertThat(op.get("responses").has("401")).as(pattern).isTrue();
                        assertThat(op.get("responses")
                                        .path("404")
                                        .path("content")
                                        .has("application/problem+json"))
                                .as(pattern)
                                .isTrue();
                    }
                }
            }
        });
        assertThat(mapped)
                .contains(
                        "get /api/v1/layers",
                        "get /ogc/collections/{layer}/items",
                        "post /api/v1/layers/{layer}/imports");
        assertThat(missing).as("controller mappings missing from /v3/api-docs").isEmpty();
    }

    @Test
    void theDescriptionAndItsPageAreForSignedInUsers() throws Exception {
        ApiClient api = new ApiClient(port);
        HttpResponse<String> anonymous =
                api.text(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                        .build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> page = api.send("GET", "/swagger-ui/index.html", "leader", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }
}
