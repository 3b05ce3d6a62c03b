package cn.yiyang.planning.app.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/indicator-catalogue} as a department's system calls it: the catalogue with the 2021-2025 targets,
 * an entry by the owning department and the refusals (role, unit, level, range), targets of a new period by ADMIN
 * only, and the changes recorded. Subclasses pick the store; it starts with {@link IndicatorTestData}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.road-access.run-on-start=false"})
abstract class IndicatorCatalogueApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/v1/indicator-catalogue";

    @LocalServerPort
    int port;

    @Autowired
    FeatureRepository features;

    @Autowired
    LayerCatalogue catalogue;

    private ApiClient api;

    @BeforeEach
    void load() {
        IndicatorTestData.load(features, catalogue);
        api = new ApiClient(port);
    }

    @Test
    void theCatalogueListsEveryIndicatorWithItsTargetsPerGroup() throws Exception {
        JsonNode body = ok(api.send("GET", BASE, "leader", null));
        assertThat(body.get("period").asString()).isEqualTo("2021-2025");
        JsonNode indicators = body.get("indicators");
        assertThat(indicators.size()).isEqualTo(32);
        assertThat(indicators.get(0).get("id").asString()).isEqualTo("returned_to_poverty_count");
        JsonNode income = find(indicators, "village_collective_income");
        assertThat(income.get("nameZh").asString()).isEqualTo("村集体经济年收入");
        assertThat(income.get("unit").asString()).isEqualTo("wan_yuan");
        assertThat(income.get("source").asString()).isEqualTo("manual");
        assertThat(income.get("entryLevel").asString()).isEqualTo("village");
        List<String> groups = new ArrayList<>();
        income.get("targets").forEach(t -> groups.add(t.get("group").asString() + "=" + t.get("target")));
        assertThat(groups).containsExactly("all=null", "demonstration=10.0", "key_support=5.0");
        JsonNode class3 = find(indicators, "township_class3_road_rate");
        assertThat(class3.get("binding").asString()).isEqualTo("expected");
        assertThat(class3.get("targets").get(0).get("target").asDouble()).isEqualTo(0.85);
    }

    @Test
    void theOwningDepartmentEntersAValueAndOthersAreRefused() throws Exception {
        String entry = "{\"year\":2025,\"code\":\"" + IndicatorTestData.YI + "\",\"value\":5.5,\"note\":\"年报\"}";
        HttpResponse<String> created = api.send("POST", BASE + "/village_collective_income/entries", "planner", entry);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode e = JSON.readTree(created.body());
        assertThat(e.get("value").asDouble()).isEqualTo(5.5);
        assertThat(e.get("level").asString()).isEqualTo("village");
        assertThat(e.get("enteredBy").asString()).isEqualTo("planner");
        assertThat(e.get("enteredAt").isNull()).isFalse();

        HttpResponse<String> leader = api.send("POST", BASE + "/village_collective_income/entries", "leader", entry);
        assertThat(leader.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(leader.body()).get("code").asString()).isEqualTo("forbidden");

        assertProblem(
                api.send(
                        "POST",
                        BASE + "/village_collective_income/entries",
                        "planner",
                        "{\"year\":2025,\"code\":\"430921100999\",\"value\":5}"),
                "code");
        assertProblem(
                api.send(
                        "POST",
                        BASE + "/village_collective_income/entries",
                        "planner",
                        "{\"year\":2025,\"code\":\"" + IndicatorTestData.NANXIAN + "\",\"value\":5}"),
                "code");
        assertProblem(
                api.send(
                        "POST",
                        BASE + "/village_collective_income/entries",
                        "planner",
                        "{\"year\":2025,\"code\":\"" + IndicatorTestData.YI + "\",\"value\":-1}"),
                "value");
        assertProblem(
                api.send(
                        "POST",
                        BASE + "/sanitary_toilet_rate/entries",
                        "admin",
                        "{\"year\":2025,\"code\":\"" + IndicatorTestData.NANXIAN + "\",\"value\":0.9}"),
                "indicator");

        JsonNode list = ok(api.send("GET", BASE + "/village_collective_income/entries?year=2025", "leader", null));
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("code").asString()).isEqualTo(IndicatorTestData.YI);
        assertThat(list.get(0).get("note").asString()).isEqualTo("年报");
    }

    @Test
    void onlyAnAdministratorSetsANewPeriodsTargetsAndEachChangeIsRecorded() throws Exception {
        String targets = "[{\"indicator\":\"sanitary_toilet_rate\",\"group\":\"all\",\"target\":0.95,"
                + "\"source\":\"十五五\"},{\"indicator\":\"rural_sewage_treatment_rate\",\"group\":\"key_support\","
                + "\"noteZh\":\"高于全省平均水平\"}]";
        HttpResponse<String> planner = api.send("PUT", BASE + "/targets/2026-2030", "planner", targets);
        assertThat(planner.statusCode()).isEqualTo(403);
        assertProblem(api.send("PUT", BASE + "/targets/2026", "admin", targets), "period");
        assertProblem(
                api.send(
                        "PUT",
                        BASE + "/targets/2026-2030",
                        "admin",
                        "[{\"indicator\":\"sanitary_toilet_rate\",\"group\":\"all\",\"target\":95}]"),
                "target");

        JsonNode saved = ok(api.send("PUT", BASE + "/targets/2026-2030", "admin", targets));
        assertThat(saved.size()).isEqualTo(2);
        JsonNode next = ok(api.send("GET", BASE + "?period=2026-2030", "leader", null));
        assertThat(next.get("periods").toString()).isEqualTo("[\"2021-2025\",\"2026-2030\"]");
        assertThat(find(next.get("indicators"), "sanitary_toilet_rate")
                        .get("targets")
                        .get(0)
                        .get("target")
                        .asDouble())
                .isEqualTo(0.95);
        JsonNode changes = ok(api.send("GET", BASE + "/changes?indicator=sanitary_toilet_rate", "leader", null));
        assertThat(changes.size()).isEqualTo(1);
        assertThat(changes.get(0).get("changedBy").asString()).isEqualTo("admin");
        assertThat(changes.get(0).get("newValue").asDouble()).isEqualTo(0.95);
        assertThat(changes.get(0).get("keyA").asString()).isEqualTo("2026-2030");
    }

    private static JsonNode find(JsonNode indicators, String id) {
        for (JsonNode i : indicators) {
            if (i.get("id").asString().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no " + id);
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("code").asString()).isEqualTo("invalid_indicator_value");
        assertThat(p.get("field").asString()).isEqualTo(field);
    }
}
