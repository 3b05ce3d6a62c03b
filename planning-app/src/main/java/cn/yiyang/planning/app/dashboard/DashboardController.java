package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.layers.feature.Scope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard over REST, from stored runs and entries:
 * <ul>
 *   <li>{@code GET /api/v1/dashboard[?code=][&group=]} → the headline values of the city (or the unit): indicator,
 *   value, target (the catalogue's, for the group), met, previous, run or year;</li>
 *   <li>{@code GET /api/v1/dashboard/below?indicator=[&code=][&group=]} → one indicator for the units below;</li>
 *   <li>{@code GET /api/v1/dashboard/report.xlsx[?code=][&group=]} → the workbook ({@link DashboardExport});</li>
 *   <li>{@code GET /api/v1/dashboard/report.pdf[?code=][&group=][&indicator=a,b][&a3=true]} → the PDF report
 *   ({@link DashboardPdf}), A4 portrait or A3 landscape, a chart and a map per indicator named.</li>
 * </ul>
 */
@RestController
@ApiProblems({"400 bad_value"})
@RequestMapping("/api/v1/dashboard")
class DashboardController {

    private final DashboardService service;
    private final DashboardExport export;
    private final DashboardPdf pdf;

    private final DataScopes scopes;

    /** @param scopes the counties each caller reads: a county user's dashboard starts at, and stays in, its county */
    DashboardController(DashboardService service, DashboardExport export, DashboardPdf pdf, DataScopes scopes) {
        this.scopes = scopes;
        this.service = service;
        this.export = export;
        this.pdf = pdf;
    }

    /** A value on the wire. */
    record Value(
            String indicator,
            String code,
            String name,
            Double value,
            Double target,
            Boolean met,
            Double previous,
            String runId,
            Integer year) {
        static Value of(DashboardValue v) {
            return new Value(
                    v.indicator().id(),
                    v.code(),
                    v.name(),
                    v.value(),
                    v.target(),
                    v.met(),
                    v.previous(),
                    v.runId(),
                    v.year());
        }
    }

    /** The values of a unit. */
    record Values(String code, String group, String planPeriod, List<Value> values) {}

    @GetMapping
    Values headline(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String group,
            Authentication auth) {
        return values(code, group, auth, service::headline);
    }

    @GetMapping("/below")
    Values below(
            @RequestParam String indicator,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String group,
            Authentication auth) {
        return values(code, group, auth, (unit, g) -> service.below(indicator, unit, g));
    }

    /** The 终期评估: every indicator with a target or a value, its value as of the plan period's end. */
    @GetMapping("/evaluation")
    Values evaluation(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String group,
            Authentication auth) {
        return values(code, group, auth, service::evaluation);
    }

    private Values values(
            String code, String group, Authentication auth, BiFunction<Place, UnitGroup, List<DashboardValue>> read) {
        Place unit = unit(code, auth);
        UnitGroup g = group(group);
        return new Values(
                unit.code(),
                g.id(),
                service.planPeriod(),
                read.apply(unit, g).stream().map(Value::of).toList());
    }

    @GetMapping("/report.xlsx")
    void xlsx(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String group,
            HttpServletResponse response,
            Authentication auth)
            throws IOException {
        Place unit = unit(code, auth);
        UnitGroup g = group(group);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"dashboard-" + unit.code() + ".xlsx\"");
        export.xlsx(unit, g, response.getOutputStream());
    }

    @GetMapping("/report.pdf")
    void pdf(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) List<String> indicator,
            @RequestParam(defaultValue = "false") boolean a3,
            HttpServletResponse response,
            Authentication auth)
            throws IOException {
        Place unit = unit(code, auth);
        UnitGroup g = group(group);
        List<String> ids = indicator == null ? List.of() : indicator;
        ids.forEach(id -> service.indicators().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new BadValueException("indicator", id, "GET /api/v1/indicator-catalogue")));
        byte[] body = pdf.report(unit, g, ids, a3, p -> {});
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"dashboard-" + unit.code() + ".pdf\"");
        response.getOutputStream().write(body);
    }

    /** The unit asked for, as {@link DashboardService#unit(String, Scope)} admits it for the caller. */
    private Place unit(String code, Authentication auth) {
        Scope scope = scopes.of(AppUser.of(auth));
        return service.unit(code, scope)
                .orElseThrow(
                        () -> new BadValueException("code", code == null ? "" : code, service.unitsAllowed(scope)));
    }

    private static UnitGroup group(String id) {
        String g = id == null ? UnitGroup.ALL.id() : id;
        return UnitGroup.byId(g)
                .orElseThrow(() -> new BadValueException("group", g, "all, key_support, demonstration"));
    }
}
