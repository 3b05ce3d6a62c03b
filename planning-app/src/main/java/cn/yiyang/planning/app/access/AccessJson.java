package cn.yiyang.planning.app.access;

import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Road-access runs and indicators as the REST API shows them (members in the order the README lists them; Jackson
 * would otherwise sort them alphabetically).
 */
final class AccessJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccessJson() {}

    /**
     * A run.
     *
     * @param id the run id
     * @param kind {@code road_access}
     * @param status QUEUED, RUNNING, SUCCEEDED or FAILED
     * @param progress 0..1
     * @param requestedBy the user, or {@code scheduler}
     * @param createdAt when it was asked for
     * @param startedAt when it started, or null
     * @param finishedAt when it ended, or null
     * @param settings the thresholds used
     * @param dataVersion the version of each layer it read, or null before it started
     * @param summary what it found, or null before it succeeded
     * @param message a message code when it failed, else null
     */
    @JsonPropertyOrder({
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
        "message"
    })
    record Run(
            String id,
            String kind,
            String status,
            double progress,
            String requestedBy,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            AccessSettingsForm settings,
            Map<String, Long> dataVersion,
            AccessRunSummary summary,
            String message) {

        static Run of(AnalysisRun run) {
            return new Run(
                    run.id(),
                    run.kind(),
                    run.status().name(),
                    run.progress(),
                    run.requestedBy(),
                    run.createdAt(),
                    run.startedAt(),
                    run.finishedAt(),
                    run.settingsJson() == null ? null : JSON.readValue(run.settingsJson(), AccessSettingsForm.class),
                    run.dataVersionJson() == null
                            ? null
                            : JSON.readValue(run.dataVersionJson(), new TypeReference<Map<String, Long>>() {}),
                    AccessRunSummary.of(run).orElse(null),
                    run.message());
        }
    }

    /** @param runs the latest runs, newest first */
    record Runs(List<Run> runs) {}

    /**
     * The indicators asked for.
     *
     * @param runId the run they come from, or null when there is none
     * @param planPeriod the plan period whose targets stand beside the values
     * @param indicators the values
     */
    @JsonPropertyOrder({"runId", "planPeriod", "indicators"})
    record Indicators(String runId, String planPeriod, List<Indicator> indicators) {}

    /**
     * One indicator of one unit and group.
     *
     * @param indicator the indicator id
     * @param code the unit's code
     * @param name the unit's name
     * @param level the unit's level
     * @param group the villages counted
     * @param parentCode the code of the unit it lies in, or null
     * @param value numerator / denominator, or null when nothing is counted
     * @param numerator what meets the measure
     * @param denominator what is counted
     * @param target the plan's target, or null
     * @param runId the run
     */
    @JsonPropertyOrder({
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
        "runId"
    })
    record Indicator(
            String indicator,
            String code,
            String name,
            String level,
            String group,
            String parentCode,
            Double value,
            long numerator,
            long denominator,
            Double target,
            String runId) {

        static Indicator of(IndicatorValue v) {
            return new Indicator(
                    v.indicator().id(),
                    v.code(),
                    v.name(),
                    v.level().id(),
                    v.group().id(),
                    v.parentCode(),
                    v.value(),
                    v.numerator(),
                    v.denominator(),
                    v.target(),
                    v.runId());
        }
    }
}
