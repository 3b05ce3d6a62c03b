package cn.yiyang.planning.app.map;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.layers.tiles.TileCoord;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
 *   failures are RFC 9457 problems: 404 {@code basemap_unconfigured} or {@code unknown_layer},
 *   502 {@code basemap_unavailable}, 503 {@code basemap_rate_limited}.</li>
 * </ul>
 */
@RestController
@RequestMapping("/basemap/tianditu")
class BasemapController {

    private static final CacheControl DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();
    private final TiandituProxy proxy;
    private final Messages messages;

    BasemapController(TiandituProxy proxy, Messages messages) {
        this.proxy = proxy;
        this.messages = messages;
    }

    @GetMapping("/status")
    ResponseEntity<StatusJson> status() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new StatusJson(proxy.configured(), proxy.available()));
    }

    @GetMapping("/{layer}/{z}/{x}/{y}")
    ResponseEntity<byte[]> tile(@PathVariable String layer, @PathVariable String z, @PathVariable String x,
                                @PathVariable String y) {
        TileCoord c;
        try {
            c = new TileCoord(Integer.parseInt(z), Integer.parseInt(x), Integer.parseInt(y));
        } catch (IllegalArgumentException e) {
            throw new TileController.BadTileException(z + "/" + x + "/" + y);
        }
        TiandituProxy.Image image = proxy.tile(layer, c);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType())).cacheControl(DAY)
                .body(image.data());
    }

    @ExceptionHandler(BasemapException.class)
    ResponseEntity<ProblemDetail> failed(BasemapException e, Locale locale) {
        return switch (e.reason()) {
            case UNCONFIGURED -> problem(HttpStatus.NOT_FOUND, "basemap_unconfigured",
                    messages.get("api.error.basemap-unconfigured", locale));
            case UNKNOWN_LAYER -> problem(HttpStatus.NOT_FOUND, "unknown_layer",
                    messages.get("api.error.basemap-layer", locale, String.join(", ", TiandituProxy.LAYERS.stream().sorted().toList())));
            case RATE_LIMITED -> problem(HttpStatus.SERVICE_UNAVAILABLE, "basemap_rate_limited",
                    messages.get("api.error.basemap-rate-limited", locale));
            case UNREACHABLE, UPSTREAM_ERROR -> problem(HttpStatus.BAD_GATEWAY, "basemap_unavailable",
                    messages.get("api.error.basemap-unavailable", locale));
        };
    }

    @ExceptionHandler(TileController.BadTileException.class)
    ResponseEntity<ProblemDetail> badTile(TileController.BadTileException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "bad_tile", messages.get("api.error.bad-tile", locale, TileCoord.MAX_ZOOM));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /** Whether the proxy has a Tianditu key, and whether Tianditu answers now (asked before base-map layers). */
    record StatusJson(boolean configured, boolean available) {
    }
}
