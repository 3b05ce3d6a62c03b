package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.feature.FeatureRule;
import cn.yiyang.planning.app.feature.RuleOutcome;
import cn.yiyang.planning.app.feature.RuleProblem;
import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * A village plan's stage and approval ({@code status}, {@code document_number}, {@code approved_on},
 * {@code approving_authority}) change only by the steps of its workflow ({@link PlanWorkflow}: who may take each is
 * {@link cn.yiyang.planning.app.security.Permissions}'s to decide, 批复 and 入库 the approver's, behind the approval
 * gates). A single-feature save of a plan (the feature API, the map editor) that changes them is refused
 * ({@code PLAN_STATUS_BY_WORKFLOW}): else a planner, who owns the planning theme's data, could approve a plan by
 * writing its status. A new plan starts 未启动 or 编制中 with no approval, as {@code POST /api/v1/plans} does.
 * Imports of a plan register (plans approved before this system) are not single-feature saves and are not asked.
 */
@Component
class PlanStatusRule implements FeatureRule {

    static final String CODE = "PLAN_STATUS_BY_WORKFLOW";

    /** The fields the workflow's steps write. */
    static final List<String> FIELDS = List.of("status", "document_number", "approved_on", "approving_authority");

    private final FeatureRepository features;

    PlanStatusRule(FeatureRepository features) {
        this.features = features;
    }

    @Override
    public boolean appliesTo(LayerDef layer) {
        return layer.id().equals(LayerIds.VILLAGE_PLAN);
    }

    @Override
    public RuleOutcome check(FeatureWrite write) {
        Map<String, Object> now = write.id() == null
                ? Map.of("status", "not_started")
                : features.findById(write.layer(), write.id())
                        .map(Feature::attributes)
                        .orElse(Map.of());
        List<RuleProblem> problems = new ArrayList<>();
        for (String field : FIELDS) {
            Object before = now.get(field);
            Object after = write.feature().attributes().get(field);
            boolean startsCompiling = write.id() == null
                    && field.equals("status")
                    && (after == null || PlanStep.START.to().equals(after));
            if (!startsCompiling && !Objects.equals(text(before), text(after))) {
                problems.add(
                        new RuleProblem(field, CODE, Localized.key("plan.status.workflow-only", field), true, null));
            }
        }
        return problems.isEmpty() ? RuleOutcome.NONE : new RuleOutcome(problems, Map.of());
    }

    /** A stored and a written value compare as text (a date as yyyy-MM-dd); blank is none. */
    private static String text(Object v) {
        String s = v == null ? null : v.toString().strip();
        return s == null || s.isEmpty() ? null : s;
    }
}
