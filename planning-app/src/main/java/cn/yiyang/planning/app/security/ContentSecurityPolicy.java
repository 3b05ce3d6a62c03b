package cn.yiyang.planning.app.security;

import java.net.URI;

/**
 * The Content-Security-Policy of the pages and the API: scripts, styles and data from this server only (Vaadin's
 * bootstrap needs inline scripts and styles and {@code eval}), base-map tiles also from Tianditu when the browser
 * fetches them itself ({@code PLANNING_TIANDITU_PROXY=false}; the default proxy serves them from this server), no
 * plug-ins, no framing by other sites, forms posted only here.
 */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {}

    /**
     * @param tiandituUrl the Tianditu URL pattern ({@code https://t{s}.tianditu.gov.cn}), whose host the browser may
     *                    fetch tiles from: {@code {s}} (the subdomain) becomes a wildcard
     */
    static String policy(String tiandituUrl) {
        String tiles = tileSource(tiandituUrl);
        return "default-src 'self'; "
                + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:" + tiles + "; "
                + "connect-src 'self' ws: wss:" + tiles + "; "
                + "font-src 'self' data:; "
                + "worker-src 'self' blob:; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'self'";
    }

    /** " https://*.tianditu.gov.cn" from the URL pattern; empty when it has no host. */
    private static String tileSource(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(url.strip().replace("{s}", "x0"));
            if (uri.getHost() == null) {
                return "";
            }
            String host = uri.getHost();
            int dot = host.indexOf('.');
            String pattern = url.contains("{s}") && dot > 0 ? "*" + host.substring(dot) : host;
            return " " + uri.getScheme() + "://" + pattern + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
