package cn.yiyang.planning.geo.access;

/**
 * One indicator of one administrative unit and group.
 *
 * @param indicator the indicator
 * @param level the unit's level
 * @param code the unit's code
 * @param name the unit's name
 * @param parentCode the code of the unit it belongs to, null for the city
 * @param group the villages counted
 * @param numerator the count (households, villages, townships or people) that meets the measure
 * @param denominator the count it is a share of
 */
public record UnitIndicator(
        Indicator indicator,
        UnitLevel level,
        String code,
        String name,
        String parentCode,
        UnitGroup group,
        long numerator,
        long denominator) {

    /** @return numerator / denominator, or null when the denominator is 0 */
    public Double value() {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
