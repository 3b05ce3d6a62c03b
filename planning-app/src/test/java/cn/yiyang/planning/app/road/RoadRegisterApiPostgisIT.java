package cn.yiyang.planning.app.road;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register API over HTTP against the app on PostGIS (a new database), holding {@link RegisterTestData}:
 * list and filters, closing by the transport role, the refusals (403 other roles, 404, 409, 422) as
 * problems in Chinese or English, the trend and the CSV (UTF-8 with BOM). Each test closes its own entry,
 * so that they hold in any order.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false"})
class RoadRegisterApiPostgisIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestStore db;
    private static boolean loaded;

    @TempDir
    static Path dataDir;

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

    @LocalServerPort
    int port;

    @Autowired
    FeatureRepository features;

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    LayerVersions versions;

    @BeforeEach
    void data() {
        synchronized (RoadRegisterApiPostgisIT.class) {
            if (!loaded) {
                RegisterTestData.load(features, catalogue);
                versions.changed();
                loaded = true;
            }
        }
    }

    @Test
    void listsTheEntriesNewestFirstWithFilters() throws Exception {
        HttpResponse<String> all = get("/api/v1/road-register", "leader", null);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        JsonNode list = json(all);
        assertThat(list.isArray()).isTrue();
        assertThat(keys(list))
                .containsExactly(
                        "Y003/2024-07-01", "C002/2024-06-15", "C001/2024-03-05", "X004/2024-02-10", "C002/2024-02-01");
        JsonNode closed = list.get(4);
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("statusLabel").asString()).isEqualTo("已销号");
        assertThat(closed.get("closedOn").asString()).isEqualTo("2024-02-20");
        assertThat(closed.get("closedIn").asString()).isEqualTo("inspection");
        assertThat(closed.get("daysOpen").asLong()).isEqualTo(19);
        assertThat(closed.get("townshipName").asString()).isEqualTo("茅草街镇");
        assertThat(closed.get("adminClassLabel").asString()).isEqualTo("村道");

        JsonNode x = json(get("/api/v1/road-register?county=430922&status=open", "planner", "en"));
        assertThat(keys(x)).containsExactly("X004/2024-02-10");
        assertThat(x.get(0).get("adminClassLabel").asString()).isEqualTo("County road");
        assertThat(x.get(0).get("statusLabel").asString()).isEqualTo("Open");
        assertThat(x.get(0).get("cause").asString()).isEqualTo("边坡垮塌");
        assertThat(keys(json(get(
                        "/api/v1/road-register?township=430921101&from=2024-02-01&to=2024-06-15&status=all",
                        "leader",
                        null))))
                .containsExactly("C002/2024-06-15", "C002/2024-02-01");

        HttpResponse<String> bad = get("/api/v1/road-register?status=gone", "leader", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("code").asString()).isEqualTo("bad_value");
        assertThat(get("/api/v1/road-register?from=2024-13-01", "leader", "en").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theTransportRoleClosesAnEntryOnceAndSecondTimeIsAConflict() throws Exception {
        HttpResponse<String> ok = post(
                "/api/v1/road-register/Y003/2024-07-01/close",
                "transport",
                null,
                "{\"closedOn\":\"2024-08-01\",\"note\":\"路面已修复\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode entry = json(ok);
        assertThat(entry.get("roadCode").asString()).isEqualTo("Y003");
        assertThat(entry.get("status").asString()).isEqualTo("closed");
        assertThat(entry.get("closedOn").asString()).isEqualTo("2024-08-01");
        assertThat(entry.get("closedBy").asString()).isEqualTo("transport");
        assertThat(entry.get("closedIn").asString()).isEqualTo("app");
        assertThat(entry.get("note").asString()).isEqualTo("路面已修复");
        assertThat(entry.get("daysOpen").asLong()).isEqualTo(31);

        JsonNode listed = json(get("/api/v1/road-register?status=closed", "leader", null));
        assertThat(keys(listed)).contains("Y003/2024-07-01");

        HttpResponse<String> again =
                post("/api/v1/road-register/Y003/2024-07-01/close", "admin", "en", "{\"closedOn\":\"2024-08-02\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("code").asString()).isEqualTo("register_entry_closed");
        assertThat(json(again).get("detail").asString()).contains("Y003", "2024-08-01", "closed");
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> byInspection =
                post("/api/v1/road-register/C002/2024-02-01/close", "transport", null, "{\"closedOn\":\"2024-03-01\"}");
        assertThat(byInspection.statusCode()).isEqualTo(409);
        assertThat(json(byInspection).get("detail").asString()).contains("已于 2024-02-20 销号");
    }

    @Test
    void otherRolesAreRefusedWith403AndUnknownEntriesWith404() throws Exception {
        for (String user : List.of("leader", "planner", "water")) {
            HttpResponse<String> r =
                    post("/api/v1/road-register/C001/2024-03-05/close", user, null, "{\"closedOn\":\"2024-04-01\"}");
            assertThat(r.statusCode()).as(user).isEqualTo(403);
            assertThat(json(r).get("code").asString()).isEqualTo("forbidden");
            assertThat(json(r).get("detail").asString()).contains("无权销号", user.toUpperCase(Locale.ROOT));
        }
        HttpResponse<String> en =
                post("/api/v1/road-register/C001/2024-03-05/close", "leader", "en", "{\"closedOn\":\"2024-04-01\"}");
        assertThat(json(en).get("detail").asString()).contains("may not close register entries");

        HttpResponse<String> unknown =
                post("/api/v1/road-register/C001/2024-03-06/close", "transport", null, "{\"closedOn\":\"2024-04-01\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asString()).isEqualTo("unknown_register_entry");
        assertThat(post(
                                "/api/v1/road-register/NOPE/2024-03-05/close",
                                "transport",
                                null,
                                "{\"closedOn\":\"2024-04-01\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(
                                "/api/v1/road-register/C001/yesterday/close",
                                "transport",
                                null,
                                "{\"closedOn\":\"2024-04-01\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(json(get("/api/v1/road-register?status=open", "leader", null))
                        .toString())
                .as("nothing refused was stored")
                .contains("C001");
    }

    @Test
    void badClosingDatesAre422() throws Exception {
        String path = "/api/v1/road-register/X004/2024-02-10/close";
        HttpResponse<String> before = post(path, "transport", null, "{\"closedOn\":\"2024-02-09\"}");
        assertThat(before.statusCode()).isEqualTo(422);
        assertThat(json(before).get("code").asString()).isEqualTo("bad_closing_date");
        assertThat(json(before).get("reason").asString()).isEqualTo("BEFORE_BLOCKED");
        assertThat(json(before).get("detail").asString()).contains("早于", "2024-02-10");

        String tomorrow = LocalDate.now(Region.TIME_ZONE).plusDays(2).toString();
        HttpResponse<String> future = post(path, "transport", "en", "{\"closedOn\":\"" + tomorrow + "\"}");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(json(future).get("reason").asString()).isEqualTo("IN_FUTURE");
        assertThat(json(future).get("detail").asString()).contains("in the future");

        for (String body : List.of("{\"closedOn\":\"10/02/2024\"}", "{\"note\":\"no date\"}", "")) {
            HttpResponse<String> r = post(path, "transport", null, body);
            assertThat(r.statusCode()).as(body).isEqualTo(422);
            assertThat(json(r).get("reason").asString()).isEqualTo("NOT_A_DATE");
        }
        assertThat(keys(json(get("/api/v1/road-register?county=430922&status=open", "leader", null))))
                .as("still open")
                .containsExactly("X004/2024-02-10");
    }

    @Test
    void theTrendAndTheCsv() throws Exception {
        JsonNode trend =
                json(get("/api/v1/road-register/trend", "leader", null)).get("months");
        assertThat(trend.get(0).get("month").asString()).isEqualTo("2024-01");
        assertThat(trend.get(1).toString())
                .isEqualTo("{\"month\":\"2024-02\",\"added\":2,\"closed\":1,\"openAtEnd\":1}");
        assertThat(trend.get(6).get("added").asInt()).isEqualTo(1); // 2024-07: Y003

        HttpResponse<byte[]> csv = getBytes("/api/v1/road-register.csv?county=430921&status=all", "leader", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".csv");
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        String[] lines = text.substring(1).split("\r\n");
        assertThat(lines[0])
                .isEqualTo("road_code,road_name,admin_class,county,township,cause,blocked_on,days_open,"
                        + "status,closed_on,closed_by,note,route_code,route_inspection");
        assertThat(lines).hasSize(5); // header + C001, C002 ×2, Y003
        assertThat(text).contains("C002,新建村道,村道,南县,茅草街镇,塌方,2024-02-01,19,已销号,2024-02-20,巡查记录,");
        String english = new String(
                getBytes("/api/v1/road-register.csv?status=closed", "leader", "en")
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(english)
                .contains("Village road", "Closed", "Inspection record")
                .doesNotContain("已销号");
        assertThat(getBytes("/api/v1/road-register.csv", null, null).statusCode())
                .as("signed-in users only")
                .isEqualTo(401);
    }

    private static List<String> keys(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e ->
                out.add(e.get("roadCode").asString() + "/" + e.get("blockedOn").asString()));
        return out;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> get(String path, String user, String language) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        request(path, user, language).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> getBytes(String path, String user, String language) throws Exception {
        return HttpClient.newHttpClient()
                .send(request(path, user, language).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String path, String user, String language, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        request(path, user, language)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, String user, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":yiyang2025").getBytes(StandardCharsets.UTF_8)));
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return b;
    }
}
