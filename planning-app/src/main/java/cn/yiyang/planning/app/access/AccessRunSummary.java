package cn.yiyang.planning.app.access;

import cn.yiyang.planning.geo.access.AccessInput;
import cn.yiyang.planning.geo.access.AccessResult;
import cn.yiyang.planning.geo.access.AccessResult.HouseholdAccess;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a road-access run found, in figures: written by the run into {@code analysis_run.summary} as JSON, read back
 * by the dashboard and returned by the API as the run's {@code summary}. The JSON member names are the component
 * names and are a stored format: runs stored before a rename would no longer read (AccessRunSummaryTest holds them).
 *
 * @param households households read
 * @param householdsServed households within the served distance of the network
 * @param naturalVillages natural villages read
 * @param villages administrative villages read
 * @param townships townships read
 * @param roads roads read
 * @param networkKm length of the connected network, km to one decimal
 * @param fragments isolated hardened fragments
 * @param fragmentKm their length, km to one decimal
 * @param fragmentRoads the roads in them, sorted, at most 200
 * @param impassableRoads roads left out because the 通返不通 register holds them impassable
 * @param gaps gaps found
 * @param problems data problem kind → how many, sorted by kind
 * @param city the city's value of each indicator for all villages (null when nothing is counted)
 * @param readMs time to read the layers
 * @param analysisMs time of the analysis
 * @param storeMs time to store indicators and derived layers
 * @param storeSteps store step (indicators, each derived layer) → its time, sorted by step; absent in runs stored
 *                   before the steps were timed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
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
    "storeSteps"
})
public record AccessRunSummary(
        int households,
        long householdsServed,
        int naturalVillages,
        int villages,
        int townships,
        int roads,
        double networkKm,
        int fragments,
        double fragmentKm,
        List<String> fragmentRoads,
        int impassableRoads,
        int gaps,
        Map<String, Long> problems,
        Map<String, Double> city,
        long readMs,
        long analysisMs,
        long storeMs,
        Map<String, Long> storeSteps) {

    /** Stored runs may carry members a later version dropped: they are skipped, not an error. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** At most this many fragment roads are listed (a city's worth would bloat every run). */
    static final int FRAGMENT_ROADS_LISTED = 200;

    /**
     * The summary of an analysis.
     *
     * @param in what it read
     * @param r what it found
     * @param readMs time to read the layers
     * @param analysisMs time of the analysis
     * @param storeMs time to store the results
     * @param storeSteps each store step's time
     * @return the summary
     */
    public static AccessRunSummary of(
            AccessInput in, AccessResult r, long readMs, long analysisMs, long storeMs, Map<String, Long> storeSteps) {
        Map<String, Double> city = new LinkedHashMap<>();
        for (UnitIndicator u : r.indicators()) {
            if (u.level() == UnitLevel.CITY && u.group() == UnitGroup.ALL) {
                city.put(u.indicator().id(), u.value());
            }
        }
        return new AccessRunSummary(
                in.households().size(),
                r.households().stream().filter(HouseholdAccess::served).count(),
                in.naturalVillages().size(),
                in.villages().size(),
                in.townships().size(),
                in.roads().size(),
                tenth(r.network().networkKm()),
                r.fragments().size(),
                tenth(r.network().fragmentKm()),
                r.fragments().stream()
                        .flatMap(f -> f.roadIds().stream())
                        .sorted()
                        .limit(FRAGMENT_ROADS_LISTED)
                        .toList(),
                r.network().impassableRoads(),
                r.gaps().size(),
                r.problems().stream()
                        .collect(Collectors.groupingBy(p -> p.kind().name(), TreeMap::new, Collectors.counting())),
                city,
                readMs,
                analysisMs,
                storeMs,
                new TreeMap<>(storeSteps));
    }

    private static double tenth(double km) {
        return Math.round(km * 10) / 10.0;
    }

    /**
     * @param run a run
     * @return its summary; none before it succeeded
     */
    public static Optional<AccessRunSummary> of(AnalysisRun run) {
        return Optional.ofNullable(run.summaryJson()).map(AccessRunSummary::fromJson);
    }

    /**
     * @param json a summary as stored
     * @return the summary
     */
    public static AccessRunSummary fromJson(String json) {
        return JSON.readValue(json, AccessRunSummary.class);
    }

    /** @return the summary as stored */
    public String toJson() {
        return JSON.writeValueAsString(this);
    }
}
