package cn.yiyang.planning.app.road;

import java.time.LocalDate;

/** A 销号 date the register cannot take: HTTP 422. */
public class ClosingDateException extends RuntimeException {

    /** What is wrong with the date. */
    public enum Reason {
        /** No date, or not a date in the form yyyy-MM-dd. */
        NOT_A_DATE,
        /** Before the entry's blocked date. */
        BEFORE_BLOCKED,
        /** After today (China Standard Time). */
        IN_FUTURE
    }

    private final Reason reason;
    private final String value;
    private final LocalDate limit;

    ClosingDateException(Reason reason, String value, LocalDate limit) {
        super("closing date " + value + ": " + reason);
        this.reason = reason;
        this.value = value;
        this.limit = limit;
    }

    public Reason reason() {
        return reason;
    }

    /** The date as given. */
    public String value() {
        return value;
    }

    /** The blocked date (BEFORE_BLOCKED) or today (IN_FUTURE); null for NOT_A_DATE. */
    public LocalDate limit() {
        return limit;
    }
}
