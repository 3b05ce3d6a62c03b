package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When a village plan is overdue: it is not in force ({@link CodeTrait#IN_FORCE}: 已批复, 已入库) and its deadline
 * (its own {@code due_on}, or when it has none the setting {@code planning.plans.default-due}, by default the
 * source plan's "all plans compiled and approved by end-2023": 2023-12-31) is before today in China time.
 *
 * @param defaultDue the deadline of a plan without a {@code due_on} of its own
 */
public record Overdue(LocalDate defaultDue) {

    public Overdue {
        Objects.requireNonNull(defaultDue, "defaultDue");
    }

    /** The plan's deadline: its own due date, or the default. */
    public LocalDate deadline(LocalDate dueOn) {
        return dueOn == null ? defaultDue : dueOn;
    }

    /**
     * @param status a {@code plan_status} code
     * @param dueOn  the plan's own due date, or null
     * @param today  today in China time
     */
    public boolean overdue(String status, LocalDate dueOn, LocalDate today) {
        return !CodeLists.PLAN_STATUS.has(status, CodeTrait.IN_FORCE)
                && deadline(dueOn).isBefore(today);
    }
}
