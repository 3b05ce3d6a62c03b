package cn.yiyang.planning.layers.plan;

import java.util.List;

/** The justifications of plans' conflicts ({@code plan_conflict_justification}); each call is its own transaction. */
public interface ConflictJustificationRepository {

    /**
     * Stores the justification of a conflict, replacing the one it had (an approver may reword it).
     *
     * @return the justification as stored, with its time
     */
    ConflictJustification save(ConflictJustification justification);

    /** The justifications of a plan, by conflict key. */
    List<ConflictJustification> forPlan(String planCode);
}
