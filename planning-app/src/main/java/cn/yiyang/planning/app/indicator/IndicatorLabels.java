package cn.yiyang.planning.app.indicator;

import cn.yiyang.planning.app.access.IndicatorFormat;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorTarget;
import cn.yiyang.planning.layers.analysis.IndicatorUnit;
import java.util.Locale;
import java.util.function.Function;

/** How the catalogue's indicators and targets read on the pages, in the page's language (Chinese unless English). */
public final class IndicatorLabels {

    private IndicatorLabels() {}

    /** @return the indicator's name in the language */
    public static String name(CatalogueIndicator i, Locale locale) {
        return english(locale) ? i.nameEn() : i.nameZh();
    }

    /**
     * @param translate the page's {@code getTranslation}
     * @return a value with its unit: 93.1%, 12, 6.25 万元
     */
    public static String value(CatalogueIndicator i, Double value, Function<String, String> translate) {
        String n = IndicatorFormat.number(i.unit(), value);
        if (value == null || i.unit() == IndicatorUnit.RATE || i.unit() == IndicatorUnit.COUNT) {
            return n;
        }
        return n + " " + translate.apply("indicator.unit." + i.unit().id());
    }

    /** @return a target as the page shows it: its number with the unit, or the plan's words, or both */
    public static String target(
            CatalogueIndicator i, IndicatorTarget t, Locale locale, Function<String, String> translate) {
        if (t == null) {
            return "—";
        }
        String note = english(locale) && t.noteEn() != null ? t.noteEn() : t.noteZh();
        String direction = translate.apply(i.higherIsBetter() ? "indicator.at-least" : "indicator.at-most");
        if (t.target() == null) {
            return note == null ? "—" : note;
        }
        String number = direction + " " + value(i, t.target(), translate);
        return note == null ? number : number + " (" + note + ")";
    }

    /** @return the value a form shows for a stored one: a rate in percent */
    public static double toForm(CatalogueIndicator i, double stored) {
        return i.unit() == IndicatorUnit.RATE ? stored * 100 : stored;
    }

    /** @return the value to store for one a form holds: a rate from percent */
    public static double fromForm(CatalogueIndicator i, double entered) {
        return i.unit() == IndicatorUnit.RATE ? entered / 100 : entered;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
