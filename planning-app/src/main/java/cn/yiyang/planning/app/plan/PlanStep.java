package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.security.Action;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The steps of a village plan's approval workflow, each from one stage ({@code plan_status}) to the next, and
 * whether the approving authority takes it (退回修改, 批复, 入库) or the planners (启动, 提交审查). Which steps a
 * plan may take and who may take them is {@link PlanWorkflow}'s to decide.
 */
public enum PlanStep {
    /** 启动: the planners start compiling the plan. */
    START("not_started", "compiling", false),
    /** 提交审查: the planners submit the compiled plan for review. */
    SUBMIT("compiling", "reviewing", false),
    /** 退回修改: the approver returns a plan under review for revision (a reason is required). */
    RETURN("reviewing", "compiling", true),
    /** 批复: the approver approves the plan (document number, date and authority; every gate must let it). */
    APPROVE("reviewing", "approved", true),
    /** 入库: the approver enters the approved plan in the one map (国土空间规划"一张图"). */
    ENTER("approved", "entered", true);

    private final String from;
    private final String to;
    private final boolean review;

    PlanStep(String from, String to, boolean review) {
        this.from = from;
        this.to = to;
        this.review = review;
    }

    /** The step's id on the wire: {@code start}, {@code submit}, {@code return}, {@code approve}, {@code enter}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step with this id (case ignored). */
    public static Optional<PlanStep> byId(String id) {
        return id == null
                ? Optional.empty()
                : Arrays.stream(values())
                        .filter(s -> s.id().equalsIgnoreCase(id.strip()))
                        .findFirst();
    }

    /** The stage ({@code plan_status} code) the step starts from. */
    public String from() {
        return from;
    }

    /** The stage the step leads to. */
    public String to() {
        return to;
    }

    /** The step's title in the reader's language (启动, 提交审查 …). */
    public Localized title() {
        return Localized.key("plan.step." + id());
    }

    /** Taking the step, as {@link cn.yiyang.planning.app.security.Permissions} decides who may. */
    public Action action() {
        return Action.planStep(review, title(), id());
    }
}
