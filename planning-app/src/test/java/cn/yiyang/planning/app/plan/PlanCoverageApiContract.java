package cn.yiyang.planning.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code village_plan_coverage_rate} through {@code GET /api/v1/indicators}, computed live from a few villages and
 * plans of known counts: by city, county and township and by group, with its target, beside (and without) a
 * road-access run, and following the plans as they change. Subclasses pick the store; it starts empty.
 *
 * <p>Fixture: county 430921 has township 430921100 with villages 201 (key support), 202 (key support and
 * demonstration), 203 and the urban community 001 (城乡分类 111), and township 430921101 with villages 201
 * (demonstration) and 202; county 430922 has township 430922100 with villages 201 (key support) and 202.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.road-access.run-on-start=false"})
abstract class PlanCoverageApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RATE = "village_plan_coverage_rate";

    @LocalServerPort
    int port;

    @Autowired
    FeatureRepository features;

    @Autowired
    LayerCatalogue catalogue;

    @BeforeEach
    void load() {
        load("county", county("430921", "南县"), county("430922", "桃江县"));
        load(
                "township",
                township("430921100", "南洲镇", "430921"),
                township("430921101", "茅草街镇", "430921"),
                township("430922100", "桃花江镇", "430922"));
        load(
                "village",
                village("430921100201", "一村", "220", true, false),
                village("430921100202", "二村", "220", true, true),
                village("430921100203", "三村", "220", false, false),
                village("430921100001", "南洲社区", "111", false, false),
                village("430921101201", "四村", "210", false, true),
                village("430921101202", "五村", null, false, false),
                village("430922100201", "六村", "220", true, false),
                village("430922100202", "七村", "220", false, false));
        load(
                "village_plan",
                plan("P1", "approved", "430921100201、430921100202"),
                plan("P2", "entered", "430921100001；430921100202 430922100201"),
                plan("P3", "reviewing", "430921101201，430921101202"),
                plan("P4", "compiling", "430922100202"));
    }

    @Test
    void byCountyWithItsTargetAndNoRun() throws Exception {
        JsonNode body = get("/api/v1/indicators?indicator=" + RATE + "&level=county");
        assertThat(body.get("runId").isNull()).isTrue();
        assertThat(body.get("planPeriod").asString()).isEqualTo("2021-2025");
        Map<String, JsonNode> byKey = byCodeAndGroup(body);
        assertThat(byKey).hasSize(6);
        // 南县: 一村, 二村 covered of 一 二 三 四 五 (the community left out); 桃江县: 六村 of 六 七
        assertCount(byKey.get("430921/all"), 2, 5);
        assertCount(byKey.get("430921/key_support"), 2, 2);
        assertCount(byKey.get("430921/demonstration"), 1, 2);
        assertCount(byKey.get("430922/all"), 1, 2);
        assertCount(byKey.get("430922/demonstration"), 0, 0);
        JsonNode nanxian = byKey.get("430921/all");
        assertThat(nanxian.get("value").asDouble()).isEqualTo(0.4);
        assertThat(nanxian.get("target").asDouble()).isEqualTo(1.0);
        assertThat(nanxian.get("name").asString()).isEqualTo("南县");
        assertThat(nanxian.get("parentCode").asString()).isEqualTo("430900");
        assertThat(nanxian.get("runId").isNull()).isTrue();
        assertThat(byKey.get("430922/demonstration").get("value").isNull()).isTrue();
    }

    @Test
    void byCityAndTownshipInTheDefaultListing() throws Exception {
        JsonNode city = get("/api/v1/indicators?level=city");
        List<String> ids = new ArrayList<>();
        city.get("indicators").forEach(v -> ids.add(v.get("indicator").asString()));
        assertThat(ids).as("no road-access run yet: only the live indicator").containsOnly(RATE);
        Map<String, JsonNode> byKey = byCodeAndGroup(city);
        assertCount(byKey.get("430900/all"), 3, 7);
        assertCount(byKey.get("430900/key_support"), 3, 3);
        assertCount(byKey.get("430900/demonstration"), 1, 2);

        Map<String, JsonNode> townships = byCodeAndGroup(get("/api/v1/indicators?level=township&group=all"));
        assertCount(townships.get("430921100/all"), 2, 3);
        assertCount(townships.get("430921101/all"), 0, 2);
        assertThat(townships.get("430921101/all").get("parentCode").asString()).isEqualTo("430921");
        Map<String, JsonNode> one = byCodeAndGroup(get("/api/v1/indicators?level=township&code=430921101"));
        assertThat(one.keySet()).containsExactlyInAnyOrder("430921101/all", "430921101/demonstration");

        assertThat(get("/api/v1/indicators?level=natural_village&indicator=" + RATE)
                        .get("indicators")
                        .isEmpty())
                .isTrue();
        assertThat(get("/api/v1/indicators?level=city&indicator=household_road_access_rate")
                        .get("indicators")
                        .isEmpty())
                .as("a road-access indicator asked for: no live one")
                .isTrue();
    }

    @Test
    void aPlanComingIntoForceCountsAtOnce() throws Exception {
        load(
                "village_plan",
                plan("P1", "approved", "430921100201、430921100202"),
                plan("P2", "entered", "430921100001；430921100202 430922100201"),
                plan("P3", "approved", "430921101201，430921101202"),
                plan("P4", "compiling", "430922100202"));
        Map<String, JsonNode> city = byCodeAndGroup(get("/api/v1/indicators?level=city&indicator=" + RATE));
        assertCount(city.get("430900/all"), 5, 7);
        assertCount(city.get("430900/demonstration"), 2, 2);
    }

    @Test
    void anUnknownIndicatorIsABadValueNamingEveryIndicator() throws Exception {
        HttpResponse<String> bad = send("/api/v1/indicators?level=city&indicator=plan_rate");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("household_road_access_rate").contains(RATE);
    }

    private static void assertCount(JsonNode v, long numerator, long denominator) {
        assertThat(v).isNotNull();
        assertThat(v.get("indicator").asString()).isEqualTo(RATE);
        assertThat(v.get("numerator").asLong()).as(v.toString()).isEqualTo(numerator);
        assertThat(v.get("denominator").asLong()).as(v.toString()).isEqualTo(denominator);
    }

    private static Map<String, JsonNode> byCodeAndGroup(JsonNode body) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode v : body.get("indicators")) {
            if (v.get("indicator").asString().equals(RATE)) {
                out.put(v.get("code").asString() + "/" + v.get("group").asString(), v);
            }
        }
        return out;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("leader:yiyang2025".getBytes(StandardCharsets.UTF_8)))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private void load(String layer, Feature... rows) {
        features.load(catalogue.get(layer), LoadMode.REPLACE, List.of(rows).iterator());
    }

    private static Feature county(String code, String name) {
        return Feature.of(Map.of("code", code, "name", name), box(code));
    }

    private static Feature township(String code, String name, String county) {
        return Feature.of(Map.of("code", code, "name", name, "county_code", county), box(code));
    }

    private static Feature village(String code, String name, String urbanRural, boolean key, boolean demo) {
        Map<String, Object> a = new HashMap<>(Map.of(
                "code",
                code,
                "name",
                name,
                "township_code",
                code.substring(0, 9),
                "key_support",
                key,
                "demonstration",
                demo));
        if (urbanRural != null) {
            a.put("urban_rural_code", urbanRural);
        }
        return Feature.of(a, box(code));
    }

    private static Feature plan(String code, String status, String villages) {
        return Feature.of(
                Map.of("code", code, "name", code + "村庄规划", "status", status, "village_codes", villages),
                box(villages.substring(0, 12)));
    }

    /** A small square somewhere in Yiyang, different for each code. */
    private static Geometry box(String code) {
        double x = 112.0 + Math.floorMod(code.hashCode(), 100) * 0.005;
        double y = 28.3 + Math.floorMod(code.hashCode() / 100, 100) * 0.005;
        return LayerGeometry.FACTORY.createMultiPolygon(new Polygon[] {
            LayerGeometry.FACTORY.createPolygon(new Coordinate[] {
                new Coordinate(x, y),
                new Coordinate(x + 0.004, y),
                new Coordinate(x + 0.004, y + 0.004),
                new Coordinate(x, y + 0.004),
                new Coordinate(x, y)
            })
        });
    }
}
