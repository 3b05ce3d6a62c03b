package cn.yiyang.planning.importer.issue;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One problem, located: the file, the row (1-based feature or data-row number; 0 for the file as a
 * whole), the field (null when it is not about one field), a code and the code's arguments. The
 * message is rendered in the user's language by {@link #message(Locale)}.
 */
public record ImportIssue(String file, long row, String field, IssueCode code, List<String> args) {

    private static final String BUNDLE = "importer/messages";

    public ImportIssue {
        args = List.copyOf(args);
    }

    /** A problem with the file as a whole. */
    public static ImportIssue ofFile(String file, IssueCode code, Object... args) {
        return new ImportIssue(file, 0, null, code, strings(args));
    }

    /** A problem with one row, and optionally one field of it. */
    public static ImportIssue ofRow(String file, long row, String field, IssueCode code, Object... args) {
        return new ImportIssue(file, row, field, code, strings(args));
    }

    public Severity severity() {
        return code.severity();
    }

    /** The message in Chinese (the default) or English, with the arguments filled in. */
    public String message(Locale locale) {
        Locale l = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String pattern = ResourceBundle.getBundle(
                        BUNDLE,
                        l,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString(code.messageKey());
        return new MessageFormat(pattern, l).format(args.toArray());
    }

    private static List<String> strings(Object[] args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }
}
