package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.plan.PlanCoverageService;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.plan.PlanIndicator;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.catalogue.Theme;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
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
 * Road-access runs and indicators over REST:
 * <ul>
 *   <li>{@code POST /api/v1/analyses/road-access/runs} (optional JSON body of settings, see
 *   {@link AccessSettingsForm}) → 202 {@code {"id": …}}; transport department and administrators only;</li>
 *   <li>{@code GET /api/v1/analyses/runs/{id}} → status, progress, settings used, data version, summary;</li>
 *   <li>{@code GET /api/v1/analyses/runs?limit=} → the latest runs;</li>
 *   <li>{@code GET /api/v1/indicators?level=city|county|township|village|natural_village[&code=][&group=][&indicator=][&runId=]} →
 *   {@code {"indicator","code","name","level","group","parentCode","value","numerator","denominator","target","runId"}}
 *   for each unit and indicator of the latest successful run (or the run named), and, unless a run is named, the
 *   indicators computed live from current data ({@link PlanIndicator}: village plan coverage), whose
 *   {@code runId} is null; ordered by code;</li>
 *   <li>{@code GET /api/v1/analyses/road-access/gaps.csv} and {@code .xlsx} → the gap list.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1")
class RoadAccessController {

    /** Every indicator the API serves: road access (by run), then those computed live. */
    private static final Indicator[] INDICATORS = Stream.concat(
                    Arrays.stream(AccessIndicator.values()), Arrays.stream(PlanIndicator.values()))
            .toArray(Indicator[]::new);

    private final RoadAccessService service;
    private final PlanCoverageService coverage;
    private final GapExport export;

    RoadAccessController(RoadAccessService service, PlanCoverageService coverage, GapExport export) {
        this.service = service;
        this.coverage = coverage;
        this.export = export;
    }

    @PostMapping("/analyses/road-access/runs")
    ResponseEntity<AccessJson.Run> start(
            @RequestBody(required = false) AccessSettingsForm settings, Authentication auth) {
        Permissions.check(AppUser.of(auth), Action.runAnalysis(Theme.ROADS));
        AccessSettingsForm form = settings == null ? AccessSettingsForm.of(service.defaults()) : settings;
        AnalysisRun run = service.start(form.resolve(service.defaults()), auth.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(AccessJson.Run.of(run));
    }

    @GetMapping("/analyses/runs/{id}")
    AccessJson.Run run(@PathVariable String id) {
        return AccessJson.Run.of(service.get(id));
    }

    @GetMapping("/analyses/runs")
    AccessJson.Runs runs(@RequestParam(defaultValue = "20") int limit) {
        return new AccessJson.Runs(service.recent(Math.max(1, Math.min(limit, 200))).stream()
                .map(AccessJson.Run::of)
                .toList());
    }

    @GetMapping("/indicators")
    AccessJson.Indicators indicators(
            @RequestParam String level,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String runId) {
        UnitLevel unitLevel = parse("level", level, UnitLevel.values(), UnitLevel::id, UnitLevel::byId);
        UnitGroup unitGroup =
                group == null ? null : parse("group", group, UnitGroup.values(), UnitGroup::id, UnitGroup::byId);
        Indicator wanted = indicator == null
                ? null
                : parse("indicator", indicator, INDICATORS, Indicator::id, id -> {
                    Optional<Indicator> found = AccessIndicator.byId(id).map(Indicator.class::cast);
                    return found.or(() -> PlanIndicator.byId(id));
                });
        List<IndicatorValue> values = wanted == null || wanted instanceof AccessIndicator
                ? service.indicators(runId, unitLevel, code, unitGroup, (AccessIndicator) wanted)
                : List.of();
        List<IndicatorValue> live = runId == null && (wanted == null || wanted instanceof PlanIndicator)
                ? coverage.indicators(unitLevel, code, unitGroup)
                : List.of();
        return new AccessJson.Indicators(
                values.isEmpty() ? null : values.get(0).runId(),
                service.planPeriod(),
                byCode(values, live).stream().map(AccessJson.Indicator::of).toList());
    }

    /**
     * @return both lists, each ordered by code, merged by code (a run's values of a unit before the live ones);
     *     each list keeps its own order within a code
     */
    private static List<IndicatorValue> byCode(List<IndicatorValue> run, List<IndicatorValue> live) {
        List<IndicatorValue> out = new ArrayList<>(run.size() + live.size());
        int i = 0;
        int j = 0;
        while (i < run.size() || j < live.size()) {
            boolean fromRun = j == live.size()
                    || i < run.size() && run.get(i).code().compareTo(live.get(j).code()) <= 0;
            out.add(fromRun ? run.get(i++) : live.get(j++));
        }
        return out;
    }

    @GetMapping("/analyses/road-access/gaps.csv")
    void gapsCsv(Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"road-access-gaps.csv\"");
        export.csv(service.gapFeatures(), locale, response.getOutputStream());
    }

    @GetMapping("/analyses/road-access/gaps.xlsx")
    void gapsXlsx(Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"road-access-gaps.xlsx\"");
        export.xlsx(service.gapFeatures(), locale, response.getOutputStream());
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
                        String.join(", ", Arrays.stream(values).map(idOf).toList())));
    }
}
