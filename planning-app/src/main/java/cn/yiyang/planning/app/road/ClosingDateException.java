package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.system.ProblemException;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;

/** A 销号 date the register cannot take: HTTP 422. */
public class ClosingDateException extends ProblemException {

    /** What is wrong with the date. */
    public enum Reason {
        /** No date, or not a date in the form yyyy-MM-dd. */
        NOT_A_DATE("api.error.closing-date.not-a-date"),
        /** Before the entry's blocked date. */
        BEFORE_BLOCKED("api.error.closing-date.before-blocked"),
        /** After today (China Standard Time). */
        IN_FUTURE("api.error.closing-date.in-future");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final Reason reason;
    private final String value;
    private final LocalDate limit;

    ClosingDateException(Reason reason, String value, LocalDate limit) {
        super(
                "closing date " + value + ": " + reason,
                HttpStatus.UNPROCESSABLE_CONTENT,
                "bad_closing_date",
                reason.messageKey,
                value,
                String.valueOf(limit));
        property("reason", reason.name());
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
