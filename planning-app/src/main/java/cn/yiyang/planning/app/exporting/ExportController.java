package cn.yiyang.planning.app.exporting;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ApiProblems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/layers/{layer}/export?format=gpkg|shp|geojson|csv|xlsx&crs=EPSG:4490&county=&township=&village=
 * &bbox=minLon,minLat,maxLon,maxLat&encoding=UTF-8|GBK}: the layer's features (a unit's, a box's, or all) as a
 * download, written as they are read. {@code X-Feature-Count} says how many features it holds.
 */
@RestController
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @ApiProblems({"400 bad_value", "403 forbidden", "404 unknown_layer"})
    @GetMapping("/api/v1/layers/{layer}/export")
    void export(
            @PathVariable String layer,
            @RequestParam String format,
            @RequestParam(required = false) String crs,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String township,
            @RequestParam(required = false) String village,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String encoding,
            Authentication auth,
            HttpServletResponse response)
            throws IOException {
        AppUser user = AppUser.of(auth);
        String unit = village != null ? village : township != null ? township : county;
        ExportRequest request = ExportRequest.of(exports.readable(user, layer), format, crs, unit, bbox, encoding);
        response.setContentType(request.format().mediaType());
        response.setHeader("X-Feature-Count", Long.toString(exports.count(user, request)));
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(request.baseName() + "." + request.format().extension())
                        .build()
                        .toString());
        exports.export(user, request, response.getOutputStream(), n -> {});
    }
}
