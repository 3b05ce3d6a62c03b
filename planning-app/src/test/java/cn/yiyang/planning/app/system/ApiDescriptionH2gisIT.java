package cn.yiyang.planning.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.ApiClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * {@code /v3/api-docs}, every operation lists the problems it can answer (codes of the README's table, with their
 * status), and the description and its page are for signed-in
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

    /**
     * Every operation lists the codes it can answer ({@code x-problem-codes}) and, under each status, the codes
     * answered with it; each is a code of the README's table with that status. Operations on a layer, a feature, a
     * plan or an import name its unknown_* code; writes name {@code forbidden}. (That a code is really answered is
     * each feature's tests' business.)
     */
    @Test
    void everyOperationListsItsProblemsAndEachIsInTheReadmesTableWithItsStatus() throws Exception {
        Map<String, Set<Integer>> readme = readmeStatuses();
        ApiClient api = new ApiClient(port);
        JsonNode paths = JSON.readTree(
                        api.send("GET", "/v3/api-docs", "leader", null).body())
                .get("paths");
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String name = method.getKey() + " " + path.getKey();
                JsonNode op = method.getValue();
                operations++;
                Set<String> listed = new TreeSet<>();
                op.path(ApiDescription.CODES_EXTENSION).forEach(c -> listed.add(c.asString()));
                if (listed.isEmpty()) {
                    wrong.add(name + ": no problem codes");
                }
                Set<String> byStatus = new TreeSet<>();
                for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
                    if (!response.getValue().path("content").has("application/problem+json")) {
                        continue;
                    }
                    String description = response.getValue().path("description").asString();
                    for (String code :
                            description.replaceFirst("^problem: ", "").split(", ")) {
                        byStatus.add(code);
                        Set<Integer> statuses = readme.get(code);
                        if (statuses == null) {
                            wrong.add(name + ": " + code + " is not in the README's table");
                        } else if (!statuses.contains(Integer.parseInt(response.getKey()))) {
                            wrong.add(name + ": " + code + " has status " + statuses + " in the README, not "
                                    + response.getKey());
                        }
                    }
                }
                if (!byStatus.equals(listed)) {
                    wrong.add(name + ": listed " + listed + " but described under statuses " + byStatus);
                }
                if (path.getKey().contains("**")) {
                    continue; // UnmatchedPaths: 404 not_found and 405 for whatever no controller maps
                }
                expect(
                        name,
                        listed,
                        path.getKey().matches(".*(layers|tiles|collections)/\\{layer}.*"),
                        "unknown_layer",
                        wrong);
                expect(name, listed, path.getKey().matches(".*/features/\\{id}.*"), "unknown_feature", wrong);
                expect(name, listed, path.getKey().startsWith("/api/v1/plans/{code}"), "unknown_plan", wrong);
                expect(name, listed, path.getKey().startsWith("/api/v1/imports/{id}"), "unknown_import", wrong);
                expect(name, listed, !method.getKey().equals("get"), "forbidden", wrong);
            }
        }
        assertThat(operations).as("operations described").isGreaterThan(60);
        assertThat(wrong).as("operations whose problems are wrong").isEmpty();
        JsonNode close =
                paths.path("/api/v1/road-register/{roadCode}/{blockedOn}/close").path("post");
        assertThat(close.path("responses").path("409").path("description").asString())
                .isEqualTo("problem: register_entry_closed");
        assertThat(close.path(ApiDescription.CODES_EXTENSION).toString())
                .isEqualTo("[\"bad_request\",\"unauthenticated\",\"method_not_allowed\",\"not_acceptable\","
                        + "\"internal\",\"store_query_failed\",\"store_unavailable\",\"forbidden\","
                        + "\"unknown_register_entry\",\"register_entry_closed\",\"bad_closing_date\"]");
    }

    private static void expect(String op, Set<String> listed, boolean applies, String code, List<String> wrong) {
        if (applies && !listed.contains(code)) {
            wrong.add(op + ": does not list " + code);
        }
    }

    /** The README's table "Problem codes": each code with the statuses of its row. */
    private static Map<String, Set<Integer>> readmeStatuses() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("### Problem codes");
        String table = readme.substring(start, readme.indexOf("\n#", start + 1));
        Map<String, Set<Integer>> statuses = new HashMap<>();
        Pattern code = Pattern.compile("`([a-z0-9_]+)`");
        Pattern status = Pattern.compile("\\b(\\d{3})\\b");
        for (String row : table.split("\n")) {
            String[] cells = row.split("\\|");
            if (cells.length < 4) {
                continue;
            }
            Set<Integer> s = new TreeSet<>();
            Matcher st = status.matcher(cells[2]);
            while (st.find()) {
                s.add(Integer.parseInt(st.group(1)));
            }
            Matcher c = code.matcher(cells[1]);
            while (c.find()) {
                statuses.computeIfAbsent(c.group(1), k -> new TreeSet<>()).addAll(s);
            }
        }
        return statuses;
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
