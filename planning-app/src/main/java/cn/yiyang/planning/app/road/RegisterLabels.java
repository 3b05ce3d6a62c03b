package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import java.util.Locale;

/** The register's words in the reader's language: road classes, statuses, who closed an entry, route inspections. */
final class RegisterLabels {

    private RegisterLabels() {}

    /** The road's administrative class (村道 / Village road), or "" when unknown. */
    static String adminClass(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        return CodeLists.ROAD_ADMIN_CLASS
                .byValue(code)
                .map(c -> english(locale) ? c.titleEn() : c.titleZh())
                .orElse(code);
    }

    /** 未销号 / 已销号 (Open / Closed). */
    static String status(Messages messages, EntryStatus status, Locale locale) {
        return messages.get(
                status == EntryStatus.OPEN ? "road-register.status.open" : "road-register.status.closed", locale);
    }

    /** Who closed the entry: the user, or 巡查记录 (inspection record) for a closed_on on the inspection row. */
    static String closedBy(Messages messages, RegisterEntry e, Locale locale) {
        if (e.closedIn() == ClosureSource.INSPECTION) {
            return messages.get("road-register.closed-by.inspection", locale);
        }
        return e.closedBy() == null ? "" : e.closedBy();
    }

    /** A message by key with its arguments, in the reader's language (the pages' getTranslation, {@link Messages}). */
    @FunctionalInterface
    interface Words {
        String get(String key, Object... args);
    }

    /** The same from {@link Messages} in {@code locale}. */
    static Words words(Messages messages, Locale locale) {
        return (key, args) -> messages.get(key, locale, args);
    }

    /**
     * How an inspection naming a route reached the entry: the route and all its segments, the stake and the segments it
     * picked, or the stake that picked none (all segments then); "" when the inspection named the segment.
     */
    static String scope(RouteScope scope, Words words, Locale locale) {
        if (scope == null) {
            return "";
        }
        if (!scope.placed()) {
            return words.get("road-register.scope.unplaced", scope.routeCode(), scope.stake(), scope.routeSegments());
        }
        if (scope.stake() == null) {
            return words.get("road-register.scope.route", scope.routeCode(), scope.routeSegments());
        }
        return words.get(
                "road-register.scope.stake",
                scope.routeCode(),
                scope.stake(),
                String.join(english(locale) ? ", " : "、", scope.segments()));
    }

    static boolean english(Locale locale) {
        return Messages.EN.equals(Messages.supported(locale));
    }
}
