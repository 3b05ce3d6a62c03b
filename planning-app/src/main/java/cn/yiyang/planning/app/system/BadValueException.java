package cn.yiyang.planning.app.system;

import org.springframework.http.HttpStatus;

/** A request value the API cannot use (an import mode, a register status, an indicator level…): HTTP 400. */
public class BadValueException extends ProblemException {

    private final String parameter;
    private final String value;
    private final String expected;

    /**
     * @param parameter the request parameter
     * @param value     what was sent
     * @param expected  what would do, e.g. {@code replace, append, upsert}
     */
    public BadValueException(String parameter, String value, String expected) {
        super(
                "bad value for " + parameter,
                HttpStatus.BAD_REQUEST,
                "bad_value",
                "api.error.bad-value",
                parameter,
                value,
                expected);
        this.parameter = parameter;
        this.value = value;
        this.expected = expected;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    public String expected() {
        return expected;
    }
}
