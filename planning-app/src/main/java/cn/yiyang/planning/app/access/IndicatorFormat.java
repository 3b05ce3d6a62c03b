package cn.yiyang.planning.app.access;

import cn.yiyang.planning.layers.analysis.IndicatorUnit;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import java.util.Locale;

/** How indicator values read on the pages: percentages with one decimal, "—" when there is nothing to count. */
public final class IndicatorFormat {

    private IndicatorFormat() {}

    public static String percent(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    /** @return e.g. "93.1% (1,204 / 1,293)" */
    public static String valueWithCounts(IndicatorValue v) {
        return value(v) + String.format(Locale.ROOT, " (%,d / %,d)", v.numerator(), v.denominator());
    }

    /** @return the value as a page shows it: a percentage, or for a count indicator the count */
    public static String value(IndicatorValue v) {
        return v.indicator().count() ? String.format(Locale.ROOT, "%,d", v.numerator()) : percent(v.value());
    }

    /** @return the target as a page shows it, like {@link #value}; null when there is none */
    public static String target(IndicatorValue v) {
        if (v.target() == null) {
            return null;
        }
        return v.indicator().count() ? String.format(Locale.ROOT, "%,d", Math.round(v.target())) : percent(v.target());
    }

    /** @return whether the value meets its target; null when either is missing */
    public static Boolean meets(IndicatorValue v) {
        return v.meetsTarget();
    }

    /**
     * @return a catalogue indicator's value or target as a page shows it, without its unit's name: a rate as a
     *     percentage, a count as a whole number, 万元 and per-thousand figures with two decimals; "—" for none
     */
    public static String number(IndicatorUnit unit, Double value) {
        if (value == null) {
            return "—";
        }
        return switch (unit) {
            case RATE -> percent(value);
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
            case WAN_YUAN, PER_THOUSAND -> String.format(Locale.ROOT, "%,.2f", value);
        };
    }
}
