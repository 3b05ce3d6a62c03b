package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.layers.catalogue.CodeLists;

/** How the plans' stages read: their labels from the {@code plan_status} code list, in the reader's language. */
public final class PlanLabels {

    private PlanLabels() {}

    /** The stage's label (未启动 / Not started …); an unknown code reads as itself. */
    public static Localized status(String code) {
        return CodeLists.PLAN_STATUS
                .byValue(code)
                .map(c -> Localized.of(c.titleZh(), c.titleEn()))
                .orElse(Localized.of(String.valueOf(code), String.valueOf(code)));
    }
}
