package cn.yiyang.planning.app.demo;

import cn.yiyang.planning.app.plan.PlanStep;
import cn.yiyang.planning.app.plan.PlanWorkflow;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.plans.PlanTransition;
import cn.yiyang.planning.layers.plans.PlanTransitionRepository;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * The timelines of the demo city's plans (the demo data module writes layers only): each plan gets the steps that
 * brought it to its stage ({@link PlanWorkflow#pathTo}), taken by the demo accounts {@code planner} and
 * {@code approver}; an approval on the plan's approval date with its document number, the earlier steps months
 * before; a plan without one started on a date its code decides (the same city gives the same timelines).
 */
final class DemoPlanTimelines {

    private DemoPlanTimelines() {}

    /** @return how many steps were recorded */
    static int record(FeatureRepository features, LayerCatalogue catalogue, PlanTransitionRepository transitions) {
        int[] n = {0};
        features.forEach(catalogue.get(LayerIds.VILLAGE_PLAN), f -> {
            String code = f.getString("code");
            String status = f.getString("status");
            if (code == null || status == null) {
                return;
            }
            LocalDate approvedOn = f.get("approved_on") instanceof LocalDate d ? d : null;
            LocalDate start = approvedOn != null
                    ? approvedOn.minusDays(240)
                    : LocalDate.of(2024, 1, 8).plusDays(Math.floorMod(code.hashCode(), 420));
            for (PlanStep step : PlanWorkflow.pathTo(status)) {
                LocalDate day = switch (step) {
                    case START -> start;
                    case SUBMIT -> approvedOn != null ? approvedOn.minusDays(45) : start.plusDays(150);
                    case APPROVE -> approvedOn != null ? approvedOn : start.plusDays(200);
                    default -> (approvedOn != null ? approvedOn : start.plusDays(200)).plusDays(20);
                };
                boolean approval = step == PlanStep.APPROVE;
                transitions.add(new PlanTransition(
                        null,
                        code,
                        step.id(),
                        step.from(),
                        step.to(),
                        null,
                        approval ? f.getString("document_number") : null,
                        approval ? approvedOn : null,
                        approval ? f.getString("approving_authority") : null,
                        step == PlanStep.START || step == PlanStep.SUBMIT ? "planner" : "approver",
                        OffsetDateTime.of(
                                day,
                                LocalTime.of(10, 0),
                                Region.TIME_ZONE.getRules().getOffset(day.atTime(10, 0)))));
                n[0]++;
            }
        });
        return n[0];
    }
}
