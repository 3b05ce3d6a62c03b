package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No analysis run has this id: 404. */
public class AccessRunNotFoundException extends ProblemException {

    private final String runId;

    AccessRunNotFoundException(String runId) {
        super("no analysis run " + runId, HttpStatus.NOT_FOUND, "unknown_run", "api.error.unknown-run", runId);
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
