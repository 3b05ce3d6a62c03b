package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No analysis run has this id (of the kind asked for): 404 {@code unknown_run}. */
public class RunNotFoundException extends ProblemException {

    private final String runId;

    /** @param runId the id asked for */
    public RunNotFoundException(String runId) {
        super("no analysis run " + runId, HttpStatus.NOT_FOUND, "unknown_run", "api.error.unknown-run", runId);
        this.runId = runId;
    }

    /** @return the id asked for */
    public String runId() {
        return runId;
    }
}
