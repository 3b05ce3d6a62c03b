package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A run setting out of its range: the API answers 400 naming it, the page marks the field. */
public class BadAccessSettingsException extends ProblemException {

    private final String setting;
    private final double value;
    private final double min;
    private final double max;

    BadAccessSettingsException(String setting, double value, double min, double max) {
        super(
                setting + " = " + value + " is outside " + min + ".." + max,
                HttpStatus.BAD_REQUEST,
                "bad_setting",
                "api.error.bad-setting",
                setting,
                fmt(value),
                fmt(min),
                fmt(max));
        property("setting", setting);
        this.setting = setting;
        this.value = value;
        this.min = min;
        this.max = max;
    }

    public String setting() {
        return setting;
    }

    public double value() {
        return value;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** A whole number without a decimal point, as the user typed it. */
    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
