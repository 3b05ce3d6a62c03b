package cn.yiyang.planning.geo.access;

/**
 * An indicator reported by administrative unit and group: a share {@code numerator / denominator}. Implemented by
 * one enum per family ({@link AccessIndicator} for road access, computed by a run;
 * {@link cn.yiyang.planning.geo.plan.PlanIndicator} for plan coverage, computed live). Ids are unique across
 * families and stable: the REST API, stored runs, targets and dashboards use them.
 */
public interface Indicator {

    /** @return the stable id, snake case */
    String id();
}
