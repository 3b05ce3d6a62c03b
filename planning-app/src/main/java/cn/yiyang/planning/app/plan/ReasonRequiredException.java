package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** 退回修改 without a reason: HTTP 422 {@code reason_required}, nothing changed. */
public class ReasonRequiredException extends ProblemException {

    ReasonRequiredException(PlanStep step) {
        super(
                "reason required for " + step.id(),
                HttpStatus.UNPROCESSABLE_CONTENT,
                "reason_required",
                "api.error.reason-required",
                step.title());
    }
}
