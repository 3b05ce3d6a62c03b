package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A step that does not lead out of the plan's stage (批复 of a plan being compiled): HTTP 409 {@code plan_step_not_allowed}; properties {@code step}, {@code status}. */
public class PlanStepNotAllowedException extends ProblemException {

    PlanStepNotAllowedException(String code, PlanStep step, String status) {
        super(
                "plan " + code + " cannot take step " + step.id() + " from " + status,
                HttpStatus.CONFLICT,
                "plan_step_not_allowed",
                "api.error.plan-step-not-allowed",
                step.title(),
                PlanLabels.status(status));
        property("step", step.id());
        property("status", status);
    }
}
