package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rule of a village plan's approval workflow, as functions over values: 未启动 → 编制中 → 待审查 → 已批复 →
 * 已入库, with 退回修改 from 待审查 back to 编制中. Who may take a step is {@link Permissions}' (PLANNER and ADMIN
 * start and submit; APPROVER and ADMIN return, approve and enter; LEADER none). A return needs a reason; an
 * approval needs the document's number, date (not in the future) and authority, and no blocker from any
 * {@link ApprovalGate}.
 *
 * <p>An approved plan is in force and is not returned: 退回修改 is the approver's answer to a plan under review.
 * Revising a plan in force (修编) starts a new plan, so that the approved one stays on record as approved.
 */
public final class PlanWorkflow {

    private PlanWorkflow() {}

    /** The steps that lead out of this stage, whoever takes them. */
    public static List<PlanStep> stepsFrom(String status) {
        return Arrays.stream(PlanStep.values())
                .filter(s -> s.from().equals(status))
                .toList();
    }

    /**
     * The steps that bring a new plan to this stage without a return (启动, 提交审查, 批复, 入库 as far as needed): for
     * the demo city's timelines.
     */
    public static List<PlanStep> pathTo(String status) {
        List<PlanStep> path = new ArrayList<>();
        String at = "not_started";
        while (!at.equals(status)) {
            String from = at;
            PlanStep next = Arrays.stream(PlanStep.values())
                    .filter(s -> s != PlanStep.RETURN && s.from().equals(from))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a plan stage: " + status));
            path.add(next);
            at = next.to();
        }
        return path;
    }

    /** The steps out of this stage the user may take (for a page deciding which buttons it shows). */
    public static List<PlanStep> allowed(AppUser user, String status) {
        return stepsFrom(status).stream()
                .filter(s -> Permissions.allows(user, s.action()))
                .toList();
    }

    /**
     * Checks that the user may take the step now, in this order: the user's roles (403 {@code forbidden}), the
     * plan's stage (409 {@code plan_step_not_allowed}), what the step needs to be given (422
     * {@code reason_required}, {@code approval_details_required}), and for an approval the gates (409
     * {@code plan_blocked}), asked last since they may cost a query.
     *
     * @param planCode the plan, for the messages
     * @param status   the plan's stage now
     * @param today    today in China time (an approval date may not be later)
     * @param blockers the gates' blockers, asked only for an approval that passed every other check
     */
    public static void check(
            AppUser user,
            String planCode,
            String status,
            PlanStep step,
            StepInput input,
            LocalDate today,
            Supplier<List<Localized>> blockers) {
        Permissions.check(user, step.action());
        if (!step.from().equals(status)) {
            throw new PlanStepNotAllowedException(planCode, step, status);
        }
        if (step == PlanStep.RETURN && input.reason() == null) {
            throw new ReasonRequiredException(step);
        }
        if (step == PlanStep.APPROVE) {
            List<String> missing = new ArrayList<>();
            if (input.documentNumber() == null) {
                missing.add("documentNumber");
            }
            if (input.approvedOn() == null || input.approvedOn().isAfter(today)) {
                missing.add("approvedOn");
            }
            if (input.approvingAuthority() == null) {
                missing.add("approvingAuthority");
            }
            if (!missing.isEmpty()) {
                throw new ApprovalDetailsRequiredException(missing);
            }
            List<Localized> found = blockers.get();
            if (!found.isEmpty()) {
                throw new PlanBlockedException(planCode, found);
            }
        }
    }
}
