package cn.yiyang.planning.importer.mapping;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A column of the file proposed for a layer field because of what its values are, with the evidence: how many of
 * its non-empty sampled values fit, and how they fit.
 *
 * @param source   the column, as the file names it
 * @param evidence how its values fit the field
 * @param matching the non-empty sampled values that fit
 * @param nonEmpty the non-empty sampled values
 * @param about    what the values are compared with, in Chinese and English: the referenced layer's title
 *                 ({@link Evidence#REFERENCE}), the field's title (the others)
 */
public record FieldCandidate(String source, Evidence evidence, int matching, int nonEmpty, Titles about) {

    private static final String BUNDLE = "importer/evidence";

    /** How a column's values fit a field. */
    public enum Evidence {
        /** The values are keys of the layer the field refers to, as stored (village codes, works codes …). */
        REFERENCE,
        /** The values are codes (or labels or aliases of codes) of the field's code list. */
        CODE_LIST,
        /** The values are unique and shaped like the keys the layer already holds (letters and digits in place). */
        KEY_PATTERN,
        /** The values are unique and code-like, but the layer holds no keys to compare their shape with. */
        KEY_UNIQUE,
        /** The values are dates in a form the importer reads (2024/9/28, 2024年9月28日, Excel serials …). */
        DATE
    }

    /**
     * A Chinese and an English title.
     *
     * @param zh the Chinese title
     * @param en the English title
     */
    public record Titles(String zh, String en) {}

    /** The share of non-empty values that fit, in whole percent, rounded down (99.6 % is not all). */
    public int percent() {
        return nonEmpty == 0 ? 0 : (int) (100L * matching / nonEmpty);
    }

    /** Whether every non-empty value fits (and there is at least one). */
    public boolean all() {
        return nonEmpty > 0 && matching == nonEmpty;
    }

    /** The evidence as a sentence: "98 % of the values of `code` are codes of water works in the store". */
    public String describe(Locale locale) {
        Locale l = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String pattern = ResourceBundle.getBundle(
                        BUNDLE,
                        l,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString("evidence." + evidence.name());
        String title = l == Locale.ENGLISH ? about.en() : about.zh();
        return new MessageFormat(pattern, l).format(new Object[] {String.valueOf(percent()), source, title});
    }
}
