package cn.yiyang.planning.app.map;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A base-map tile could not be served; the reason picks the HTTP status, the code and the message. */
public class BasemapException extends ProblemException {

    /** Why. */
    public enum Reason {
        /** No Tianditu key is set. */
        UNCONFIGURED(HttpStatus.NOT_FOUND, "basemap_unconfigured", "api.error.basemap-unconfigured"),
        /** Not one of the Tianditu layers. */
        UNKNOWN_LAYER(HttpStatus.NOT_FOUND, "unknown_layer", "api.error.basemap-layer"),
        /** No connection (no internet, DNS, time-out). */
        UNREACHABLE(HttpStatus.BAD_GATEWAY, "basemap_unavailable", "api.error.basemap-unavailable"),
        /** Tianditu refused the key's rate (HTTP 418 or 429). */
        RATE_LIMITED(HttpStatus.SERVICE_UNAVAILABLE, "basemap_rate_limited", "api.error.basemap-rate-limited"),
        /** Tianditu answered with an error or not with an image (a bad key). */
        UPSTREAM_ERROR(HttpStatus.BAD_GATEWAY, "basemap_unavailable", "api.error.basemap-unavailable");

        private final HttpStatus status;
        private final String code;
        private final String messageKey;

        Reason(HttpStatus status, String code, String messageKey) {
            this.status = status;
            this.code = code;
            this.messageKey = messageKey;
        }
    }

    private final Reason reason;

    /**
     * @param reason  why
     * @param message for the log
     */
    public BasemapException(Reason reason, String message) {
        // {0}, used by UNKNOWN_LAYER's message only: the layers there are
        super(
                message,
                reason.status,
                reason.code,
                reason.messageKey,
                String.join(", ", TiandituProxy.LAYERS.stream().sorted().toList()));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
