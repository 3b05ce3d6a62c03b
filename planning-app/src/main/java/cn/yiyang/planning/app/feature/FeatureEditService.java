package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.security.OutOfScopeException;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.Severity;
import cn.yiyang.planning.importer.job.ImportSettings;
import cn.yiyang.planning.importer.mapping.Derivations;
import cn.yiyang.planning.importer.source.GeoJsonFeature;
import cn.yiyang.planning.importer.validate.FeatureCheck;
import cn.yiyang.planning.importer.validate.ValidatedRow;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureHistoryRepository;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.FeatureWriteRepository;
import cn.yiyang.planning.layers.feature.HistoryEntry;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.feature.Scope;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import cn.yiyang.planning.layers.feature.WriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes single features: insert, replace, merge-patch and delete, each checked as an import checks a row
 * ({@link FeatureCheck}: the same rules and problem codes), allowed to the owners of the layer's theme and
 * ADMIN ({@link Permissions}), refused for derived layers, and with optimistic locking: an update or delete names
 * the version it started from and is refused with what changed since when that version is stale. Every write is
 * recorded in the history by the repository, and open maps are told the layer changed ({@link LayerVersions}).
 * Rules beyond a row's checks (a plan's parcels …) are {@link FeatureRule} beans of the features that own them,
 * asked per layer after the row checks.
 */
@Service
public class FeatureEditService {

    private final LayerCatalogue catalogue;
    private final FeatureRepository features;
    private final FeatureWriteRepository writes;
    private final FeatureHistoryRepository history;
    private final LayerVersions versions;
    private final List<FeatureRule> rules;
    private final AuditLog audit;
    private final DataScopes scopes;

    /**
     * With the default household roles ({@link DataScopes#standard}); public for harnesses that build it without
     * Spring.
     *
     * @param audit where each write is recorded (beside its history entry, which holds before and after)
     */
    public FeatureEditService(
            LayerCatalogue catalogue,
            FeatureRepository features,
            FeatureWriteRepository writes,
            FeatureHistoryRepository history,
            LayerVersions versions,
            List<FeatureRule> rules,
            AuditLog audit) {
        this(catalogue, features, writes, history, versions, rules, audit, DataScopes.standard());
    }

    /**
     * Spring builds it with every {@link FeatureRule} bean.
     *
     * @param scopes what each user reads and writes: a feature outside the user's counties is not found, and is
     *               refused as a write's target or result ({@link OutOfScopeException})
     */
    @Autowired
    public FeatureEditService(
            LayerCatalogue catalogue,
            FeatureRepository features,
            FeatureWriteRepository writes,
            FeatureHistoryRepository history,
            LayerVersions versions,
            List<FeatureRule> rules,
            AuditLog audit,
            DataScopes scopes) {
        this.scopes = scopes;
        this.audit = audit;
        this.catalogue = catalogue;
        this.features = features;
        this.writes = writes;
        this.history = history;
        this.versions = versions;
        this.rules = List.copyOf(rules);
    }

    /**
     * The stored feature with its version.
     *
     * @throws FeatureNotFoundException when the layer has no such feature
     */
    public VersionedFeature get(AppUser user, String layerId, long id) {
        LayerDef layer = catalogue.get(layerId);
        Permissions.check(user, Action.read(layer));
        Scope scope = scopes.of(user);
        VersionedFeature found = find(layer, id);
        if (!inScope(layer, id, scope)) {
            throw new FeatureNotFoundException(layer.id(), id);
        }
        return new VersionedFeature(scope.strip(layer, found.feature()), found.version());
    }

    /** Whether the stored feature lies in the scope's counties. */
    private boolean inScope(LayerDef layer, long id, Scope scope) {
        return !scope.limited() || features.findById(layer, id, scope).isPresent();
    }

    /**
     * Refuses a write whose target (the stored feature) or result lies outside the user's counties.
     *
     * @param id      the stored feature the write changes, or null for an insert
     * @param written the feature as it would be stored, or null for a delete
     */
    private void admit(AppUser user, LayerDef layer, Long id, Feature written) {
        Scope scope = scopes.of(user);
        if (!scope.limited()) {
            return;
        }
        if (id != null && !inScope(layer, id, scope)) {
            throw new OutOfScopeException(user, Localized.of(layer.titleZh(), layer.titleEn()), "#" + id);
        }
        if (written != null && !features.admission(layer, scope).test(written)) {
            String key = layer.keyField() == null ? null : written.getString(layer.keyField());
            throw new OutOfScopeException(
                    user,
                    Localized.of(layer.titleZh(), layer.titleEn()),
                    key != null ? key : id == null ? "-" : "#" + id);
        }
    }

    /**
     * The feature as it was at {@code instant}, from its history.
     *
     * @throws FeatureHistoryUnknownException when it was loaded by an import and {@code instant} is before its
     *                                        first single-feature write (or it has none): its state then is not
     *                                        recorded
     * @throws FeatureNotFoundException       when it did not exist then (not yet inserted, or deleted)
     */
    public VersionedFeature asOf(AppUser user, String layerId, long id, Instant instant) {
        LayerDef layer = catalogue.get(layerId);
        Permissions.check(user, Action.read(layer));
        Scope scope = scopes.of(user);
        Optional<VersionedFeature> then = history.asOf(layer, id, instant);
        if (then.isPresent()) {
            if (!features.admission(layer, scope).test(then.get().feature())) {
                throw new FeatureNotFoundException(layer.id(), id);
            }
            return new VersionedFeature(
                    scope.strip(layer, then.get().feature()), then.get().version());
        }
        List<HistoryEntry> entries = history.history(layer, id);
        if (entries.isEmpty()) {
            if (writes.find(layer, id).isPresent()) {
                throw new FeatureHistoryUnknownException(layer.id(), id, null);
            }
        } else {
            HistoryEntry first = entries.getLast();
            // a history that does not start with an INSERT belongs to a feature an import loaded
            if (first.operation() != HistoryOperation.INSERT
                    && instant.isBefore(first.at().toInstant())) {
                throw new FeatureHistoryUnknownException(layer.id(), id, first.at());
            }
        }
        throw new FeatureNotFoundException(layer.id(), id);
    }

    /** The feature's history entries, newest first (a deleted feature's too). */
    public List<HistoryEntry> history(AppUser user, String layerId, long id) {
        LayerDef layer = catalogue.get(layerId);
        Permissions.check(user, Action.read(layer));
        Scope scope = scopes.of(user);
        List<HistoryEntry> entries = history.history(layer, id);
        if (entries.isEmpty()) {
            find(layer, id); // a feature only ever loaded by imports has no entries yet: an empty list, not a 404
        }
        if (scope.limited() && !historyInScope(layer, id, entries, scope)) {
            throw new FeatureNotFoundException(layer.id(), id);
        }
        return entries.stream()
                .map(e -> new HistoryEntry(
                        e.id(),
                        e.layerId(),
                        e.featureId(),
                        e.featureKey(),
                        e.version(),
                        e.operation(),
                        e.user(),
                        e.at(),
                        e.before() == null ? null : scope.strip(layer, e.before()),
                        e.after() == null ? null : scope.strip(layer, e.after()),
                        e.details()))
                .toList();
    }

    /** Whether the feature, as stored or (deleted) as last recorded, lies in the scope. */
    private boolean historyInScope(LayerDef layer, long id, List<HistoryEntry> entries, Scope scope) {
        if (writes.find(layer, id).isPresent()) {
            return inScope(layer, id, scope);
        }
        Feature last = entries.isEmpty()
                ? null
                : entries.getFirst().after() != null
                        ? entries.getFirst().after()
                        : entries.getFirst().before();
        return last != null && features.admission(layer, scope).test(last);
    }

    /**
     * Inserts a GeoJSON Feature, its coordinates in EPSG:4490 unless its {@code crs} member names another CRS.
     *
     * @return the feature as stored, version 1, and the warnings of its checks
     * @throws InvalidFeatureException when it fails the checks of an import row
     */
    public AcceptedWrite create(AppUser user, String layerId, JsonNode geoJson) {
        LayerDef layer = writable(user, layerId);
        ValidatedRow row = checked(layer, geoJson, null);
        admit(user, layer, null, row.feature());
        RuleOutcome ruled = ruled(layer, null, row);
        VersionedFeature stored = writes.insert(layer, row.feature(), user.name());
        versions.changed(layer.id());
        audit.record(
                user.name(),
                "feature-create",
                layer.id(),
                Long.toString(stored.feature().id()),
                "version 1");
        return accepted(stored, row, ruled);
    }

    /**
     * Replaces feature {@code id} by a whole GeoJSON Feature (attributes, extra attributes and geometry).
     *
     * @param expectedVersion the version the caller started from ({@code If-Match}); null when it named none
     * @return the feature as stored, its version raised by one, and the warnings of its checks
     */
    public AcceptedWrite replace(AppUser user, String layerId, long id, Long expectedVersion, JsonNode geoJson) {
        LayerDef layer = writable(user, layerId);
        long expected = required(expectedVersion);
        VersionedFeature current = current(layer, id, expected);
        admit(user, layer, id, null);
        return update(user, layer, id, expected, checked(layer, geoJson, current));
    }

    /**
     * Changes feature {@code id} by a JSON Merge Patch (RFC 7396) of its GeoJSON Feature: what the patch names
     * changes, the rest stays. A {@code crs} member applies to a geometry the patch gives; without one it is
     * ignored, since the stored geometry is in EPSG:4490.
     */
    public AcceptedWrite patch(AppUser user, String layerId, long id, Long expectedVersion, JsonNode patch) {
        LayerDef layer = writable(user, layerId);
        long expected = required(expectedVersion);
        VersionedFeature current = current(layer, id, expected);
        admit(user, layer, id, null);
        JsonNode merged = FeatureJson.mergePatch(FeatureJson.feature(current), patch);
        if (merged instanceof ObjectNode object && !(patch.isObject() && patch.has("geometry"))) {
            object.remove("crs");
        }
        // a value derived from a field the patch changes is computed again unless the patch gives it
        if (merged.get("properties") instanceof ObjectNode properties
                && patch.get("properties") instanceof ObjectNode named) {
            Derivations.staleAfter(layer, named.propertyNames()).forEach(properties::remove);
        }
        return update(user, layer, id, expected, checked(layer, merged, current));
    }

    /** Deletes feature {@code id}, when {@code expectedVersion} is its version. */
    public void delete(AppUser user, String layerId, long id, Long expectedVersion) {
        LayerDef layer = writable(user, layerId);
        long expected = required(expectedVersion);
        admit(user, layer, id, null);
        switch (writes.delete(layer, id, expected, user.name())) {
            case WriteResult.Written written -> {
                versions.changed(layer.id());
                audit.record(user.name(), "feature-delete", layer.id(), Long.toString(id), "version " + expected);
            }
            case WriteResult.Stale stale ->
                throw stale(layer, id, expected, stale.current().version());
            case WriteResult.NotFound notFound -> throw new FeatureNotFoundException(layer.id(), id);
        }
    }

    private AcceptedWrite update(AppUser user, LayerDef layer, long id, long expected, ValidatedRow row) {
        admit(user, layer, null, row.feature());
        RuleOutcome ruled = ruled(layer, id, row);
        // the version is compared again in the write's transaction: a write between the check and here is stale
        return switch (writes.update(layer, id, expected, row.feature(), user.name())) {
            case WriteResult.Written written -> {
                versions.changed(layer.id());
                audit.record(
                        user.name(),
                        "feature-update",
                        layer.id(),
                        Long.toString(id),
                        "version " + written.feature().version());
                yield accepted(written.feature(), row, ruled);
            }
            case WriteResult.Stale stale ->
                throw stale(layer, id, expected, stale.current().version());
            case WriteResult.NotFound notFound -> throw new FeatureNotFoundException(layer.id(), id);
        };
    }

    /** The layer, when the user may write it and it is not derived. */
    private LayerDef writable(AppUser user, String layerId) {
        LayerDef layer = catalogue.get(layerId);
        if (layer.derived()) {
            throw new DerivedLayerException(layer.id());
        }
        Permissions.check(user, Action.write(layer));
        return layer;
    }

    private static long required(Long expectedVersion) {
        if (expectedVersion == null) {
            throw new PreconditionRequiredException();
        }
        return expectedVersion;
    }

    /** The stored feature, when its version is the one the caller started from. */
    private VersionedFeature current(LayerDef layer, long id, long expected) {
        VersionedFeature current = find(layer, id);
        if (current.version() != expected) {
            throw stale(layer, id, expected, current.version());
        }
        return current;
    }

    private VersionedFeature find(LayerDef layer, long id) {
        return writes.find(layer, id).orElseThrow(() -> new FeatureNotFoundException(layer.id(), id));
    }

    private StaleVersionException stale(LayerDef layer, long id, long expected, long currentVersion) {
        List<FeatureJson.HistoryEntryJson> changes = history.history(layer, id).stream()
                .filter(e -> e.version() != null && e.version() > expected)
                .map(FeatureJson::entry)
                .toList();
        return new StaleVersionException(expected, currentVersion, changes);
    }

    /**
     * The feature as the layer stores it ({@link ValidatedRow#feature()}), after the checks of an import row, with
     * the warnings they gave.
     *
     * @param current the stored feature an update replaces (its key is its own, not a duplicate), or null
     */
    private ValidatedRow checked(LayerDef layer, JsonNode geoJson, VersionedFeature current) {
        Crs crs = GeoJsonFeature.crs(geoJson, Crs.CGCS2000);
        String ownKey = current == null || layer.keyField() == null
                ? null
                : current.feature().getString(layer.keyField());
        // the store is asked only for the keys the feature names: one indexed lookup per layer, not every key
        FeatureCheck check = new FeatureCheck(
                layer, ImportSettings.DEFAULT.region(), ownKey, references(layer), features::existingKeys);
        ValidatedRow row = check.check(GeoJsonFeature.read(geoJson, crs), crs);
        List<ImportIssue> errors = row.issues().stream()
                .filter(i -> i.severity() == Severity.ERROR)
                .toList();
        if (row.rejected() || !errors.isEmpty()) {
            throw new InvalidFeatureException(layer.id(), errors);
        }
        return row;
    }

    /**
     * The layer's rules asked about a feature that passed the row checks; their errors refuse the write.
     *
     * @param id the feature it replaces, or null for an insert
     * @return the rules' warnings and answer properties, merged in the order of the rules
     */
    private RuleOutcome ruled(LayerDef layer, Long id, ValidatedRow row) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        FeatureRule.FeatureWrite write = new FeatureRule.FeatureWrite(layer, id, row.feature());
        for (FeatureRule rule : rules) {
            if (rule.appliesTo(layer)) {
                RuleOutcome outcome = rule.check(write);
                problems.addAll(outcome.problems());
                properties.putAll(outcome.properties());
            }
        }
        RuleOutcome all = new RuleOutcome(problems, properties);
        if (!all.errors().isEmpty()) {
            throw new InvalidFeatureException(layer.id(), List.of(), all.errors());
        }
        return all;
    }

    private static AcceptedWrite accepted(VersionedFeature stored, ValidatedRow row, RuleOutcome ruled) {
        return new AcceptedWrite(stored, warnings(row), ruled.warnings(), ruled.properties());
    }

    private static List<ImportIssue> warnings(ValidatedRow row) {
        return row.issues().stream()
                .filter(i -> i.severity() == Severity.WARNING)
                .toList();
    }

    /** For each field that refers to another layer with a key, that layer: the reference values are looked up. */
    private Map<String, LayerDef> references(LayerDef layer) {
        Map<String, LayerDef> byField = new HashMap<>();
        for (FieldDef f : layer.fields()) {
            LayerDef target = f.references() == null
                    ? null
                    : catalogue.find(f.references()).orElse(null);
            if (target != null && target.keyField() != null && !target.id().equals(layer.id())) {
                byField.put(f.name(), target);
            }
        }
        return byField;
    }
}
