package cn.yiyang.planning.layers.plan;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An approver's justification of one 多规合一 conflict of a plan: why the plan may be approved although its
 * planned construction meets the 三区三线 there. It stays with the plan, named by the conflict's key.
 *
 * @param planCode the plan's code ({@code village_plan.code})
 * @param conflictKey the conflict's stable key (parcel, constraint layer and constraint feature)
 * @param text the justification
 * @param justifiedBy the user who gave it
 * @param justifiedAt when it was stored; null for one not yet stored
 */
public record ConflictJustification(
        String planCode, String conflictKey, String text, String justifiedBy, OffsetDateTime justifiedAt) {

    /** Checks that nothing is missing and strips the text. */
    public ConflictJustification {
        Objects.requireNonNull(planCode, "planCode");
        Objects.requireNonNull(conflictKey, "conflictKey");
        Objects.requireNonNull(justifiedBy, "justifiedBy");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a justification needs a text");
        }
        text = text.strip();
    }

    /** A justification not yet stored. */
    public static ConflictJustification of(String planCode, String conflictKey, String text, String justifiedBy) {
        return new ConflictJustification(planCode, conflictKey, text, justifiedBy, null);
    }
}
