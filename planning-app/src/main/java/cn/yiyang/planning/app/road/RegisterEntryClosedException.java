package cn.yiyang.planning.app.road;

/** The entry is closed already (by its inspection row or in the app): HTTP 409. */
public class RegisterEntryClosedException extends RuntimeException {

    private final transient RegisterEntry entry;

    RegisterEntryClosedException(RegisterEntry entry) {
        super("register entry " + entry.key() + " was closed on " + entry.closedOn());
        this.entry = entry;
    }

    /** The entry as it is, closed. */
    public RegisterEntry entry() {
        return entry;
    }
}
