package cn.yiyang.planning.app.importing;

/** A request value the import cannot use (mode, reject policy, field map, a flag): HTTP 400. */
public class BadImportValueException extends RuntimeException {

    private final String parameter;
    private final String value;
    private final String expected;

    /**
     * @param parameter the request parameter
     * @param value     what was sent
     * @param expected  what would do, e.g. {@code replace, append, upsert}
     */
    public BadImportValueException(String parameter, String value, String expected) {
        super("bad value for " + parameter);
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
