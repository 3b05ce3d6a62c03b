package cn.yiyang.planning.layers.analysis;

import cn.yiyang.planning.geo.access.UnitLevel;
import java.util.Objects;

/**
 * One indicator of the plan as the catalogue ({@code indicator_catalogue}, V16) describes it.
 *
 * @param id             the stable id (an analysis indicator's {@link cn.yiyang.planning.geo.access.Indicator#id()},
 *                       or a manual one's)
 * @param nameZh         its Chinese name
 * @param nameEn         its English name
 * @param unit           what its values are measured in
 * @param higherIsBetter whether a higher value is better (a count of problems is lower-is-better)
 * @param binding        约束性 (binding) rather than 预期性 (expected)
 * @param source         the analysis kind that computes it, {@value #LIVE} for the live plan coverage, or
 *                       {@value #MANUAL} for values entered by hand
 * @param entryLevel     for a manual indicator, the level its values are entered at; else null
 * @param owner          for a manual indicator, the theme (a {@link cn.yiyang.planning.layers.catalogue.Theme} name)
 *                       whose department enters it; else null
 * @param minValue       the smallest value or target it may take
 * @param maxValue       the largest
 * @param planRef        where the plan states it (表2-1 8, 专栏10 3), or null
 * @param order          its place in lists
 * @param rollup         how a manual indicator's values add up to coarser units ({@link IndicatorRollup#NONE} for
 *                       the others: their analysis computes every level)
 */
public record CatalogueIndicator(
        String id,
        String nameZh,
        String nameEn,
        IndicatorUnit unit,
        boolean higherIsBetter,
        boolean binding,
        String source,
        UnitLevel entryLevel,
        String owner,
        double minValue,
        double maxValue,
        String planRef,
        int order,
        IndicatorRollup rollup) {

    /** The source of indicators entered by hand. */
    public static final String MANUAL = "manual";
    /** The source of the village-plan coverage, computed live from the plan register. */
    public static final String LIVE = "village-plan";

    public CatalogueIndicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        rollup = rollup == null ? IndicatorRollup.NONE : rollup;
        if (!(minValue <= maxValue)) {
            throw new IllegalArgumentException("range of " + id + ": " + minValue + " > " + maxValue);
        }
    }

    /** @return whether its values are entered by hand */
    public boolean manual() {
        return MANUAL.equals(source);
    }

    /** @return whether a value or target lies in the indicator's range */
    public boolean accepts(double value) {
        return value >= minValue && value <= maxValue;
    }

    /**
     * @return whether the value meets the target (at least it, or at most it when lower is better); null when either
     *     is missing
     */
    public Boolean meets(Double value, Double target) {
        if (value == null || target == null) {
            return null;
        }
        return higherIsBetter ? value >= target - 1e-12 : value <= target + 1e-12;
    }
}
