package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A new plan whose code another plan has: HTTP 409 {@code plan_exists}, nothing created. */
public class PlanExistsException extends ProblemException {

    PlanExistsException(String code) {
        super("plan exists: " + code, HttpStatus.CONFLICT, "plan_exists", "api.error.plan-exists", code);
    }
}
