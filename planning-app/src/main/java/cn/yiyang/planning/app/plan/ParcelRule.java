package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.feature.FeatureRule;
import cn.yiyang.planning.app.feature.RuleOutcome;
import cn.yiyang.planning.app.feature.RuleProblem;
import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.geo.plan.Conflict;
import cn.yiyang.planning.geo.plan.ParcelCheck;
import cn.yiyang.planning.geo.plan.ParcelCheckSettings;
import cn.yiyang.planning.geo.plan.ParcelProblem;
import cn.yiyang.planning.geo.plan.PlanParcel;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.plan.ConflictJustification;
import cn.yiyang.planning.layers.plan.ConflictJustificationRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * The checks of a {@code plan_land_use} parcel on every save (create, replace, patch; the API and the map editor
 * alike): geo-core {@link ParcelCheck#runFor} against the plan's other parcels (valid geometry, inside the plan's
 * boundary, no overlap with a parcel of the same plan and state: errors; gaps next to it: warnings), then the plan's
 * 多规合一 conflicts as the save would leave them: the parcel's own as {@code LAND_USE_CONFLICT} warnings, and the
 * plan's count in the answer's {@code conflicts} member.
 */
@Component
class ParcelRule implements FeatureRule {

    /** Problem codes, in the style of the import issue codes. */
    static final String INVALID = "PARCEL_INVALID_GEOMETRY";

    static final String BOUNDARY_INVALID = "PLAN_BOUNDARY_INVALID";
    static final String OUTSIDE = "PARCEL_OUTSIDE_PLAN";
    static final String OVERLAP = "PARCEL_OVERLAP";
    static final String GAP = "PARCEL_GAP";
    static final String CONFLICT = "LAND_USE_CONFLICT";

    /** The id a parcel not yet stored has in the checks. */
    private static final String NEW = "new";

    private static final ParcelCheck CHECK = new ParcelCheck(ParcelCheckSettings.DEFAULTS);

    private final ParcelReader reader;
    private final ConflictService conflicts;
    private final ConflictJustificationRepository justifications;

    ParcelRule(ParcelReader reader, ConflictService conflicts, ConflictJustificationRepository justifications) {
        this.reader = reader;
        this.conflicts = conflicts;
        this.justifications = justifications;
    }

    @Override
    public boolean appliesTo(LayerDef layer) {
        return layer.id().equals(reader.landUse().id());
    }

    @Override
    public RuleOutcome check(FeatureWrite write) {
        Feature proposed = write.feature();
        String planCode = proposed.getString("plan_code");
        Optional<Feature> plan = planCode == null ? Optional.empty() : reader.plan(planCode);
        if (plan.isEmpty() || proposed.geometry() == null) {
            return RuleOutcome.NONE; // the row checks refused an unknown plan or a missing geometry already
        }
        String id = write.id() == null ? NEW : String.valueOf(write.id());
        PlanParcel changed = ParcelReader.parcel(proposed, id);
        List<PlanParcel> others = reader.parcels(planCode).stream()
                .filter(f -> f.geometry() != null && !String.valueOf(f.id()).equals(id))
                .map(ParcelReader::parcel)
                .toList();
        List<RuleProblem> problems = new ArrayList<>();
        Geometry boundary = plan.get().geometry();
        if (boundary != null) {
            CHECK.runFor(boundary, changed, others).forEach(p -> problems.add(problem(p)));
        }
        if (problems.stream().anyMatch(RuleProblem::error)) {
            return new RuleOutcome(problems, Map.of());
        }
        List<PlanParcel> all = new ArrayList<>(others);
        all.add(changed);
        List<Conflict> found = conflicts.check(all);
        found.stream().filter(c -> c.parcelId().equals(id)).forEach(c -> problems.add(conflict(c)));
        Set<String> justified = justifications.forPlan(planCode).stream()
                .map(ConflictJustification::conflictKey)
                .collect(Collectors.toSet());
        long unjustified = found.stream()
                .filter(c -> !justified.contains(
                        PlanConflict.key(c, reader.layer(c.kind().layer()).id())))
                .count();
        return new RuleOutcome(problems, Map.of("conflicts", new ConflictCount(planCode, found.size(), unjustified)));
    }

    private static RuleProblem problem(ParcelProblem p) {
        String m2 = number(p.area().squareMetres());
        Localized state = p.state() == null
                ? null
                : Localized.of(p.state().labelZh(), p.state().labelEn());
        return switch (p.kind()) {
            case INVALID_GEOMETRY ->
                p.parcelIds().isEmpty()
                        ? new RuleProblem(
                                "geometry",
                                BOUNDARY_INVALID,
                                Localized.key("plan.parcel.boundary-invalid"),
                                true,
                                p.location())
                        : new RuleProblem(
                                "geometry",
                                INVALID,
                                Localized.key(
                                        "plan.parcel.invalid", p.geometryError().name()),
                                true,
                                p.location());
            case OUTSIDE_BOUNDARY ->
                new RuleProblem("geometry", OUTSIDE, Localized.key("plan.parcel.outside", m2), true, p.location());
            case OVERLAP ->
                new RuleProblem(
                        "geometry",
                        OVERLAP,
                        Localized.key(
                                "plan.parcel.overlap", m2, state, p.parcelIds().get(1)),
                        true,
                        p.location());
            case GAP ->
                new RuleProblem("geometry", GAP, Localized.key("plan.parcel.gap", m2, state), false, p.location());
        };
    }

    private static RuleProblem conflict(Conflict c) {
        return new RuleProblem(
                "geometry",
                CONFLICT,
                Localized.key(
                        "plan.conflict.warning",
                        Localized.of(c.kind().messageZh(), c.kind().messageEn()),
                        number(c.area().squareMetres()),
                        number(c.area().mu())),
                false,
                c.location());
    }

    /** An area for a message: one decimal, no grouping, the same in both languages. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * The plan's conflicts as a parcel save leaves them, in the write's answer.
     *
     * @param plan the plan's code
     * @param count its conflicts
     * @param unjustified those without an approver's justification (all of a new parcel's)
     */
    record ConflictCount(String plan, long count, long unjustified) {}
}
