package cn.yiyang.planning.layers.analysis;

import java.time.Instant;

/**
 * One recorded change of a target or a manual entry ({@code indicator_change}).
 *
 * @param kind      {@code target} or {@code entry}
 * @param indicator the indicator's id
 * @param keyA      the plan period of a target, the year of an entry
 * @param keyB      the group of a target, the unit code of an entry
 * @param oldValue  the value before, or null (new, or a target in words)
 * @param newValue  the value after, or null (a target in words)
 * @param note      the target's note or the entry's remark, or null
 * @param changedBy who changed it
 * @param changedAt when
 */
public record IndicatorChange(
        String kind,
        String indicator,
        String keyA,
        String keyB,
        Double oldValue,
        Double newValue,
        String note,
        String changedBy,
        Instant changedAt) {

    /** The kind of a change of a target. */
    public static final String TARGET = "target";
    /** The kind of a change of a manual entry. */
    public static final String ENTRY = "entry";
}
