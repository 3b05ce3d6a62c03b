package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs and indicators as the REST API shows them (members in the order the README lists them; Jackson would
 * otherwise sort them alphabetically).
 */
public final class RunJson {

    /** The summary member under which a run keeps its data problems (the API lists them as {@code problems}). */
    static final String STORED_PROBLEMS = "dataProblems";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private RunJson() {}

    /**
     * A run.
     *
     * @param id the run id
     * @param kind the stored kind ({@code road_access}, {@code water_supply} …)
     * @param status QUEUED, RUNNING, SUCCEEDED or FAILED
     * @param progress 0..1
     * @param requestedBy the user, or {@code scheduler}
     * @param createdAt when it was asked for
     * @param startedAt when it started, or null
     * @param finishedAt when it ended, or null
     * @param settings the settings used
     * @param dataVersion the version of each layer it read, or null before it started
     * @param summary what it found, or null before it succeeded
     * @param problems the data problems it met, in the caller's language
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
        "problems",
        "message"
    })
    public record Run(
            String id,
            String kind,
            String status,
            double progress,
            String requestedBy,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            Map<String, Object> settings,
            Map<String, Object> dataVersion,
            Map<String, Object> summary,
            List<Problem> problems,
            String message) {

        /** The run in {@code locale}'s language. */
        public static Run of(AnalysisRun run, Messages messages, Locale locale) {
            Map<String, Object> summary = read(run.summaryJson());
            List<Problem> problems = new ArrayList<>();
            for (RunProblem p : problems(run)) {
                problems.add(Problem.of(p, messages, locale));
            }
            if (summary != null) {
                summary.remove(STORED_PROBLEMS);
            }
            return new Run(
                    run.id(),
                    run.kind(),
                    run.status().name(),
                    run.progress(),
                    run.requestedBy(),
                    run.createdAt(),
                    run.startedAt(),
                    run.finishedAt(),
                    read(run.settingsJson()),
                    read(run.dataVersionJson()),
                    summary,
                    problems,
                    run.message());
        }

        /** @return the data problems the run keeps (none before it succeeded) */
        public static List<RunProblem> problems(AnalysisRun run) {
            Map<String, Object> summary = read(run.summaryJson());
            List<RunProblem> out = new ArrayList<>();
            if (summary != null && summary.get(STORED_PROBLEMS) instanceof List<?> stored) {
                for (Object o : stored) {
                    out.add(JSON.convertValue(o, RunProblem.class));
                }
            }
            return out;
        }

        private static Map<String, Object> read(String json) {
            return json == null ? null : new LinkedHashMap<>(JSON.readValue(json, OBJECT));
        }
    }

    /**
     * A data problem of a run.
     *
     * @param code its code
     * @param layer the layer
     * @param feature the feature's code
     * @param field the field
     * @param message what is wrong and what to do, in the caller's language
     * @param location [lon, lat], or null
     */
    @JsonPropertyOrder({"code", "layer", "feature", "field", "message", "location"})
    public record Problem(String code, String layer, String feature, String field, String message, double[] location) {

        static Problem of(RunProblem p, Messages messages, Locale locale) {
            return new Problem(
                    p.code(),
                    p.layer(),
                    p.feature(),
                    p.field(),
                    messages.get(p.messageKey(), locale, p.arguments().toArray()),
                    p.lon() == null || p.lat() == null ? null : new double[] {p.lon(), p.lat()});
        }
    }

    /** @param runs the latest runs, newest first */
    public record Runs(List<Run> runs) {}

    /**
     * The indicators asked for.
     *
     * @param runId the run they come from when they come from one run, else null
     * @param planPeriod the plan period whose targets stand beside the values
     * @param indicators the values
     */
    @JsonPropertyOrder({"runId", "planPeriod", "indicators"})
    public record Indicators(String runId, String planPeriod, List<Indicator> indicators) {}

    /**
     * One indicator of one unit and group.
     *
     * @param indicator the indicator id
     * @param kind the analysis kind that computes it ({@code water-supply} …; {@code village-plan} for the live plan
     *     coverage)
     * @param code the unit's code
     * @param name the unit's name
     * @param level the unit's level
     * @param group the villages counted
     * @param parentCode the code of the unit it lies in, or null
     * @param value numerator / denominator (the numerator for a count), or null when nothing is counted
     * @param numerator what meets the measure
     * @param denominator what is counted
     * @param count whether the indicator is a count (lower is better)
     * @param target the plan's target, or null
     * @param meetsTarget whether the value meets the target, or null
     * @param runId the run, or null when computed live
     */
    @JsonPropertyOrder({
        "indicator",
        "kind",
        "code",
        "name",
        "level",
        "group",
        "parentCode",
        "value",
        "numerator",
        "denominator",
        "count",
        "target",
        "meetsTarget",
        "runId"
    })
    public record Indicator(
            String indicator,
            String kind,
            String code,
            String name,
            String level,
            String group,
            String parentCode,
            Double value,
            long numerator,
            long denominator,
            boolean count,
            Double target,
            Boolean meetsTarget,
            String runId) {

        static Indicator of(String kind, IndicatorValue v) {
            return new Indicator(
                    v.indicator().id(),
                    kind,
                    v.code(),
                    v.name(),
                    v.level().id(),
                    v.group().id(),
                    v.parentCode(),
                    v.value(),
                    v.numerator(),
                    v.denominator(),
                    v.indicator().count(),
                    v.target(),
                    v.meetsTarget(),
                    v.runId());
        }
    }
}
