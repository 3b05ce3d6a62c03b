package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A new plan the register cannot take (no name, no or unknown villages, a village with a plan already): HTTP 422 {@code invalid_plan}, property {@code field}; nothing created. */
public class InvalidPlanException extends ProblemException {

    InvalidPlanException(String field, String messageKey, Object... arguments) {
        super("invalid plan: " + field, HttpStatus.UNPROCESSABLE_CONTENT, "invalid_plan", messageKey, arguments);
        property("field", field);
    }
}
