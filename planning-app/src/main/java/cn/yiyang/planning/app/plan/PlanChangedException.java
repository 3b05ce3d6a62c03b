package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A step or an edit that lost the race against another write of the same plan: HTTP 409 {@code plan_changed}, nothing changed; reload and try again. */
public class PlanChangedException extends ProblemException {

    PlanChangedException(String code) {
        super(
                "plan " + code + " changed meanwhile",
                HttpStatus.CONFLICT,
                "plan_changed",
                "api.error.plan-changed",
                code);
    }
}
