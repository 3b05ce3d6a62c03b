package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.FeatureWriteRepository;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import cn.yiyang.planning.layers.feature.WriteResult;
import cn.yiyang.planning.layers.plans.PlanTransition;
import cn.yiyang.planning.layers.plans.PlanTransitionRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The register of village plans over the {@code village_plan} layer: lists with filters and pages, one plan with
 * its villages and timeline, new plans, and the steps of the approval workflow ({@link PlanWorkflow}). A plan's
 * attributes are written through the versioned feature write path ({@link FeatureWriteRepository}: its history
 * and version, open maps redraw via {@link LayerVersions}); each step is also recorded in the plan's timeline
 * ({@code plan_transition}), after the plan's write, which names the version the step was decided on: of two
 * users taking a step at once, the second gets {@link PlanChangedException} and nothing is recorded for it.
 */
public class PlanService {

    /** A plan's code: letters, digits, {@code -} and {@code _}. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final LayerCatalogue catalogue;
    private final FeatureRepository features;
    private final FeatureWriteRepository writes;
    private final LayerVersions versions;
    private final PlaceService places;
    private final PlanTransitionRepository transitions;
    private final Supplier<List<ApprovalGate>> gates;
    private final Overdue overdue;
    private final Clock clock;
    private final AuditLog audit;

    /**
     * @param gates   the gates an approval must pass (all {@link ApprovalGate} beans), asked at each approval
     * @param overdue the overdue rule with its default deadline
     * @param clock   the clock, in China time
     */
    public PlanService(
            LayerCatalogue catalogue,
            FeatureRepository features,
            FeatureWriteRepository writes,
            LayerVersions versions,
            PlaceService places,
            PlanTransitionRepository transitions,
            AuditLog audit,
            Supplier<List<ApprovalGate>> gates,
            Overdue overdue,
            Clock clock) {
        this.catalogue = catalogue;
        this.features = features;
        this.writes = writes;
        this.versions = versions;
        this.places = places;
        this.transitions = transitions;
        this.gates = gates;
        this.overdue = overdue;
        this.clock = clock;
        this.audit = audit;
    }

    /** Today in China time. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Region.TIME_ZONE));
    }

    /** The overdue rule with its default deadline. */
    public Overdue overdueRule() {
        return overdue;
    }

    /** The plans layer. */
    LayerDef layer() {
        return catalogue.get(LayerIds.VILLAGE_PLAN);
    }

    /**
     * A page of the plans the filter lets through, by code.
     *
     * @param offset plans to skip
     * @param limit  plans to return at most
     */
    public PlanPage list(AppUser user, PlanFilter filter, int offset, int limit) {
        Permissions.check(user, Action.read(layer()));
        LocalDate today = today();
        List<PlanSummary> all = new ArrayList<>();
        features.forEach(layer(), f -> {
            PlanSummary s = summary(Plan.of(f), today);
            if (filter.test(s)) {
                all.add(s);
            }
        });
        all.sort(Comparator.comparing(s -> s.plan().code()));
        int from = Math.min(Math.max(0, offset), all.size());
        int to = (int) Math.min(all.size(), (long) from + Math.max(1, limit));
        return new PlanPage(all.size(), from, List.copyOf(all.subList(from, to)));
    }

    /**
     * The plan with this code, with its version.
     *
     * @throws UnknownPlanException when there is none
     */
    public PlanSummary get(AppUser user, String code) {
        Permissions.check(user, Action.read(layer()));
        return summary(Plan.of(stored(code)), today());
    }

    /** The plan's workflow steps, oldest first. */
    public List<PlanTransition> timeline(AppUser user, String code) {
        Permissions.check(user, Action.read(layer()));
        stored(code);
        return transitions.of(code);
    }

    /** The steps the user may take on the plan now (for a page's buttons). */
    public List<PlanStep> allowedSteps(AppUser user, Plan plan) {
        return PlanWorkflow.allowed(user, plan.status());
    }

    /** The blockers every {@link ApprovalGate} gives for the plan now (empty: it may be approved). */
    public List<Localized> blockers(String code) {
        return gates.get().stream().flatMap(g -> g.blockers(code).stream()).toList();
    }

    /**
     * Adds a plan: its boundary is the union of its villages' polygons (editable on the map later); at stage
     * 未启动, or 编制中 with a 启动 step by its creator.
     *
     * @throws PlanExistsException  when another plan has its code
     * @throws InvalidPlanException when it has no name, no villages, a village the village layer does not have or
     *                              that another plan covers, a code that is not letters and digits, or another stage
     */
    public PlanSummary create(AppUser user, NewPlan plan) {
        LayerDef layer = layer();
        Permissions.check(user, Action.write(layer));
        if (plan.name() == null || plan.name().isBlank()) {
            throw new InvalidPlanException("name", "api.error.invalid-plan.name");
        }
        if (plan.villageCodes().isEmpty()) {
            throw new InvalidPlanException("villageCodes", "api.error.invalid-plan.no-villages");
        }
        String status = plan.status() == null || plan.status().isBlank() ? "not_started" : plan.status();
        if (!status.equals("not_started") && !status.equals(PlanStep.START.to())) {
            throw new InvalidPlanException("status", "api.error.invalid-plan.status", PlanLabels.status(status));
        }
        String code = plan.code() == null || plan.code().isBlank()
                ? "CZGH" + plan.villageCodes().getFirst()
                : plan.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw new InvalidPlanException("code", "api.error.invalid-plan.code", code);
        }
        if (features.findByKey(layer, code).isPresent()) {
            throw new PlanExistsException(code);
        }
        Geometry boundary = boundary(plan.villageCodes());
        checkNotPlanned(layer, plan.villageCodes());

        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("code", code);
        attributes.put("name", plan.name().strip());
        attributes.put("village_codes", String.join(",", plan.villageCodes()));
        attributes.put("status", status);
        putText(attributes, "compiling_unit", plan.compilingUnit());
        putText(attributes, "period", plan.period());
        if (plan.dueOn() != null) {
            attributes.put("due_on", plan.dueOn());
        }
        writes.insert(layer, Feature.of(attributes, boundary), user.name());
        versions.changed(layer.id());
        audit.record(user.name(), "plan-create", layer.id(), code, status);
        if (!status.equals("not_started")) {
            transitions.add(new PlanTransition(
                    null, code, PlanStep.START.id(), "not_started", status, null, null, null, null, user.name(), null));
        }
        return summary(Plan.of(stored(code)), today());
    }

    /**
     * Takes a step of the plan's workflow ({@link PlanWorkflow#check}), writes the plan's new stage (and, for an
     * approval, its document number, date and authority) and records the step in its timeline.
     *
     * @return the plan after the step
     * @throws PlanChangedException when another write of the plan came between reading it and writing it
     */
    public PlanSummary take(AppUser user, String code, PlanStep step, StepInput input) {
        LayerDef layer = layer();
        VersionedFeature current = stored(code);
        Plan plan = Plan.of(current);
        PlanWorkflow.check(user, code, plan.status(), step, input, today(), () -> blockers(code));
        Map<String, Object> attributes = new LinkedHashMap<>(current.feature().attributes());
        attributes.put("status", step.to());
        if (step == PlanStep.APPROVE) {
            attributes.put("document_number", input.documentNumber());
            attributes.put("approved_on", input.approvedOn());
            attributes.put("approving_authority", input.approvingAuthority());
        }
        Feature changed = new Feature(
                current.id(),
                attributes,
                current.feature().extra(),
                current.feature().geometry());
        switch (writes.update(layer, current.id(), current.version(), changed, user.name())) {
            case WriteResult.Written written -> versions.changed(layer.id());
            case WriteResult.Stale stale -> throw new PlanChangedException(code);
            case WriteResult.NotFound notFound -> throw new UnknownPlanException(code);
        }
        boolean approval = step == PlanStep.APPROVE;
        transitions.add(new PlanTransition(
                null,
                code,
                step.id(),
                plan.status(),
                step.to(),
                input.reason(),
                approval ? input.documentNumber() : null,
                approval ? input.approvedOn() : null,
                approval ? input.approvingAuthority() : null,
                user.name(),
                null));
        audit.record(user.name(), "plan-step", layer.id(), code, step.id() + ": " + plan.status() + " → " + step.to());
        return summary(Plan.of(stored(code)), today());
    }

    /** The counties (for the register's filter). */
    public List<Place> counties() {
        return places.children(places.city());
    }

    /** The townships of a county (for the register's filter). */
    public List<Place> townships(String countyCode) {
        return places.find(countyCode).map(places::children).orElse(List.of());
    }

    /** The villages of a township (for a new plan). */
    public List<Place> villages(String townshipCode) {
        return places.find(townshipCode).map(places::children).orElse(List.of());
    }

    private VersionedFeature stored(String code) {
        LayerDef layer = layer();
        Feature f = code == null ? null : features.findByKey(layer, code).orElse(null);
        if (f == null) {
            throw new UnknownPlanException(code);
        }
        return writes.find(layer, f.id()).orElseThrow(() -> new UnknownPlanException(code));
    }

    private PlanSummary summary(Plan plan, LocalDate today) {
        List<PlanSummary.Village> villages = plan.villageCodes().stream()
                .map(c -> new PlanSummary.Village(
                        c, places.find(c).map(Place::name).orElse(null)))
                .toList();
        return new PlanSummary(
                plan,
                name(plan.countyCode()),
                name(plan.townshipCode()),
                villages,
                overdue.deadline(plan.dueOn()),
                overdue.overdue(plan.status(), plan.dueOn(), today));
    }

    private String name(String placeCode) {
        return places.find(placeCode).map(Place::name).orElse(null);
    }

    /** The union of the villages' polygons; every village must be in the village layer. */
    private Geometry boundary(List<String> villageCodes) {
        LayerDef villages = catalogue.get(LayerIds.VILLAGE);
        List<Geometry> parts = new ArrayList<>();
        for (String c : villageCodes) {
            Feature v = features.findByKey(villages, c)
                    .orElseThrow(() -> new InvalidPlanException("villageCodes", "api.error.invalid-plan.village", c));
            if (v.geometry() == null || v.geometry().isEmpty()) {
                throw new InvalidPlanException("villageCodes", "api.error.invalid-plan.village", c);
            }
            parts.add(v.geometry());
        }
        return UnaryUnionOp.union(parts);
    }

    /** One plan per village: a village another plan covers is refused. */
    private void checkNotPlanned(LayerDef layer, List<String> villageCodes) {
        Set<String> wanted = new HashSet<>(villageCodes);
        features.forEach(layer, f -> {
            for (String c : Plan.villageCodes(f.getString("village_codes"))) {
                if (wanted.contains(c)) {
                    throw new InvalidPlanException(
                            "villageCodes", "api.error.invalid-plan.village-planned", c, f.getString("code"));
                }
            }
        });
    }

    private static void putText(Map<String, Object> attributes, String field, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(field, value.strip());
        }
    }
}
