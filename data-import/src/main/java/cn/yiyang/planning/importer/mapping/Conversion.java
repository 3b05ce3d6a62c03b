package cn.yiyang.planning.importer.mapping;

import cn.yiyang.planning.importer.issue.IssueCode;
import java.util.List;

/** The outcome of converting one source value to a field's type. */
public sealed interface Conversion {

    /**
     * A value of the field's Java type.
     *
     * @param value String, Integer, Double, Boolean or LocalDate
     */
    record Value(Object value) implements Conversion {}

    /** No value: null, or blank text. */
    record Empty() implements Conversion {}

    /**
     * The value cannot be converted.
     *
     * @param code {@link IssueCode#WRONG_TYPE} or {@link IssueCode#UNKNOWN_CODE}
     * @param args the issue's arguments: the value as written, then an example of the expected form
     *             (WRONG_TYPE) or the allowed values (UNKNOWN_CODE)
     */
    record Failure(IssueCode code, List<String> args) implements Conversion {
        public Failure {
            args = List.copyOf(args);
        }
    }

    Empty EMPTY = new Empty();
}
