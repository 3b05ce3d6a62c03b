package cn.yiyang.planning.app.road;

/** No register entry has this road and blocked date: HTTP 404. */
public class RegisterEntryNotFoundException extends RuntimeException {

    private final String roadCode;
    private final String blockedOn;

    RegisterEntryNotFoundException(String roadCode, String blockedOn) {
        super("no register entry " + roadCode + "/" + blockedOn);
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
