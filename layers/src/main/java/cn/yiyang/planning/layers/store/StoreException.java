package cn.yiyang.planning.layers.store;

/**
 * A failure of the store, typed by {@link Reason}. Messages never contain SQL, passwords or
 * connection strings: they may be logged and, through the reason, turned into a user message.
 */
public class StoreException extends RuntimeException {

    /** What went wrong, in terms a caller can act on. */
    public enum Reason {
        UNSUPPORTED_URL,
        UNAVAILABLE,
        POSTGIS_MISSING,
        MIGRATION_FAILED,
        CONSTRAINT_VIOLATED,
        QUERY_FAILED
    }

    private final Reason reason;

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
