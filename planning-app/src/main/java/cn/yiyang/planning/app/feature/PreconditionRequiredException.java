package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * An update or delete without {@code If-Match}: HTTP 428. A write must name the version it started from, so that
 * it never silently overwrites another user's change.
 */
public class PreconditionRequiredException extends ProblemException {

    PreconditionRequiredException() {
        super(
                "If-Match is required",
                HttpStatus.PRECONDITION_REQUIRED,
                "precondition_required",
                "api.error.precondition-required");
    }
}
