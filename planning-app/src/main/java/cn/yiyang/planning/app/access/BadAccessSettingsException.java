package cn.yiyang.planning.app.access;

/** A run setting out of its range: the API answers 400 naming it, the page marks the field. */
public class BadAccessSettingsException extends RuntimeException {

    private final String setting;
    private final double value;
    private final double min;
    private final double max;

    BadAccessSettingsException(String setting, double value, double min, double max) {
        super(setting + " = " + value + " is outside " + min + ".." + max);
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
}
