package cn.yiyang.planning.importer.format;

import java.util.regex.Pattern;

/**
 * Text in a spreadsheet cell: the one home of the rule that keeps a spreadsheet from running a cell as a formula
 * ({@link #neutralise}) and of its inverse for the files the import reads ({@link #restore}). Every CSV and XLSX the
 * app writes neutralises its text cells (department names and attributes come from uploaded files); the CSV and XLSX
 * readers restore them, so that a file exported and imported again gives back the values it was written from.
 *
 * <p>It sits in a package of its own, below both its writers ({@code importer.job.Csv}, the app's exports) and its
 * readers ({@code importer.source}), since {@code job} depends on {@code source} and {@code mapping}: the rule and
 * its inverse in either would make the other depend back on it.
 */
public final class SpreadsheetText {

    /** What Excel, LibreOffice and WPS take as the start of a formula: {@code = + - @}, a tab, a carriage return. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private SpreadsheetText() {}

    /**
     * A text as a spreadsheet cell may hold it: one that starts with {@code = + - @}, a tab or a carriage return
     * (which Excel, LibreOffice and WPS would run as a formula) gets a leading apostrophe; numbers keep their minus
     * sign ({@code -3} stays {@code -3}); null and empty stay as they are.
     */
    public static String neutralise(String value) {
        return runsAsFormula(value) ? "'" + value : value;
    }

    /**
     * The inverse of {@link #neutralise}: a value that neutralise wrote (an apostrophe followed by a text it guards
     * against, e.g. {@code '=1+1}) loses its apostrophe; any other value is returned as it is ({@code 'abc},
     * {@code '-3}, which neutralise never writes, {@code '}, empty, null). A value written with such an apostrophe
     * on purpose loses it too: the two cannot be told apart, and the app's own downloads are the files read back.
     */
    public static String restore(String value) {
        return value != null && value.length() > 1 && value.charAt(0) == '\'' && runsAsFormula(value.substring(1))
                ? value.substring(1)
                : value;
    }

    private static boolean runsAsFormula(String value) {
        return value != null
                && !value.isEmpty()
                && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0
                && !NUMBER.matcher(value).matches();
    }
}
