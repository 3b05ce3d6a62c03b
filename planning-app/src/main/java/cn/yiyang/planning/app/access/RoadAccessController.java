package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.analysis.FindingsExport;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The road-access gap list over REST ({@code GET /api/v1/analyses/road-access/gaps.csv} and {@code .xlsx}); runs
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

    @GetMapping("/analyses/road-access/gaps.xlsx")
    void gapsXlsx(Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"road-access-gaps.xlsx\"");
        export.xlsx(gaps, service.gapFeatures(), locale, response.getOutputStream());
    }
}
