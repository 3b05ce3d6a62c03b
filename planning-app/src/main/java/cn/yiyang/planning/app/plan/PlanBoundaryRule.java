package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.feature.FeatureRule;
import cn.yiyang.planning.app.feature.RuleOutcome;
import cn.yiyang.planning.app.feature.RuleProblem;
import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.geo.plan.ParcelCheck;
import cn.yiyang.planning.geo.plan.ParcelCheckSettings;
import cn.yiyang.planning.geo.plan.PlanParcel;
import cn.yiyang.planning.geo.plan.ProblemKind;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A change of a village plan's boundary (a {@code village_plan} save with a geometry) against the plan's parcels:
 * each parcel the new boundary leaves partly outside is a {@code PLAN_PARCEL_OUTSIDE} warning at the part outside,
 * with the parcel and the area. A warning, not a refusal: planners often redraw the boundary first and the parcels
 * after; each such parcel is refused on its own next save ({@code PARCEL_OUTSIDE_PLAN}) until it fits. "Outside"
 * is geo-core {@link ParcelCheck}'s (more than its area tolerance), the same as a parcel's own check.
 */
@Component
class PlanBoundaryRule implements FeatureRule {

    static final String PARCEL_OUTSIDE = "PLAN_PARCEL_OUTSIDE";

    private static final ParcelCheck CHECK = new ParcelCheck(ParcelCheckSettings.DEFAULTS);

    private final ParcelReader reader;

    PlanBoundaryRule(ParcelReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean appliesTo(LayerDef layer) {
        return layer.id().equals(LayerIds.VILLAGE_PLAN);
    }

    @Override
    public RuleOutcome check(FeatureWrite write) {
        Feature plan = write.feature();
        String code = plan.getString("code");
        if (code == null || plan.geometry() == null) {
            return RuleOutcome.NONE;
        }
        List<PlanParcel> parcels = reader.parcels(code).stream()
                .filter(f -> f.geometry() != null)
                .map(ParcelReader::parcel)
                .toList();
        if (parcels.isEmpty()) {
            return RuleOutcome.NONE;
        }
        List<RuleProblem> outside = CHECK.run(plan.geometry(), parcels).stream()
                .filter(p -> p.kind() == ProblemKind.OUTSIDE_BOUNDARY)
                .map(p -> new RuleProblem(
                        "geometry",
                        PARCEL_OUTSIDE,
                        Localized.key(
                                "plan.boundary.parcel-outside",
                                String.join(", ", p.parcelIds()),
                                ParcelRule.number(p.area().squareMetres())),
                        false,
                        p.location()))
                .toList();
        return outside.isEmpty() ? RuleOutcome.NONE : new RuleOutcome(outside, Map.of());
    }
}
