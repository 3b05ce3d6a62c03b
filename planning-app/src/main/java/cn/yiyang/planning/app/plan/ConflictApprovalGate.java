package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.i18n.Localized;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A plan may not be approved while it has 多规合一 conflicts that the approver has not justified: "N 处冲突未说明理由".
 * Conflicts are computed from the current data, so a conflict resolved by moving a parcel no longer blocks.
 */
@Component
class ConflictApprovalGate implements ApprovalGate {

    private final ConflictService conflicts;

    ConflictApprovalGate(ConflictService conflicts) {
        this.conflicts = conflicts;
    }

    @Override
    public List<Localized> blockers(String planCode) {
        long open = conflicts.conflicts(planCode).stream()
                .filter(c -> !c.justified())
                .count();
        return open == 0 ? List.of() : List.of(Localized.key("plan.conflict.unjustified", open));
    }
}
