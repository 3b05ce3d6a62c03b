package cn.yiyang.planning.app.map;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Scope;
import cn.yiyang.planning.layers.tiles.TileCoord;
import cn.yiyang.planning.layers.tiles.TileRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Vector tiles of the catalogue layers and their TileJSON descriptions.
 *
 * <ul>
 *   <li>{@code GET /tiles/{layer}/{z}/{x}/{y}.mvt[?v=N]}: a Mapbox vector tile (possibly empty), with an
 *   ETag made of the layer version and the tile (304 on a matching If-None-Match, without making the
 *   tile). With {@code v} equal to the layer's current version ({@link TileService#version}) the tile
 *   may be cached for a year (an import gives the layer a new version, hence new URLs); without it, or
 *   with an old one, for a minute and revalidated;</li>
 *   <li>{@code GET /tiles/{layer}.json}: TileJSON 3.0.0.</li>
 * </ul>
 * Most tile requests never reach this controller: {@link TileRequestFilter} answers them the same way
 * with less work; it leaves to this controller everything it does not answer itself, errors included.
 * Reading a layer's tiles is {@link Action#read} of the layer ({@link Permissions}, 403 {@code forbidden}).
 * An unknown layer or a layer without geometry answers 404 {@code unknown_layer}, coordinates that are
 * not numbers or lie outside the grid 404 {@code bad_tile} ({@link BadTileException}), store failures
 * 503/500: all through the app's {@code ApiExceptionHandler}, as RFC 9457 problems in the caller's
 * language, never SQL or stack traces.
 */
@RestController
@RequestMapping("/tiles")
class TileController {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");
    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate().mustRevalidate();
    /** A URL that names the current layer version never changes content: a new version is a new URL. */
    private static final CacheControl VERSIONED =
            CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

    private final TileService tiles;
    private final Messages messages;

    TileController(TileService tiles, Messages messages) {
        this.tiles = tiles;
        this.messages = messages;
    }

    @ApiProblems({"403 forbidden", "404 unknown_layer bad_tile"})
    @GetMapping("/{layer}/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(
            @PathVariable String layer,
            @PathVariable String z,
            @PathVariable String x,
            @PathVariable String y,
            @RequestParam(name = "v", required = false) String v,
            WebRequest request,
            Authentication auth) {
        if (request.getAttribute(TileRequestFilter.FAILURE, RequestAttributes.SCOPE_REQUEST)
                instanceof RuntimeException e) {
            throw e; // met by the short path already: answered without asking the store again
        }
        TileCoord c = coord(z, x, y);
        AppUser user = AppUser.of(auth);
        Permissions.check(user, Action.read(tiles.tiledLayer(layer)));
        Scope scope = tiles.scope(user, layer);
        long current = tiles.version(layer);
        // The entity tag is known before the tile is made: a revalidation costs no query.
        if (request.checkNotModified(tiles.etag(layer, c, scope))) {
            return null; // 304, headers set by checkNotModified
        }
        TileService.Tile tile = tiles.tile(layer, c, scope);
        return ResponseEntity.ok()
                .contentType(MVT)
                .eTag(tile.etag())
                .cacheControl(cacheControl(v, current, tile, scope))
                .body(tile.data());
    }

    /**
     * A year when the URL's {@code v} names the layer's current version and the tile was made from it,
     * else a minute (also for {@link TileRequestFilter}, which answers most tile requests before MVC). A tile of a
     * limited scope (counties, or without personal fields) is always revalidated: the same URL in one browser may
     * be asked next by another user, and its entity tag names the scope.
     */
    static CacheControl cacheControl(String v, long current, TileService.Tile tile, Scope scope) {
        boolean versioned =
                v != null && v.equals(Long.toString(current)) && tile.version() == current && scope.equals(Scope.ALL);
        return versioned ? VERSIONED : CACHE;
    }

    @ApiProblems({"403 forbidden", "404 unknown_layer"})
    @GetMapping("/{layer}.json")
    ResponseEntity<TileJson> tileJson(@PathVariable String layer, Locale locale, Authentication auth) {
        LayerDef layerDef = tiles.tiledLayer(layer);
        Permissions.check(AppUser.of(auth), Action.read(layerDef));
        LayerDef def = tiles.scope(AppUser.of(auth)).view(layerDef);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        Optional<Envelope> extent = tiles.extent(def.id(), AppUser.of(auth));
        List<TileJson.VectorLayer> vectorLayers = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "Number");
        for (FieldDef f : def.fields()) {
            fields.put(
                    f.name(),
                    switch (f.type()) {
                        case INTEGER, DECIMAL -> "Number";
                        case BOOLEAN -> "Boolean";
                        case TEXT, CODE, DATE -> "String";
                    });
        }
        vectorLayers.add(vectorLayer(def.id(), def.titleZh() + " / " + def.titleEn(), tiles.minZoom(def), fields));
        TileRules.labelLayer(def)
                .ifPresent(label -> vectorLayers.add(vectorLayer(
                        label,
                        messages.get("map.tilejson.label-points", locale),
                        tiles.minZoom(def),
                        Map.of("id", "Number", "name", "String"))));
        TileJson json = new TileJson(
                "3.0.0",
                TileService.title(def, locale),
                def.titleZh() + " / " + def.titleEn(),
                "",
                "xyz",
                List.of(base + "/" + tiles.tileUrlTemplate(def.id())),
                tiles.minZoom(def),
                tiles.maxZoom(),
                extent.map(e -> List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()))
                        .orElse(null),
                extent.map(e -> List.<Number>of(e.centre().x, e.centre().y, Math.max(tiles.minZoom(def), 9)))
                        .orElse(null),
                vectorLayers);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate())
                .body(json);
    }

    private TileJson.VectorLayer vectorLayer(String id, String description, int minZoom, Map<String, String> fields) {
        return new TileJson.VectorLayer(id, description, minZoom, tiles.maxZoom(), fields);
    }

    private static TileCoord coord(String z, String x, String y) {
        try {
            return new TileCoord(Integer.parseInt(z), Integer.parseInt(x), Integer.parseInt(y));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new BadTileException(z + "/" + x + "/" + y);
        }
    }

    /** Tile coordinates that are not numbers or lie outside the grid: 404 {@code bad_tile}. */
    static final class BadTileException extends ProblemException {
        BadTileException(String coords) {
            super("no tile " + coords, HttpStatus.NOT_FOUND, "bad_tile", "api.error.bad-tile", TileCoord.MAX_ZOOM);
        }
    }
}
