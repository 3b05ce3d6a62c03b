package cn.yiyang.planning.app.access;

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
        return percent(v.value()) + String.format(Locale.ROOT, " (%,d / %,d)", v.numerator(), v.denominator());
    }

    /** @return whether the value meets its target; null when either is missing */
    public static Boolean meets(IndicatorValue v) {
        return v.value() == null || v.target() == null ? null : v.value() >= v.target() - 1e-12;
    }
}
