package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.catalogue.Theme;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Road-access runs and indicators over REST:
 * <ul>
 *   <li>{@code POST /api/v1/analyses/road-access/runs} (optional JSON body of settings, see
 *   {@link AccessSettingsForm}) → 202 {@code {"id": …}}; transport department and administrators only;</li>
 *   <li>{@code GET /api/v1/analyses/runs/{id}} → status, progress, settings used, data version, summary;</li>
 *   <li>{@code GET /api/v1/analyses/runs?limit=} → the latest runs;</li>
 *   <li>{@code GET /api/v1/indicators?level=city|county|township|village|natural_village[&code=][&group=][&indicator=][&runId=]} →
 *   {@code {"indicator","code","name","level","group","parentCode","value","numerator","denominator","target","runId"}}
 *   for each unit and indicator of the latest successful run (or the run named);</li>
 *   <li>{@code GET /api/v1/analyses/road-access/gaps.csv} and {@code .xlsx} → the gap list.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1")
class RoadAccessController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RoadAccessService service;
    private final GapExport export;

    RoadAccessController(RoadAccessService service, GapExport export) {
        this.service = service;
        this.export = export;
    }

    @PostMapping("/analyses/road-access/runs")
    ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) AccessSettingsForm settings,
                                              Authentication auth) {
        Permissions.check(AppUser.of(auth), Action.runAnalysis(Theme.ROADS));
        AccessSettingsForm form = settings == null ? AccessSettingsForm.of(service.defaults()) : settings;
        AnalysisRun run = service.start(form.resolve(service.defaults()), auth.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(json(run));
    }

    @GetMapping("/analyses/runs/{id}")
    Map<String, Object> run(@PathVariable String id) {
        return json(service.get(id));
    }

    @GetMapping("/analyses/runs")
    Map<String, Object> runs(@RequestParam(defaultValue = "20") int limit) {
        return Map.of("runs", service.recent(Math.max(1, Math.min(limit, 200))).stream().map(RoadAccessController::json)
                .toList());
    }

    @GetMapping("/indicators")
    Map<String, Object> indicators(@RequestParam String level, @RequestParam(required = false) String code,
                                   @RequestParam(required = false) String group,
                                   @RequestParam(required = false) String indicator,
                                   @RequestParam(required = false) String runId) {
        if (UnitLevel.byId(level).isEmpty()) {
            throw new BadValueException("level", level, ids(UnitLevel.values(), UnitLevel::id));
        }
        if (group != null && UnitGroup.byId(group).isEmpty()) {
            throw new BadValueException("group", group, ids(UnitGroup.values(), UnitGroup::id));
        }
        if (indicator != null && AccessIndicator.byId(indicator).isEmpty()) {
            throw new BadValueException("indicator", indicator, ids(AccessIndicator.values(), AccessIndicator::id));
        }
        List<IndicatorValue> values = service.indicators(runId, level, code, group, indicator);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", values.isEmpty() ? null : values.get(0).runId());
        body.put("planPeriod", service.planPeriod());
        body.put("indicators", values.stream().map(RoadAccessController::json).toList());
        return body;
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

    private static <E> String ids(E[] values, java.util.function.Function<E, String> id) {
        return String.join(", ", java.util.Arrays.stream(values).map(id).toList());
    }

    static Map<String, Object> json(AnalysisRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("kind", run.kind());
        m.put("status", run.status().name());
        m.put("progress", run.progress());
        m.put("requestedBy", run.requestedBy());
        m.put("createdAt", run.createdAt());
        m.put("startedAt", run.startedAt());
        m.put("finishedAt", run.finishedAt());
        m.put("settings", tree(run.settingsJson()));
        m.put("dataVersion", tree(run.dataVersionJson()));
        m.put("summary", tree(run.summaryJson()));
        m.put("message", run.message());
        return m;
    }

    static Map<String, Object> json(IndicatorValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicator", v.indicator());
        m.put("code", v.code());
        m.put("name", v.name());
        m.put("level", v.level());
        m.put("group", v.group());
        m.put("parentCode", v.parentCode());
        m.put("value", v.value());
        m.put("numerator", v.numerator());
        m.put("denominator", v.denominator());
        m.put("target", v.target());
        m.put("runId", v.runId());
        return m;
    }

    private static Object tree(String json) {
        return json == null ? null : JSON.readTree(json);
    }
}
