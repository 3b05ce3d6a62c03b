package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No register entry has this road and blocked date: HTTP 404. */
public class RegisterEntryNotFoundException extends ProblemException {

    private final String roadCode;
    private final String blockedOn;

    RegisterEntryNotFoundException(String roadCode, String blockedOn) {
        super(
                "no register entry " + roadCode + "/" + blockedOn,
                HttpStatus.NOT_FOUND,
                "unknown_register_entry",
                "api.error.unknown-register-entry",
                roadCode,
                blockedOn);
        this.roadCode = roadCode;
        this.blockedOn = blockedOn;
    }

    public String roadCode() {
        return roadCode;
    }

    /** The blocked date as asked for (it may not be a date at all). */
    public String blockedOn() {
        return blockedOn;
    }
}
