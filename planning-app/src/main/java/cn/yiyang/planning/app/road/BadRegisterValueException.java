package cn.yiyang.planning.app.road;

/** A register query parameter with a value it cannot take (status, a date): HTTP 400. */
public class BadRegisterValueException extends RuntimeException {

    private final String parameter;
    private final String value;
    private final String expected;

    BadRegisterValueException(String parameter, String value, String expected) {
        super(parameter + "=" + value + " (expected " + expected + ")");
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
