package cn.yiyang.planning.app.map;

import java.net.URI;

/**
 * Map settings.
 *
 * @param tiandituKey     the Tianditu (天地图) key ({@code planning.tianditu.key}); blank: no base
 *                        map, the project's layers on a plain background
 * @param tiandituProxy   whether base-map tiles go through this server ({@code /basemap/tianditu/…}),
 *                        which keeps the key off the page and caches tiles; else the browser fetches
 *                        them from Tianditu with the key in the URL
 * @param tiandituBaseUrl where the proxy fetches from: {@code https://t{s}.tianditu.gov.cn} ({@code {s}}
 *                        becomes a server 0-7), or a local stand-in in tests
 * @param tileCacheMb     the proxy's in-memory tile cache, in megabytes (0: none)
 */
public record MapSettings(String tiandituKey, boolean tiandituProxy, String tiandituBaseUrl, int tileCacheMb) {

    /** The public Tianditu servers. */
    public static final String TIANDITU = "https://t{s}.tianditu.gov.cn";

    public MapSettings {
        tiandituKey = tiandituKey == null ? "" : tiandituKey.strip();
        tiandituBaseUrl = tiandituBaseUrl == null || tiandituBaseUrl.isBlank() ? TIANDITU : tiandituBaseUrl.strip();
        URI.create(tiandituBaseUrl.replace("{s}", "0")); // fails early on a malformed setting
        if (tileCacheMb < 0) {
            throw new IllegalArgumentException("the base-map tile cache size cannot be negative: " + tileCacheMb);
        }
    }

    /** Settings with a key used by the browser directly (no proxy). */
    public MapSettings(String tiandituKey) {
        this(tiandituKey, false, TIANDITU, 0);
    }

    public boolean hasTianditu() {
        return !tiandituKey.isEmpty();
    }
}
