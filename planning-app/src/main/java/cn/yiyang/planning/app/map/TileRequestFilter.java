package cn.yiyang.planning.app.map;

import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Scope;
import cn.yiyang.planning.layers.tiles.TileCoord;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The short path of a tile request: {@code GET /tiles/{layer}/{z}/{x}/{y}.mvt[?v=N]} answered here,
 * after Spring Security has let the request in, without Spring MVC's handler lookup, argument
 * binding and message conversion (about a third of the app's own time per tile request on the
 * benchmark). It answers only what it answers exactly as {@link TileController} would: the same
 * tile, ETag, Cache-Control ({@link TileController#cacheControl}) and 304 on a matching
 * If-None-Match, after the same permission check ({@link Action#read} of the layer). Anything else (not a
 * tile URL, an unknown layer, a user who may not read the layer, coordinates that are not numbers
 * or lie outside the grid, a store failure, another method) goes on to the controller, which
 * answers it, errors included, as RFC 9457 problems in one place ({@code ApiExceptionHandler}).
 * A failure met here goes with the request ({@link #FAILURE}) so the controller answers it without
 * asking the store again: with the database down, a second try would hold the request for a second
 * connection timeout.
 */
final class TileRequestFilter extends HttpFilter {

    private static final String PREFIX = "/tiles/";
    private static final String SUFFIX = ".mvt";
    /** The request attribute holding the exception the short path met, for the controller to answer. */
    static final String FAILURE = TileRequestFilter.class.getName() + ".failure";

    private final TileService tiles;

    TileRequestFilter(TileService tiles) {
        this.tiles = tiles;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<TileRequest> parsed = "GET".equals(request.getMethod())
                ? TileRequest.parse(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                : Optional.empty();
        if (parsed.isEmpty() || !answered(parsed.get(), request, response)) {
            chain.doFilter(request, response);
        }
    }

    /** Writes the tile or the 304 and answers true; false (nothing written) for the controller to answer. */
    private boolean answered(TileRequest t, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        LayerDef layer;
        long current;
        String etag;
        TileService.Tile tile;
        Scope scope;
        try {
            layer = tiles.tiledLayer(t.layer());
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null) {
                return false; // not signed in: Spring Security's entry point has answered or will
            }
            AppUser user = AppUser.of(auth);
            Permissions.check(user, Action.read(layer));
            scope = tiles.scope(user, layer.id());
            current = tiles.version(layer.id());
            etag = tiles.etag(layer.id(), t.coord(), scope);
            if (matches(request.getHeader("If-None-Match"), etag)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                response.setHeader("ETag", etag);
                return true;
            }
            tile = tiles.tile(layer.id(), t.coord(), scope);
        } catch (RuntimeException e) { // unknown layer, forbidden, store failure: the controller makes the problem
            request.setAttribute(FAILURE, e);
            return false;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TileController.MVT.toString());
        response.setHeader("ETag", tile.etag());
        response.setHeader(
                "Cache-Control",
                TileController.cacheControl(request.getParameter("v"), current, tile, scope)
                        .getHeaderValue());
        response.setContentLength(tile.data().length);
        response.getOutputStream().write(tile.data());
        return true;
    }

    /** Whether an If-None-Match header names this entity tag (weak comparison, as Spring's checkNotModified). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** The parts of a tile URL: a layer id and coordinates inside the grid. */
    record TileRequest(String layer, TileCoord coord) {

        /** The tile of a path within the app, or empty when the path is not exactly a valid tile URL. */
        static Optional<TileRequest> parse(String path) {
            if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
                return Optional.empty();
            }
            String[] parts = path.substring(PREFIX.length(), path.length() - SUFFIX.length())
                    .split("/", -1);
            if (parts.length != 4 || parts[0].isEmpty()) {
                return Optional.empty();
            }
            for (int i = 1; i < 4; i++) {
                if (parts[i].isEmpty()
                        || parts[i].length() > 9
                        || !parts[i].chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    return Optional.empty();
                }
            }
            try {
                return Optional.of(new TileRequest(
                        parts[0],
                        new TileCoord(
                                Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Integer.parseInt(parts[3]))));
            } catch (IllegalArgumentException e) { // outside the grid
                return Optional.empty();
            }
        }
    }
}
