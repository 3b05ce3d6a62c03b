package cn.yiyang.planning.app.plan;

import java.util.List;

/**
 * A page of the register.
 *
 * @param total  how many plans the filter lets through
 * @param offset the first plan's position among them
 * @param plans  the page
 */
public record PlanPage(int total, int offset, List<PlanSummary> plans) {

    public PlanPage {
        plans = List.copyOf(plans);
    }
}
