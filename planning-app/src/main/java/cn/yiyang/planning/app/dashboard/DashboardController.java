package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.geo.access.UnitGroup;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
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
 *   <li>{@code GET /api/v1/dashboard/report.xlsx[?code=][&group=]} → the workbook ({@link DashboardExport}).</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/dashboard")
class DashboardController {

    private final DashboardService service;
    private final DashboardExport export;

    DashboardController(DashboardService service, DashboardExport export) {
        this.service = service;
        this.export = export;
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
    Values headline(@RequestParam(required = false) String code, @RequestParam(required = false) String group) {
        Place unit = unit(code);
        UnitGroup g = group(group);
        return new Values(
                unit.code(),
                g.id(),
                service.planPeriod(),
                service.headline(unit, g).stream().map(Value::of).toList());
    }

    @GetMapping("/below")
    Values below(
            @RequestParam String indicator,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String group) {
        Place unit = unit(code);
        UnitGroup g = group(group);
        return new Values(
                unit.code(),
                g.id(),
                service.planPeriod(),
                service.below(indicator, unit, g).stream().map(Value::of).toList());
    }

    @GetMapping("/report.xlsx")
    void xlsx(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String group,
            HttpServletResponse response)
            throws IOException {
        Place unit = unit(code);
        UnitGroup g = group(group);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"dashboard-" + unit.code() + ".xlsx\"");
        export.xlsx(unit, g, response.getOutputStream());
    }

    private Place unit(String code) {
        return service.unit(code)
                .orElseThrow(() -> new BadValueException("code", code, "430900, a county, township or village code"));
    }

    private static UnitGroup group(String id) {
        String g = id == null ? UnitGroup.ALL.id() : id;
        return UnitGroup.byId(g)
                .orElseThrow(() -> new BadValueException("group", g, "all, key_support, demonstration"));
    }
}
