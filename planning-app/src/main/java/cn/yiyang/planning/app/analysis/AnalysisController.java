package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.plan.PlanCoverageService;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.Indicators;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.plan.PlanIndicator;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.Scope;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analysis runs and indicators over REST, for every {@link AnalysisKind}:
 * <ul>
 *   <li>{@code GET /api/v1/analyses} → the kinds, each with its theme, indicators and settings (defaults, ranges);</li>
 *   <li>{@code POST /api/v1/analyses/{kind}/runs} (optional JSON object of settings) → 202 with the run; 400
 *   {@code bad_setting}, 403 for roles that do not own the kind's theme, 404 {@code unknown_analysis};</li>
 *   <li>{@code GET /api/v1/analyses/runs/{id}} → status, progress, settings, data version, summary, problems;</li>
 *   <li>{@code GET /api/v1/analyses/runs?kind=&limit=} → the latest runs, newest first;</li>
 *   <li>{@code GET /api/v1/indicators?level=city|county|township|village|natural_village[&kind=][&code=][&group=]
 *   [&indicator=][&runId=]} → the indicators of each kind's latest successful run (or the run named), with the plan
 *   period's targets, and, unless a run is named, those computed live ({@link PlanIndicator}, kind
 *   {@value #PLAN_KIND}); ordered by code;</li>
 *   <li>{@code GET /api/v1/analyses/{kind}/findings/{layer}.csv} and {@code .xlsx}
 *   {@code [?county=][&township=][&group=][&severity=][&type=]} → a result layer of the kind's latest run as a list
 *   ({@link Findings}, {@link FindingsExport}); {@code type} filters by the layer's kind field (duty, gap kind,
 *   purpose).</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1")
class AnalysisController {

    /** The kind the live village-plan indicators report under. */
    static final String PLAN_KIND = "village-plan";

    private final AnalysisRunner runner;
    private final PlanCoverageService coverage;
    private final Messages messages;
    private final Findings findings;
    private final FindingsExport export;
    private final LayerCatalogue catalogue;
    private final DataScopes scopes;

    /** @param scopes the counties each caller reads: its findings and its counties' indicator units */
    AnalysisController(
            AnalysisRunner runner,
            PlanCoverageService coverage,
            Messages messages,
            Findings findings,
            FindingsExport export,
            LayerCatalogue catalogue,
            DataScopes scopes) {
        this.scopes = scopes;
        this.runner = runner;
        this.coverage = coverage;
        this.messages = messages;
        this.findings = findings;
        this.export = export;
        this.catalogue = catalogue;
    }

    /**
     * A kind of analysis.
     *
     * @param id its id in URLs
     * @param theme the theme whose owners may run it
     * @param indicators the indicators its runs compute
     * @param settings its settings
     */
    @JsonPropertyOrder({"id", "theme", "indicators", "settings"})
    record Kind(String id, String theme, List<String> indicators, List<SettingSpec> settings) {}

    /** @param analyses every kind */
    record Kinds(List<Kind> analyses) {}

    @GetMapping("/analyses")
    Kinds kinds() {
        return new Kinds(runner.kinds().stream()
                .map(k -> new Kind(
                        k.id(),
                        k.theme().name().toLowerCase(Locale.ROOT),
                        k.indicators().stream().map(Indicator::id).toList(),
                        k.settings()))
                .toList());
    }

    @ApiProblems({"400 bad_setting", "403 forbidden", "404 unknown_analysis"})
    @PostMapping("/analyses/{kind}/runs")
    ResponseEntity<RunJson.Run> start(
            @PathVariable String kind,
            @RequestBody(required = false) Map<String, Object> settings,
            Authentication auth,
            Locale locale) {
        AnalysisRun run = runner.start(kind, settings, AppUser.of(auth));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RunJson.Run.of(run, messages, locale));
    }

    @ApiProblems({"404 unknown_run"})
    @GetMapping("/analyses/runs/{id}")
    RunJson.Run run(@PathVariable String id, Locale locale) {
        return RunJson.Run.of(runner.get(id), messages, locale);
    }

    @ApiProblems({"400 bad_value"})
    @GetMapping("/analyses/runs")
    RunJson.Runs runs(
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "20") int limit, Locale locale) {
        return new RunJson.Runs(runner.recent(kind, Math.max(1, Math.min(limit, 200))).stream()
                .map(r -> RunJson.Run.of(r, messages, locale))
                .toList());
    }

    @ApiProblems({"400 bad_value", "404 unknown_run"})
    @GetMapping("/indicators")
    RunJson.Indicators indicators(
            @RequestParam String level,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String runId,
            Authentication auth) {
        Scope scope = scopes.of(AppUser.of(auth));
        UnitLevel unitLevel = parse("level", level, UnitLevel.values(), UnitLevel::id, UnitLevel::byId);
        UnitGroup unitGroup =
                group == null ? null : parse("group", group, UnitGroup.values(), UnitGroup::id, UnitGroup::byId);
        Indicator wanted = indicator == null
                ? null
                : parse(
                        "indicator",
                        indicator,
                        Indicators.all().toArray(Indicator[]::new),
                        Indicator::id,
                        Indicators::byId);
        List<String> kinds = kindsAsked(kind, runId);
        List<RunJson.Indicator> out = new ArrayList<>();
        List<String> runIds = new ArrayList<>();
        for (String k : kinds) {
            AnalysisKind analysis = runner.kind(k);
            if (wanted != null && !analysis.indicators().contains(wanted)) {
                continue;
            }
            for (IndicatorValue v : runner.indicators(k, runId, unitLevel, code, unitGroup, wanted)) {
                out.add(RunJson.Indicator.of(analysis.id(), v));
                runIds.add(v.runId());
            }
        }
        boolean live = runId == null
                && (kind == null || PLAN_KIND.equals(kind))
                && (wanted == null || wanted instanceof PlanIndicator);
        if (live) {
            coverage.indicators(unitLevel, code, unitGroup).forEach(v -> out.add(RunJson.Indicator.of(PLAN_KIND, v)));
        }
        // A caller limited to counties gets their units only; the city's and other counties' totals are left out
        out.removeIf(i -> !scope.admitsCode(i.code()));
        // Stable: within a code, kinds keep their registration order and each kind its own order.
        out.sort(Comparator.comparing(RunJson.Indicator::code));
        String oneRun = runIds.stream().distinct().count() == 1 ? runIds.get(0) : null;
        return new RunJson.Indicators(oneRun, runner.planPeriod(), out);
    }

    @ApiProblems({"400 bad_value", "404 unknown_analysis unknown_run"})
    @GetMapping("/analyses/{kind}/findings/{layer}.csv")
    void findingsCsv(
            @PathVariable String kind,
            @PathVariable String layer,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String township,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String severity,
            @RequestParam(name = "type", required = false) String type,
            Locale locale,
            HttpServletResponse response,
            Authentication auth)
            throws IOException {
        LayerDef def = resultLayer(kind, layer);
        List<Feature> rows = findings.rows(
                def.id(), filter(county, township, group, severity, type).within(scopes.of(AppUser.of(auth))));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + def.id() + ".csv\"");
        export.csv(def, rows, locale, response.getOutputStream());
    }

    @ApiProblems({"400 bad_value", "404 unknown_analysis unknown_run"})
    @GetMapping("/analyses/{kind}/findings/{layer}.xlsx")
    void findingsXlsx(
            @PathVariable String kind,
            @PathVariable String layer,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String township,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String severity,
            @RequestParam(name = "type", required = false) String type,
            Locale locale,
            HttpServletResponse response,
            Authentication auth)
            throws IOException {
        LayerDef def = resultLayer(kind, layer);
        List<Feature> rows = findings.rows(
                def.id(), filter(county, township, group, severity, type).within(scopes.of(AppUser.of(auth))));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + def.id() + ".xlsx\"");
        export.xlsx(def, rows, locale, response.getOutputStream());
    }

    /** @return the layer, if it is one of the kind's result layers */
    private LayerDef resultLayer(String kind, String layer) {
        List<String> layers = runner.kind(kind).resultLayers();
        if (!layers.contains(layer)) {
            throw new BadValueException("layer", layer, String.join(", ", layers));
        }
        return catalogue.get(layer);
    }

    private static Findings.Filter filter(String county, String township, String group, String severity, String type) {
        UnitGroup g = group == null ? null : parse("group", group, UnitGroup.values(), UnitGroup::id, UnitGroup::byId);
        return new Findings.Filter(county, township, g, severity, type);
    }

    /** The kinds a request names: the run's, the kind given, or all. */
    private List<String> kindsAsked(String kind, String runId) {
        if (runId != null) {
            String ofRun = runner.kind(runner.get(runId).kind()).id();
            if (kind != null && !runner.kind(kind).id().equals(ofRun)) {
                throw new RunNotFoundException(runId);
            }
            return List.of(ofRun);
        }
        if (kind == null) {
            return runner.kinds().stream().map(AnalysisKind::id).toList();
        }
        if (PLAN_KIND.equals(kind)) {
            return List.of();
        }
        return List.of(runner.kind(kind).id());
    }

    /**
     * @return the value with this id
     * @throws BadValueException naming the parameter and the ids it takes
     */
    private static <E> E parse(
            String parameter, String id, E[] values, Function<E, String> idOf, Function<String, Optional<E>> byId) {
        return byId.apply(id)
                .orElseThrow(() -> new BadValueException(
                        parameter,
                        id,
                        String.join(
                                ", ",
                                Arrays.stream(values)
                                        .map(idOf)
                                        .filter(Objects::nonNull)
                                        .toList())));
    }
}
