package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import java.util.Locale;

/** The register's words in the reader's language: road classes, statuses, who closed an entry. */
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

    static boolean english(Locale locale) {
        return Messages.EN.equals(Messages.supported(locale));
    }
}
