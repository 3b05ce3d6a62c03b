package cn.yiyang.planning.importer.mapping;

import cn.yiyang.planning.importer.issue.IssueCode;
import java.util.List;

/** The outcome of converting one source value to a field's type. */
public sealed interface Conversion {

    /**
     * A value of the field's Java type, with a warning when it was read by a rule the user should know of.
     *
     * @param value    String, Integer, Double, Boolean or LocalDate
     * @param note     a warning to report with the value (e.g. {@link IssueCode#DATE_MONTH_ONLY}), or null
     * @param noteArgs the warning's arguments
     */
    record Value(Object value, IssueCode note, List<String> noteArgs) implements Conversion {
        public Value {
            noteArgs = List.copyOf(noteArgs);
        }

        /** A value read as written, without a warning. */
        public Value(Object value) {
            this(value, null, List.of());
        }
    }

    /** No value: null, or blank text. */
    record Empty() implements Conversion {}

    /**
     * The value cannot be converted.
     *
     * @param code {@link IssueCode#WRONG_TYPE}, {@link IssueCode#UNKNOWN_CODE} or
     *             {@link IssueCode#BELONGS_TO_OTHER_LAYER}
     * @param args the issue's arguments: the value as written, then an example of the expected form
     *             (WRONG_TYPE), the allowed values (UNKNOWN_CODE) or the titles of the layer it belongs in
     */
    record Failure(IssueCode code, List<String> args) implements Conversion {
        public Failure {
            args = List.copyOf(args);
        }
    }

    Empty EMPTY = new Empty();
}
