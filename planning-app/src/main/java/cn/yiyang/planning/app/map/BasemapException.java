package cn.yiyang.planning.app.map;

/** A base-map tile could not be served; the reason picks the HTTP status and the message. */
public class BasemapException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** No Tianditu key is set. */
        UNCONFIGURED,
        /** Not one of the Tianditu layers. */
        UNKNOWN_LAYER,
        /** No connection (no internet, DNS, time-out). */
        UNREACHABLE,
        /** Tianditu refused the key's rate (HTTP 418 or 429). */
        RATE_LIMITED,
        /** Tianditu answered with an error or not with an image (a bad key). */
        UPSTREAM_ERROR
    }

    private final Reason reason;

    public BasemapException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
