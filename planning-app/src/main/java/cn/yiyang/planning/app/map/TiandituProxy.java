package cn.yiyang.planning.app.map;

import cn.yiyang.planning.layers.tiles.TileCoord;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Fetches Tianditu (天地图) WMTS tiles on the server with the server's key, so the key never reaches
 * the page, and keeps the latest ones in a small in-memory LRU cache. Layers: vec/cva (vector and
 * its labels), img/cia (imagery), ter/cta (terrain), all on the Web Mercator set {@code w}.
 */
@Service
public class TiandituProxy {

    /** The Tianditu layers the proxy serves. */
    public static final Set<String> LAYERS = Set.of("vec", "cva", "img", "cia", "ter", "cta");

    static final Duration PROBE_MAX_AGE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(TiandituProxy.class);
    private static final String PATH = "/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}"
            + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}";

    private final MapSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final TileCache cache;
    private volatile Boolean lastProbe;
    private volatile long probedAt;

    /** A base-map tile: its bytes and media type. */
    public record Image(byte[] data, String contentType) {}

    @Autowired
    public TiandituProxy(MapSettings settings) {
        this(
                settings,
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(3))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build(),
                Clock.systemUTC());
    }

    TiandituProxy(MapSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.cache = new TileCache(settings.tileCacheMb() * 1024L * 1024L);
    }

    /** Whether the proxy has a key to fetch with. */
    public boolean configured() {
        return settings.hasTianditu();
    }

    /**
     * Whether Tianditu answers with a tile now (one probe tile, remembered for a minute): the page
     * asks before it adds base-map layers, so that without internet it requests no tile at all.
     */
    public boolean available() {
        if (!configured()) {
            return false;
        }
        long now = clock.millis();
        Boolean known = lastProbe;
        if (known != null && now - probedAt < PROBE_MAX_AGE.toMillis()) {
            return known;
        }
        boolean ok;
        try {
            tile("vec", new TileCoord(1, 1, 0));
            ok = true;
        } catch (BasemapException e) {
            ok = false;
        }
        lastProbe = ok;
        probedAt = now;
        return ok;
    }

    /**
     * The tile {@code c} of a Tianditu layer, from the cache or from Tianditu.
     *
     * @throws BasemapException when no key is set, the layer is not a Tianditu layer, or Tianditu fails
     */
    public Image tile(String layer, TileCoord c) {
        if (!configured()) {
            throw new BasemapException(BasemapException.Reason.UNCONFIGURED, "no Tianditu key is set");
        }
        if (!LAYERS.contains(layer)) {
            throw new BasemapException(BasemapException.Reason.UNKNOWN_LAYER, "not a Tianditu layer: " + layer);
        }
        String key = layer + "/" + c;
        Image hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        Image fetched = fetch(layer, c);
        cache.put(key, fetched);
        return fetched;
    }

    private Image fetch(String layer, TileCoord c) {
        String base = settings.tiandituBaseUrl().replace("{s}", Integer.toString(Math.floorMod(c.x() + c.y(), 8)));
        URI uri = URI.create(base
                + PATH.replace("{layer}", layer)
                        .replace("{z}", Integer.toString(c.z()))
                        .replace("{x}", Integer.toString(c.x()))
                        .replace("{y}", Integer.toString(c.y()))
                        .replace("{key}", URLEncoder.encode(settings.tiandituKey(), StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(5))
                .header("User-Agent", "rural-planning/0.1 (Tianditu proxy)")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.debug("Tianditu unreachable: {}", e.toString());
            throw new BasemapException(BasemapException.Reason.UNREACHABLE, "Tianditu cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasemapException(BasemapException.Reason.UNREACHABLE, "interrupted");
        }
        int status = response.statusCode();
        if (status == 418 || status == 429) {
            throw new BasemapException(BasemapException.Reason.RATE_LIMITED, "Tianditu refused: HTTP " + status);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status != 200 || !type.startsWith("image/")) {
            // Tianditu answers a bad key with an XML or HTML page, sometimes with status 200.
            throw new BasemapException(
                    BasemapException.Reason.UPSTREAM_ERROR, "Tianditu answered HTTP " + status + " " + type);
        }
        return new Image(response.body(), type);
    }

    /** A least-recently-used cache bounded by the bytes it holds. */
    private static final class TileCache {
        private final long maxBytes;
        private final LinkedHashMap<String, Image> entries = new LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        TileCache(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized Image get(String key) {
            return entries.get(key);
        }

        synchronized void put(String key, Image image) {
            if (image.data().length > maxBytes) {
                return;
            }
            Image old = entries.put(key, image);
            bytes += image.data().length - (old == null ? 0 : old.data().length);
            var it = entries.entrySet().iterator();
            while (bytes > maxBytes && it.hasNext()) {
                Map.Entry<String, Image> eldest = it.next();
                bytes -= eldest.getValue().data().length;
                it.remove();
            }
        }
    }
}
