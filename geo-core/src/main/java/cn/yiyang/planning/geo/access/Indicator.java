package cn.yiyang.planning.geo.access;

/**
 * An indicator reported by administrative unit and group: a share {@code numerator / denominator}, or, for a
 * {@link #count()} indicator, the numerator alone. Implemented by one enum per family ({@link AccessIndicator} for
 * road access, computed by a run; {@link cn.yiyang.planning.geo.plan.PlanIndicator} for plan coverage, computed live;
 * {@link cn.yiyang.planning.geo.facility.FacilityIndicator} for facility coverage, computed by runs). Ids are unique
 * across families ({@link Indicators}) and stable: the REST API, stored runs, targets and dashboards use them.
 */
public interface Indicator {

    /** @return the stable id, snake case */
    String id();

    /**
     * @return whether the indicator is a count of problems (e.g. works overdue for a water-quality test): its value is
     *     the numerator, the denominator says of how many, lower is better, and its target is a count
     */
    default boolean count() {
        return false;
    }
}
