package cn.yiyang.planning.app.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.ForbiddenException;
import cn.yiyang.planning.app.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The workflow rule: every step × every role × every stage, and what 退回修改 and 批复 need. */
class PlanWorkflowTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final List<String> STAGES = List.of("not_started", "compiling", "reviewing", "approved", "entered");
    private static final StepInput APPROVAL = new StepInput(null, "益赫政函〔2025〕3号", TODAY, "赫山区人民政府");
    private static final Supplier<List<Localized>> NO_BLOCKERS = List::of;

    /** Which role may take which step (y), independent of the stage. */
    private static final String ROLES = """
            #          start submit return approve enter
            ADMIN      y     y      y      y       y
            PLANNER    y     y      -      -       -
            APPROVER   -     -      y      y       y
            TRANSPORT  -     -      -      -       -
            WATER      -     -      -      -       -
            SEWAGE     -     -      -      -       -
            LOGISTICS  -     -      -      -       -
            LEADER     -     -      -      -       -
            VIEWER     -     -      -      -       -
            """;

    /** The stage each step leads out of, and where it leads. */
    private static final Map<PlanStep, List<String>> FROM_TO = Map.of(
            PlanStep.START, List.of("not_started", "compiling"),
            PlanStep.SUBMIT, List.of("compiling", "reviewing"),
            PlanStep.RETURN, List.of("reviewing", "compiling"),
            PlanStep.APPROVE, List.of("reviewing", "approved"),
            PlanStep.ENTER, List.of("approved", "entered"));

    @Test
    void everyStepByEveryRoleFromEveryStageIsTakenOrRefusedWithItsCode() {
        List<String> rows =
                ROLES.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(rows).hasSize(Role.values().length);
        int taken = 0;
        for (String row : rows) {
            String[] cells = row.trim().split("\\s+");
            AppUser user = user(Role.valueOf(cells[0]));
            for (PlanStep step : PlanStep.values()) {
                boolean roleMay = cells[1 + step.ordinal()].equals("y");
                for (String stage : STAGES) {
                    StepInput input = step == PlanStep.APPROVE ? APPROVAL : StepInput.because("补充村庄安全和防灾减灾内容");
                    String label = user.name() + " " + step.id() + " from " + stage;
                    if (!roleMay) {
                        assertThatThrownBy(() -> check(user, stage, step, input, NO_BLOCKERS))
                                .as(label)
                                .isInstanceOf(ForbiddenException.class);
                    } else if (!FROM_TO.get(step).getFirst().equals(stage)) {
                        assertThatThrownBy(() -> check(user, stage, step, input, NO_BLOCKERS))
                                .as(label)
                                .isInstanceOf(PlanStepNotAllowedException.class)
                                .hasFieldOrPropertyWithValue("code", "plan_step_not_allowed");
                    } else {
                        check(user, stage, step, input, NO_BLOCKERS);
                        assertThat(step.to())
                                .as(label)
                                .isEqualTo(FROM_TO.get(step).get(1));
                        taken++;
                    }
                }
            }
        }
        assertThat(taken).as("ADMIN 5 steps, PLANNER 2, APPROVER 3").isEqualTo(10);
    }

    @Test
    void theButtonsOfAStageAreTheStepsTheUserMayTakeFromIt() {
        assertThat(PlanWorkflow.allowed(user(Role.PLANNER), "not_started")).containsExactly(PlanStep.START);
        assertThat(PlanWorkflow.allowed(user(Role.PLANNER), "reviewing")).isEmpty();
        assertThat(PlanWorkflow.allowed(user(Role.APPROVER), "reviewing"))
                .containsExactly(PlanStep.RETURN, PlanStep.APPROVE);
        assertThat(PlanWorkflow.allowed(user(Role.ADMIN), "approved")).containsExactly(PlanStep.ENTER);
        assertThat(PlanWorkflow.allowed(user(Role.LEADER), "compiling")).isEmpty();
        assertThat(PlanWorkflow.stepsFrom("entered")).as("the last stage").isEmpty();
        assertThat(PlanWorkflow.stepsFrom("approved"))
                .as("an approved plan is not returned")
                .containsExactly(PlanStep.ENTER);
    }

    @Test
    void aReturnNeedsAReason() {
        AppUser approver = user(Role.APPROVER);
        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(
                            () -> check(approver, "reviewing", PlanStep.RETURN, StepInput.because(blank), NO_BLOCKERS))
                    .isInstanceOf(ReasonRequiredException.class)
                    .hasFieldOrPropertyWithValue("code", "reason_required");
        }
        check(approver, "reviewing", PlanStep.RETURN, StepInput.because("用地布局与三区三线冲突"), NO_BLOCKERS);
    }

    @Test
    void anApprovalNeedsItsDocumentNumberDateAndAuthorityAndADateNotInTheFuture() {
        AppUser approver = user(Role.APPROVER);
        ApprovalDetailsRequiredException none = (ApprovalDetailsRequiredException)
                catchProblem(() -> check(approver, "reviewing", PlanStep.APPROVE, StepInput.none(), NO_BLOCKERS));
        assertThat(none.properties().get("fields"))
                .isEqualTo(List.of("documentNumber", "approvedOn", "approvingAuthority"));
        assertThat(none.message(new Messages(), Messages.ZH)).contains("批复文号", "批复日期", "批复机关");
        ApprovalDetailsRequiredException future = (ApprovalDetailsRequiredException) catchProblem(() -> check(
                approver,
                "reviewing",
                PlanStep.APPROVE,
                new StepInput(null, "益赫政函〔2025〕3号", TODAY.plusDays(1), "赫山区人民政府"),
                NO_BLOCKERS));
        assertThat(future.properties().get("fields")).isEqualTo(List.of("approvedOn"));
    }

    @Test
    void anApprovalIsBlockedByTheGatesWhichAreAskedOnlyWhenEverythingElseHolds() {
        AppUser approver = user(Role.APPROVER);
        AtomicInteger asked = new AtomicInteger();
        Supplier<List<Localized>> blockers = () -> {
            asked.incrementAndGet();
            return List.of(Localized.of("规划建设用地与永久基本农田冲突 2 处", "2 conflicts with basic farmland"));
        };
        catchProblem(() -> check(user(Role.PLANNER), "reviewing", PlanStep.APPROVE, APPROVAL, blockers));
        catchProblem(() -> check(approver, "compiling", PlanStep.APPROVE, APPROVAL, blockers));
        catchProblem(() -> check(approver, "reviewing", PlanStep.APPROVE, StepInput.none(), blockers));
        assertThat(asked).hasValue(0);
        PlanBlockedException blocked = (PlanBlockedException)
                catchProblem(() -> check(approver, "reviewing", PlanStep.APPROVE, APPROVAL, blockers));
        assertThat(asked).hasValue(1);
        assertThat(blocked.code()).isEqualTo("plan_blocked");
        assertThat(blocked.httpStatus().value()).isEqualTo(409);
        assertThat(blocked.blockers()).hasSize(1);
        assertThat(blocked.message(new Messages(), Messages.EN)).contains("1 problem");
        check(approver, "reviewing", PlanStep.RETURN, StepInput.because("冲突未解决"), blockers);
        assertThat(asked).as("a return does not ask the gates").hasValue(1);
    }

    @Test
    void overdueIsNotInForceAndPastTheOwnOrDefaultDeadline() {
        Overdue rule = new Overdue(LocalDate.of(2023, 12, 31));
        LocalDate today = LocalDate.of(2024, 1, 1);
        List<String> overdue = new ArrayList<>();
        for (String stage : STAGES) {
            if (rule.overdue(stage, null, today)) {
                overdue.add(stage);
            }
        }
        assertThat(overdue).containsExactly("not_started", "compiling", "reviewing");
        assertThat(rule.overdue("compiling", null, LocalDate.of(2023, 12, 31)))
                .as("due today is not overdue yet")
                .isFalse();
        assertThat(rule.overdue("compiling", LocalDate.of(2024, 6, 30), today))
                .as("a plan's own later date counts")
                .isFalse();
        assertThat(rule.overdue("reviewing", LocalDate.of(2023, 6, 30), LocalDate.of(2023, 7, 1)))
                .isTrue();
        assertThat(rule.deadline(null)).isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void thePathToAStageIsItsForwardSteps() {
        assertThat(PlanWorkflow.pathTo("not_started")).isEmpty();
        assertThat(PlanWorkflow.pathTo("reviewing")).containsExactly(PlanStep.START, PlanStep.SUBMIT);
        assertThat(PlanWorkflow.pathTo("entered"))
                .containsExactly(PlanStep.START, PlanStep.SUBMIT, PlanStep.APPROVE, PlanStep.ENTER);
        assertThatThrownBy(() -> PlanWorkflow.pathTo("revising")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStepsReadInBothLanguages() {
        assertThat(PlanStep.RETURN.title().in(Messages.ZH)).isEqualTo("退回修改");
        assertThat(PlanStep.APPROVE.title().in(Locale.ENGLISH)).isEqualTo("Approve");
        assertThat(PlanStep.byId("APPROVE")).contains(PlanStep.APPROVE);
        assertThat(PlanStep.byId("revise")).isEmpty();
    }

    private static void check(
            AppUser user, String stage, PlanStep step, StepInput input, Supplier<List<Localized>> blockers) {
        PlanWorkflow.check(user, "CZGH430903101201", stage, step, input, TODAY, blockers);
    }

    private static RuntimeException catchProblem(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    private static AppUser user(Role role) {
        return new AppUser(role.name().toLowerCase(Locale.ROOT), EnumSet.of(role));
    }
}
