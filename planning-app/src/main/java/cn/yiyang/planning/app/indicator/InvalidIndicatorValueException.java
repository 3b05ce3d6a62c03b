package cn.yiyang.planning.app.indicator;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A target or a manual entry the catalogue cannot take (a period not yyyy-yyyy, an indicator that is not manual, a
 * unit the unit list does not have or of another level, a value out of the indicator's range): HTTP 422
 * {@code invalid_indicator_value}, property {@code field}; nothing stored.
 */
public class InvalidIndicatorValueException extends ProblemException {

    InvalidIndicatorValueException(String field, String messageKey, Object... arguments) {
        super(
                "invalid indicator value: " + field,
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid_indicator_value",
                messageKey,
                arguments);
        property("field", field);
    }
}
