package cn.yiyang.planning.app.access;

/** No analysis run has this id: 404. */
public class AccessRunNotFoundException extends RuntimeException {

    private final String runId;

    AccessRunNotFoundException(String runId) {
        super("no analysis run " + runId);
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
