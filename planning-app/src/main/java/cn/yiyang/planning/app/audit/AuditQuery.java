package cn.yiyang.planning.app.audit;

import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.layers.audit.AuditFilter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The audit page's and API's filter from their text values: dates (China time, {@code yyyy-MM-dd}) inclusive. */
final class AuditQuery {

    /** The most entries one list or export holds. */
    static final int MAX = 10_000;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private AuditQuery() {}

    /**
     * @throws BadValueException when a date is not {@code yyyy-MM-dd}
     */
    static AuditFilter filter(String user, String layer, String feature, String action, String from, String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        return new AuditFilter(
                blank(user),
                blank(layer),
                blank(feature),
                blank(action),
                first == null ? null : first.atStartOfDay(CHINA).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(CHINA).toInstant(),
                MAX);
    }

    /** The filter of dates given as values (the page's date pickers). */
    static AuditFilter filter(String user, String layer, String feature, String action, LocalDate from, LocalDate to) {
        return filter(
                user, layer, feature, action, from == null ? null : from.toString(), to == null ? null : to.toString());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadValueException(parameter, value, "yyyy-MM-dd");
        }
    }
}
