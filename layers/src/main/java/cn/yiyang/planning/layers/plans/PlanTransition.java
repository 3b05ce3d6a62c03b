package cn.yiyang.planning.layers.plans;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One step of a plan's approval workflow as recorded: who took it, when, the status before and after, why, and
 * for an approval the document's number, date and authority.
 *
 * @param id                 the record's id, or null before it is stored
 * @param planCode           the plan ({@code village_plan.code})
 * @param step               the step's id ({@code start}, {@code submit}, {@code return}, {@code approve},
 *                           {@code enter})
 * @param fromStatus         the plan's status before ({@code plan_status} code)
 * @param toStatus           the plan's status after
 * @param reason             why (required for a return), or null
 * @param documentNumber     the approval document's number (批复文号), for an approval; else null
 * @param approvedOn         the approval date, for an approval; else null
 * @param approvingAuthority the approving authority (批复机关), for an approval; else null
 * @param user               who took the step
 * @param at                 when; null before it is stored for now (the store's clock)
 */
public record PlanTransition(
        Long id,
        String planCode,
        String step,
        String fromStatus,
        String toStatus,
        String reason,
        String documentNumber,
        LocalDate approvedOn,
        String approvingAuthority,
        String user,
        OffsetDateTime at) {

    public PlanTransition {
        Objects.requireNonNull(planCode, "planCode");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(fromStatus, "fromStatus");
        Objects.requireNonNull(toStatus, "toStatus");
        Objects.requireNonNull(user, "user");
    }
}
