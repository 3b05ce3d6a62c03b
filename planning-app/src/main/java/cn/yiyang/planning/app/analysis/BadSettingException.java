package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A run setting that is unknown, of the wrong type or out of its range: the API answers 400 {@code bad_setting}
 * naming it (property {@code setting}), the page marks the field.
 */
public class BadSettingException extends ProblemException {

    private final String setting;

    private BadSettingException(String message, String setting, String key, Object... args) {
        super(message, HttpStatus.BAD_REQUEST, "bad_setting", key, args);
        property("setting", setting);
        this.setting = setting;
    }

    /** A number outside its range. */
    static BadSettingException outOfRange(String setting, Object value, double min, double max) {
        return new BadSettingException(
                setting + " = " + value + " is outside " + min + ".." + max,
                setting,
                "api.error.bad-setting",
                setting,
                String.valueOf(value),
                fmt(min),
                fmt(max));
    }

    /** A value of the wrong type (a text where a number is wanted, a date that does not read). */
    static BadSettingException badValue(String setting, Object value, String expected) {
        return new BadSettingException(
                setting + " = " + value + " is not " + expected,
                setting,
                "api.error.bad-setting-value",
                setting,
                String.valueOf(value),
                expected);
    }

    /** A setting the analysis does not have. */
    static BadSettingException unknown(String setting, String known) {
        return new BadSettingException(
                "unknown setting " + setting, setting, "api.error.unknown-setting", setting, known);
    }

    /** @return the setting's name */
    public String setting() {
        return setting;
    }

    /** A whole number without a decimal point, as the user typed it. */
    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
