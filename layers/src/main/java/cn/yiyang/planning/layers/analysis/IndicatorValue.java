package cn.yiyang.planning.layers.analysis;

import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.catalogue.Region;
import java.util.Objects;

/**
 * One indicator of one unit and group: {@code numerator / denominator}, e.g. households within 50 m of the network
 * / households. Road-access indicators ({@link AccessIndicator}) belong to the run that computed them; indicators
 * computed live from current data (e.g. {@link cn.yiyang.planning.geo.plan.PlanIndicator plan coverage}) to none.
 *
 * @param runId       the run, or null for an indicator computed live
 * @param indicator   the indicator (stored by its stable {@link Indicator#id() id}; runs store road-access ones)
 * @param level       the unit's level (stored by its id: {@code city}, {@code county} …)
 * @param code        the unit's code (the city is {@link Region#CITY_CODE})
 * @param name        the unit's name
 * @param parentCode  the code of the unit it lies in (null for the city)
 * @param group       the villages counted (stored by its id: {@code all}, {@code key_support} …)
 * @param numerator   what meets the measure
 * @param denominator what is counted
 * @param target      the target the run compared it with (a fraction 0..1), or null when there is none
 */
public record IndicatorValue(
        String runId,
        Indicator indicator,
        UnitLevel level,
        String code,
        String name,
        String parentCode,
        UnitGroup group,
        long numerator,
        long denominator,
        Double target) {

    public IndicatorValue {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(group, "group");
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("negative count in " + indicator + " of " + code);
        }
    }

    /**
     * An analysis's value of one unit and group, as the run (or, with a null run, the live computation) keeps it.
     *
     * @param runId  the run, or null for a value computed live
     * @param u      the unit's counts from geo-core
     * @param target the target of the indicator for the plan period, or null
     */
    public static IndicatorValue of(String runId, UnitIndicator u, Double target) {
        return new IndicatorValue(
                runId,
                u.indicator(),
                u.level(),
                u.code(),
                u.name(),
                u.parentCode(),
                u.group(),
                u.numerator(),
                u.denominator(),
                target);
    }

    /**
     * {@code numerator / denominator}, or null when nothing is counted; for a {@link Indicator#count() count}
     * indicator the numerator.
     */
    public Double value() {
        if (indicator.count()) {
            return (double) numerator;
        }
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    /** @return whether the value meets its target (at least it, or at most it for a count); null when either is missing */
    public Boolean meetsTarget() {
        Double v = value();
        if (v == null || target == null) {
            return null;
        }
        return indicator.count() ? v <= target + 1e-12 : v >= target - 1e-12;
    }
}
