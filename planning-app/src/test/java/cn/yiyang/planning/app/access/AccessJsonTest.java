package cn.yiyang.planning.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.AccessSettings;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The road-access API's records write the members the maps they replaced wrote, in the same order (the README's),
 * nulls included; a run's stored documents (settings, data version, summary) come back as stored.
 */
class AccessJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void aRunHasTheMembersItHadAsAMap() {
        String settings = JSON.writeValueAsString(AccessSettingsForm.of(AccessSettings.defaults()));
        AnalysisRun queued = AnalysisRun.queued("r1", AnalysisRun.ROAD_ACCESS, "transport", settings);
        JsonNode json = JSON.readTree(JSON.writeValueAsString(AccessJson.Run.of(queued)));
        assertThat(names(json))
                .containsExactly(
                        "id",
                        "kind",
                        "status",
                        "progress",
                        "requestedBy",
                        "createdAt",
                        "startedAt",
                        "finishedAt",
                        "settings",
                        "dataVersion",
                        "summary",
                        "message");
        assertThat(json.get("startedAt").isNull()).isTrue();
        assertThat(json.get("summary").isNull()).isTrue();
        assertThat(json.get("settings")).isEqualTo(JSON.readTree(settings));

        String version = "{\"bus_stop\":3,\"household\":7}";
        String summary = """
                {"households":10,"householdsServed":9,"naturalVillages":2,"villages":1,"townships":1,"roads":3,\
                "networkKm":1.5,"fragments":0,"fragmentKm":0.0,"fragmentRoads":[],"impassableRoads":0,"gaps":1,\
                "problems":{},"city":{"rural_access_index":0.5},"readMs":1,"analysisMs":2,"storeMs":3,\
                "storeSteps":{"indicators":1}}""";
        AnalysisRun done = queued.started(Instant.now(), version).succeeded(Instant.now(), summary);
        JsonNode run = JSON.readTree(JSON.writeValueAsString(AccessJson.Run.of(done)));
        assertThat(run.get("dataVersion")).isEqualTo(JSON.readTree(version));
        assertThat(JSON.writeValueAsString(run.get("summary"))).isEqualTo(summary);
    }

    @Test
    void indicatorsHaveTheMembersTheyHadAsMaps() {
        IndicatorValue v = new IndicatorValue(
                "r1",
                AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE,
                UnitLevel.COUNTY,
                "430921",
                "资阳区",
                "430900",
                UnitGroup.ALL,
                90,
                100,
                null);
        JsonNode json = JSON.readTree(JSON.writeValueAsString(
                new AccessJson.Indicators("r1", "2021-2025", List.of(AccessJson.Indicator.of(v)))));
        assertThat(names(json)).containsExactly("runId", "planPeriod", "indicators");
        JsonNode one = json.get("indicators").get(0);
        assertThat(names(one))
                .containsExactly(
                        "indicator",
                        "code",
                        "name",
                        "level",
                        "group",
                        "parentCode",
                        "value",
                        "numerator",
                        "denominator",
                        "target",
                        "runId");
        assertThat(one.get("value").asDouble()).isEqualTo(0.9);
        assertThat(List.of(
                        one.get("indicator").asString(),
                        one.get("level").asString(),
                        one.get("group").asString()))
                .containsExactly("household_road_access_rate", "county", "all");
        assertThat(one.get("target").isNull()).isTrue();
        assertThat(names(JSON.readTree(JSON.writeValueAsString(new AccessJson.Runs(List.of())))))
                .containsExactly("runs");
    }
}
