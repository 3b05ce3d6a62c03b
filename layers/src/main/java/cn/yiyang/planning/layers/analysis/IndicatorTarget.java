package cn.yiyang.planning.layers.analysis;

import cn.yiyang.planning.geo.access.UnitGroup;
import java.util.Objects;

/**
 * A target of the plan ({@code indicator_target}): one indicator, plan period and group.
 *
 * @param indicator the indicator's id
 * @param period    the plan period, e.g. {@code 2021-2025}
 * @param group     whom it is set for: the whole city, the key-support or the demonstration counties and villages
 * @param target    the number, in the indicator's unit (a fraction for a rate), or null when the plan states it in
 *                  words only
 * @param source    where it comes from
 * @param noteZh    the plan's words, in Chinese (高于全省平均水平), or null
 * @param noteEn    the same in English, or null
 */
public record IndicatorTarget(
        String indicator, String period, UnitGroup group, Double target, String source, String noteZh, String noteEn) {

    public IndicatorTarget {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(group, "group");
    }
}
