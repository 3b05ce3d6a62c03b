package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.i18n.Localized;
import java.util.List;

/**
 * One condition a village plan must meet before it may move to 已批复 (approved), e.g. every 多规合一 conflict
 * resolved or justified by the approver. The workflow asks every gate (all Spring beans of this type) when a plan
 * is approved and refuses the step with their reasons; each gate lives with the feature whose rule it is.
 */
@FunctionalInterface
public interface ApprovalGate {

    /**
     * @param planCode the plan's code ({@code village_plan.code})
     * @return why the plan may not be approved yet, each in the reader's language; empty when this gate lets it
     */
    List<Localized> blockers(String planCode);
}
