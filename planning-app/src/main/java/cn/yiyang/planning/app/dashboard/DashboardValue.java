package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.layers.analysis.CatalogueIndicator;

/**
 * One indicator of one unit and group as the dashboard shows it.
 *
 * @param indicator the catalogue's indicator
 * @param code      the unit's code
 * @param name      the unit's name
 * @param value     the value (a fraction for a rate), or null when nothing is counted or entered
 * @param target    the catalogue's target for the plan period and group, or null
 * @param met       whether the value meets the target; null when either is missing
 * @param previous  the value of the previous run (or the previous year's entry), or null
 * @param runId     the run the value comes from, or null (an entry, or live)
 * @param year      the year of an entry, or null
 */
public record DashboardValue(
        CatalogueIndicator indicator,
        String code,
        String name,
        Double value,
        Double target,
        Boolean met,
        Double previous,
        String runId,
        Integer year) {

    /** @return the change since the previous run or year, or null */
    public Double change() {
        return value == null || previous == null ? null : value - previous;
    }
}
