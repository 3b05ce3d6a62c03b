package cn.yiyang.planning.layers.analysis;

import cn.yiyang.planning.geo.access.UnitLevel;
import java.time.Instant;
import java.util.Objects;

/**
 * A value of a manual indicator ({@code indicator_entry}): one unit and year, with who entered it and when.
 *
 * @param indicator the indicator's id
 * @param year      the year it is for
 * @param level     the unit's level
 * @param code      the unit's code
 * @param value     the value, in the indicator's unit (a fraction for a rate)
 * @param note      a remark, or null
 * @param enteredBy who entered it
 * @param enteredAt when; null on save means now
 */
public record IndicatorEntry(
        String indicator,
        int year,
        UnitLevel level,
        String code,
        double value,
        String note,
        String enteredBy,
        Instant enteredAt) {

    public IndicatorEntry {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(enteredBy, "enteredBy");
    }
}
