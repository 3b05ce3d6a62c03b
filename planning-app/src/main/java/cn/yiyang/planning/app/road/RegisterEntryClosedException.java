package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The entry is closed already (by its inspection row or in the app): HTTP 409. */
public class RegisterEntryClosedException extends ProblemException {

    private final transient RegisterEntry entry;

    RegisterEntryClosedException(RegisterEntry entry) {
        super(
                "register entry " + entry.key() + " was closed on " + entry.closedOn(),
                HttpStatus.CONFLICT,
                "register_entry_closed",
                "api.error.register-entry-closed",
                entry.roadCode(),
                entry.blockedOn().toString(),
                String.valueOf(entry.closedOn()));
        property("closedOn", String.valueOf(entry.closedOn()));
        this.entry = entry;
    }

    /** The entry as it is, closed. */
    public RegisterEntry entry() {
        return entry;
    }
}
