package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.geo.plan.Conflict;
import cn.yiyang.planning.geo.plan.ConflictCheck;
import cn.yiyang.planning.geo.plan.PlanParcel;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.plan.ConflictJustification;
import cn.yiyang.planning.layers.plan.ConflictJustificationRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The 多规合一 conflicts of village plans: geo-core {@link ConflictCheck} of a plan's planned parcels against permanent
 * basic farmland, the ecological red line and the town development boundary, and the approvers' justifications.
 *
 * <p>Conflicts are computed from the current data on every request, not stored: they depend on the constraint layers
 * as much as on the parcels, and a new import of the 三区三线 (which no parcel save sees) must show at once. What
 * makes that cheap is the constraint index, built once per data version of the three layers (about 130 ms for a
 * city's 3000 polygons) and kept until one of them changes; a plan's conflicts then cost one parcel read and
 * clipping only where parcels meet constraints. Justifications are stored, by the conflict's stable key; a
 * justification whose conflict went away (the parcel was moved) stays stored but is no longer shown or counted.
 */
@Service
public class ConflictService {

    private final ParcelReader reader;
    private final ConflictJustificationRepository justifications;
    private final AuditLog audit;
    private Index index;

    ConflictService(ParcelReader reader, ConflictJustificationRepository justifications, AuditLog audit) {
        this.reader = reader;
        this.audit = audit;
        this.justifications = justifications;
    }

    /**
     * The plan's conflicts with their justifications, ordered by parcel, kind and constraint.
     *
     * @throws UnknownPlanException when there is no such plan
     */
    public List<PlanConflict> conflicts(AppUser user, String planCode) {
        Permissions.check(user, Action.read(reader.landUse()));
        requirePlan(planCode);
        return conflicts(planCode);
    }

    /** The plan's conflicts with their justifications, for the approval gate and the panels. */
    List<PlanConflict> conflicts(String planCode) {
        List<PlanParcel> parcels = reader.parcels(planCode).stream()
                .filter(f -> f.geometry() != null)
                .map(ParcelReader::parcel)
                .toList();
        Map<String, ConflictJustification> justified = justifications.forPlan(planCode).stream()
                .collect(Collectors.toMap(ConflictJustification::conflictKey, Function.identity()));
        return check(parcels).stream()
                .map(c -> {
                    String layer = reader.layer(c.kind().layer()).id();
                    String key = PlanConflict.key(c, layer);
                    return new PlanConflict(key, planCode, c, layer, justified.get(key));
                })
                .toList();
    }

    /** The conflicts of some parcels (a plan as a save would leave it), against the current constraint layers. */
    List<Conflict> check(List<PlanParcel> parcels) {
        return index().run(parcels);
    }

    /**
     * Records the approver's justification of one of the plan's current conflicts (replacing an earlier one).
     *
     * @throws cn.yiyang.planning.app.security.ForbiddenException when the user is no approver (or ADMIN)
     * @throws ConflictUnknownException when the plan has no such conflict now
     */
    public PlanConflict justify(AppUser user, String planCode, String key, String text) {
        Permissions.check(user, Action.justifyConflict());
        requirePlan(planCode);
        if (text == null || text.isBlank()) {
            throw new BadValueException("text", String.valueOf(text), "a justification (text)");
        }
        PlanConflict conflict = conflicts(planCode).stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new ConflictUnknownException(planCode, key));
        ConflictJustification stored = justifications.save(ConflictJustification.of(planCode, key, text, user.name()));
        audit.record(user.name(), "conflict-justify", reader.landUse().id(), planCode, key + ": " + text);
        return new PlanConflict(key, planCode, conflict.conflict(), conflict.constraintLayer(), stored);
    }

    /** The catalogue layer a conflict's constraint belongs to (its titles, for a page). */
    public LayerDef constraintLayer(PlanConflict conflict) {
        return reader.layer(conflict.kind().layer());
    }

    /** The plan, or an {@link UnknownPlanException}. */
    Feature requirePlan(String planCode) {
        return reader.plan(planCode).orElseThrow(() -> new UnknownPlanException(planCode));
    }

    /** The constraint index of the layers' current data: built again when one of the three layers changed. */
    private synchronized ConflictCheck index() {
        List<Long> versions = reader.constraintVersions();
        if (index == null || !index.versions.equals(versions)) {
            index = new Index(versions, ConflictCheck.of(reader.constraints()));
        }
        return index.check;
    }

    /** The constraint index with the layer versions it was built from. */
    private record Index(List<Long> versions, ConflictCheck check) {}
}
