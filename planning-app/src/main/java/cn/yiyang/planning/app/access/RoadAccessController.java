package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.analysis.FindingsExport;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.geo.access.RouteAccess;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The road-access gap list over REST ({@code GET /api/v1/analyses/road-access/gaps.csv} and {@code .xlsx}) and road
 * access per route ({@code GET /api/v1/analyses/road-access/routes}); runs
 * and indicators are served for every analysis by {@code app.analysis.AnalysisController}.
 */
@RestController
@ApiProblems({"404 unknown_run"})
@RequestMapping("/api/v1")
class RoadAccessController {

    private final RoadAccessService service;
    private final FindingsExport export;
    private final LayerDef gaps;

    RoadAccessController(RoadAccessService service, FindingsExport export, LayerCatalogue catalogue) {
        this.service = service;
        this.export = export;
        this.gaps = catalogue.get(LayerIds.ACCESS_GAP);
    }

    @GetMapping("/analyses/road-access/gaps.csv")
    void gapsCsv(Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"road-access-gaps.csv\"");
        export.csv(gaps, service.gapFeatures(), locale, response.getOutputStream());
    }

    /**
     * {@code GET /api/v1/analyses/road-access/routes?route=}: road access per route (路线编码) from the latest run, by
     * route code: segments, ground length, hardened length and length connected to the county network (metres, to
     * 0.1 m), and the segments not connected with their status ({@code fragment}, {@code unhardened},
     * {@code impassable}, or null for a segment the run did not see).
     */
    @GetMapping("/analyses/road-access/routes")
    List<RouteJson> routes(@RequestParam(required = false) String route) {
        return service.routes(route).stream().map(RouteJson::of).toList();
    }

    /** One route's road access. */
    record RouteJson(
            String routeCode,
            int segments,
            double lengthM,
            double hardenedLengthM,
            double connectedLengthM,
            List<SegmentJson> notConnected) {
        static RouteJson of(RouteAccess.Route r) {
            return new RouteJson(
                    r.routeCode(),
                    r.segments(),
                    tenth(r.lengthM()),
                    tenth(r.hardenedLengthM()),
                    tenth(r.connectedLengthM()),
                    r.notConnected().stream()
                            .map(u -> new SegmentJson(
                                    u.id(),
                                    u.status() == null
                                            ? null
                                            : u.status().name().toLowerCase(Locale.ROOT)))
                            .toList());
        }

        private static double tenth(double m) {
            return Math.round(m * 10) / 10.0;
        }
    }

    /** A segment not connected to the network, and its status. */
    record SegmentJson(String code, String status) {}

    @GetMapping("/analyses/road-access/gaps.xlsx")
    void gapsXlsx(Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"road-access-gaps.xlsx\"");
        export.xlsx(gaps, service.gapFeatures(), locale, response.getOutputStream());
    }
}
