package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.i18n.Messages;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A register entry in the REST API. Dates are {@code yyyy-MM-dd}; {@code status} is {@code open} or
 * {@code closed}; {@code closedIn} is {@code inspection} (the inspection row's 销号 date) or {@code app}
 * (closed in the app); labels are in the caller's language. {@code routeCode} is the route the segment belongs to;
 * {@code routeScope} (with {@code routeScopeLabel}) says, when the inspection named the route rather than the
 * segment, the route, the stake and the segments it applied to, else null.
 */
record RegisterJson(
        String roadCode,
        String roadName,
        String adminClass,
        String adminClassLabel,
        String countyCode,
        String countyName,
        String townshipCode,
        String townshipName,
        String cause,
        String blockedOn,
        long daysOpen,
        String status,
        String statusLabel,
        String closedOn,
        String closedBy,
        String closedIn,
        String note,
        String routeCode,
        RouteScope routeScope,
        String routeScopeLabel) {

    static RegisterJson of(RegisterEntry e, LocalDate today, Messages messages, Locale locale) {
        return new RegisterJson(
                e.roadCode(),
                e.roadName(),
                e.adminClass(),
                RegisterLabels.adminClass(e.adminClass(), locale),
                e.countyCode(),
                e.countyName(),
                e.townshipCode(),
                e.townshipName(),
                e.cause(),
                e.blockedOn().toString(),
                e.daysOpen(today),
                e.open() ? "open" : "closed",
                RegisterLabels.status(messages, e.status(), locale),
                e.closedOn() == null ? null : e.closedOn().toString(),
                e.closedBy(),
                e.closedIn() == null ? null : e.closedIn().name().toLowerCase(Locale.ROOT),
                e.note(),
                e.routeCode(),
                e.scope(),
                e.scope() == null
                        ? null
                        : RegisterLabels.scope(e.scope(), RegisterLabels.words(messages, locale), locale));
    }
}
