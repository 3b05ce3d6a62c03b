package cn.yiyang.planning.app.analysis;

import java.util.Objects;

/**
 * One setting of an analysis: its name (as in the JSON body of a run request and on the page), its type, its default
 * (the plan's), its allowed range and the unit a page shows beside it. Labels are the message keys
 * {@code analysis.setting.<name>} and {@code analysis.unit.<unit>}.
 *
 * @param name the setting's name, lower camel case ({@code mainDistanceM})
 * @param type what it holds
 * @param defaultValue its default: a Double, Integer, Boolean, or for {@link Type#DATE} null (today in China time)
 * @param min the least allowed value (numbers), or null
 * @param max the greatest allowed value (numbers), or null
 * @param unit the unit's key ({@code m}, {@code months}, {@code lpd} …), or null
 */
public record SettingSpec(String name, Type type, Object defaultValue, Double min, Double max, String unit) {

    /** What a setting holds. */
    public enum Type {
        /** A number (JSON number). */
        NUMBER,
        /** A whole number. */
        INTEGER,
        /** true or false. */
        BOOLEAN,
        /** A date, ISO {@code yyyy-MM-dd}. */
        DATE
    }

    /** The setting every rule that depends on dates reads: the day the analysis is made as of. */
    public static final String AS_OF = "asOf";

    public SettingSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A number between min and max. */
    public static SettingSpec number(String name, double defaultValue, double min, double max, String unit) {
        return new SettingSpec(name, Type.NUMBER, defaultValue, min, max, unit);
    }

    /** A whole number between min and max. */
    public static SettingSpec integer(String name, int defaultValue, int min, int max, String unit) {
        return new SettingSpec(name, Type.INTEGER, defaultValue, (double) min, (double) max, unit);
    }

    /** A yes-or-no setting. */
    public static SettingSpec flag(String name, boolean defaultValue) {
        return new SettingSpec(name, Type.BOOLEAN, defaultValue, null, null, null);
    }

    /** The {@value #AS_OF} date, today in China time unless given. */
    public static SettingSpec asOf() {
        return new SettingSpec(AS_OF, Type.DATE, null, null, null, null);
    }
}
