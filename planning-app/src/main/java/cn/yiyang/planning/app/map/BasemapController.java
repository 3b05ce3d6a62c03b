package cn.yiyang.planning.app.map;

import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.layers.tiles.TileCoord;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Tianditu base map through this server ({@link TiandituProxy}), for signed-in users:
 * <ul>
 *   <li>{@code GET /basemap/tianditu/status} → {@code {"configured": bool, "available": bool}}, always 200,
 *   so the page can decide without a failed request in its console;</li>
 *   <li>{@code GET /basemap/tianditu/{layer}/{z}/{x}/{y}} → the image, cached by browsers for a day;
 *   failures are RFC 9457 problems ({@link BasemapException}, {@code bad_tile}): 404 {@code basemap_unconfigured},
 *   {@code unknown_layer} or {@code bad_tile}, 502 {@code basemap_unavailable}, 503 {@code basemap_rate_limited}.</li>
 * </ul>
 */
@RestController
@RequestMapping("/basemap/tianditu")
class BasemapController {

    private static final CacheControl DAY =
            CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();
    private final TiandituProxy proxy;

    BasemapController(TiandituProxy proxy) {
        this.proxy = proxy;
    }

    @GetMapping("/status")
    ResponseEntity<StatusJson> status() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new StatusJson(proxy.configured(), proxy.available()));
    }

    @ApiProblems({
        "404 basemap_unconfigured unknown_layer bad_tile",
        "502 basemap_unavailable",
        "503 basemap_rate_limited"
    })
    @GetMapping("/{layer}/{z}/{x}/{y}")
    ResponseEntity<byte[]> tile(
            @PathVariable String layer, @PathVariable String z, @PathVariable String x, @PathVariable String y) {
        TileCoord c;
        try {
            c = new TileCoord(Integer.parseInt(z), Integer.parseInt(x), Integer.parseInt(y));
        } catch (IllegalArgumentException e) {
            throw new TileController.BadTileException(z + "/" + x + "/" + y);
        }
        TiandituProxy.Image image = proxy.tile(layer, c);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(DAY)
                .body(image.data());
    }

    /** Whether the proxy has a Tianditu key, and whether Tianditu answers now (asked before base-map layers). */
    record StatusJson(boolean configured, boolean available) {}
}
