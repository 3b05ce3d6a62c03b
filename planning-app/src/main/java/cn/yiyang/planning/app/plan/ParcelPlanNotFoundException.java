package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No village plan has this code: HTTP 404 {@code unknown_plan}. */
public class ParcelPlanNotFoundException extends ProblemException {

    ParcelPlanNotFoundException(String planCode) {
        super("no plan " + planCode, HttpStatus.NOT_FOUND, "unknown_plan", "api.error.unknown-plan", planCode);
    }
}
