package cn.yiyang.planning.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.analysis.AnalysisRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run summary is a stored format: {@code analysis_run.summary} of runs made by earlier versions must still read,
 * and the API returns it member for member. A renamed component would silently read as 0, so the names are held
 * here.
 */
class AccessRunSummaryTest {

    /** The members as runs have stored them since the store steps were timed, in this order. */
    static final List<String> MEMBERS = List.of(
            "households",
            "householdsServed",
            "naturalVillages",
            "villages",
            "townships",
            "roads",
            "networkKm",
            "fragments",
            "fragmentKm",
            "fragmentRoads",
            "impassableRoads",
            "gaps",
            "problems",
            "city",
            "readMs",
            "analysisMs",
            "storeMs",
            "storeSteps");

    private static AccessRunSummary sample() {
        Map<String, Double> city = new LinkedHashMap<>();
        city.put("household_road_access_rate", 0.931);
        city.put("village_bus_service_rate", null);
        return new AccessRunSummary(
                12_345,
                11_500,
                640,
                120,
                12,
                3_456,
                1_234.5,
                7,
                12.3,
                List.of("R001", "R002"),
                4,
                31,
                new TreeMap<>(Map.of("TOWNSHIP_WITHOUT_SEAT", 1L)),
                city,
                850,
                4_200,
                1_300,
                new TreeMap<>(Map.of("indicators", 400L, "access_road", 600L)));
    }

    @Test
    void theJsonMemberNamesAndTheirOrderAreThoseRunsHaveStored() {
        JsonNode json = JsonMapper.builder().build().readTree(sample().toJson());
        List<String> names = new ArrayList<>();
        json.propertyNames().forEach(names::add);
        assertThat(names).containsExactlyElementsOf(MEMBERS);
        assertThat(Arrays.stream(AccessRunSummary.class.getRecordComponents())
                        .map(c -> c.getName())
                        .toList())
                .as("every component is a stored member")
                .containsExactlyElementsOf(MEMBERS);
        assertThat(json.get("city").has("village_bus_service_rate"))
                .as("a city value of nothing counted")
                .isTrue();
        assertThat(json.get("city").get("village_bus_service_rate").isNull()).isTrue();
    }

    @Test
    void aStoredSummaryReadsBackEqual() {
        AccessRunSummary summary = sample();
        AnalysisRun run = AnalysisRun.queued("r1", AnalysisRun.ROAD_ACCESS, "transport", "{}")
                .succeeded(Instant.now(), summary.toJson());
        assertThat(AccessRunSummary.of(run)).contains(summary);
        assertThat(AccessRunSummary.fromJson(summary.toJson()).toJson()).isEqualTo(summary.toJson());
    }

    @Test
    void aSummaryStoredByTheMapBasedVersionReads() {
        // As the run wrote it before the summary was a record (a LinkedHashMap written by Jackson).
        String stored = """
                {"households":12345,"householdsServed":11500,"naturalVillages":640,"villages":120,"townships":12,\
                "roads":3456,"networkKm":1234.5,"fragments":7,"fragmentKm":12.3,"fragmentRoads":["R001","R002"],\
                "impassableRoads":4,"gaps":31,"problems":{"TOWNSHIP_WITHOUT_SEAT":1},\
                "city":{"household_road_access_rate":0.931,"village_bus_service_rate":null},"readMs":850,\
                "analysisMs":4200,"storeMs":1300,"storeSteps":{"access_road":600,"indicators":400}}""";
        AccessRunSummary read = AccessRunSummary.fromJson(stored);
        assertThat(read).isEqualTo(sample());
        assertThat(read.toJson()).isEqualTo(stored);
    }

    @Test
    void aSummaryStoredBeforeTheStoreStepsWereTimedReadsWithoutThem() {
        String stored = """
                {"households":10,"householdsServed":9,"naturalVillages":2,"villages":1,"townships":1,"roads":3,\
                "networkKm":1.5,"fragments":0,"fragmentKm":0.0,"fragmentRoads":[],"impassableRoads":0,"gaps":1,\
                "problems":{},"city":{},"readMs":1,"analysisMs":2,"storeMs":3}""";
        AccessRunSummary read = AccessRunSummary.fromJson(stored);
        assertThat(read.households()).isEqualTo(10);
        assertThat(read.storeSteps()).isNull();
        assertThat(read.toJson())
                .as("written back as stored, no storeSteps: null")
                .isEqualTo(stored);
    }
}
