package cn.yiyang.planning.app.plan;

/**
 * Which plans the register lists; null parts do not filter.
 *
 * @param countyCode   plans in this county (6 digits)
 * @param townshipCode plans in this township (9 digits)
 * @param status       plans at this stage ({@code plan_status} code)
 * @param overdue      overdue plans only (true), plans not overdue only (false)
 */
public record PlanFilter(String countyCode, String townshipCode, String status, Boolean overdue) {

    /** Every plan. */
    public static PlanFilter all() {
        return new PlanFilter(null, null, null, null);
    }

    boolean test(PlanSummary s) {
        Plan p = s.plan();
        return (countyCode == null || countyCode.equals(p.countyCode()))
                && (townshipCode == null || townshipCode.equals(p.townshipCode()))
                && (status == null || status.equals(p.status()))
                && (overdue == null || overdue == s.overdue());
    }
}
