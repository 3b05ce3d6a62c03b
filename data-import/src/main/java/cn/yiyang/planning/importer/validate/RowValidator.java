package cn.yiyang.planning.importer.validate;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.issue.Severity;
import cn.yiyang.planning.importer.mapping.Conversion;
import cn.yiyang.planning.importer.mapping.Derivations;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.mapping.RouteSegments;
import cn.yiyang.planning.importer.mapping.ValueConverter;
import cn.yiyang.planning.importer.source.SourceRecord;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the rows of one import, in file order, and turns each into a feature or a rejection. Per
 * row, in this order:
 * <ol>
 *   <li>the reader's problem with the record (e.g. {@code UNREADABLE_RECORD}): an error stops here;</li>
 *   <li>the geometry (see {@link GeometryCheck}): at most one problem;</li>
 *   <li>each mapped field's value: {@code WRONG_TYPE}, {@code UNKNOWN_CODE}; then
 *       {@link Derivations}; then {@code MISSING_REQUIRED} for each required field without a value;</li>
 *   <li>the key: {@code DUPLICATE_KEY} naming the row it first appeared in, {@code KEY_EXISTS} when
 *       the layer has it already and the mode appends;</li>
 *   <li>references: {@code UNKNOWN_REFERENCE} for a code the referenced layer does not have
 *       ({@code UNKNOWN_GROUP_REFERENCE} where the reference may also name a group of its features, such as a
 *       road's route code).</li>
 * </ol>
 * Problems name the source field (the file's name for it) or, for a field no source gives, the
 * catalogue field. A row with any error is rejected; warnings do not reject.
 *
 * <p>Keeps the keys seen so far (compactly); not thread-safe: one validator per pass over a file.
 */
public final class RowValidator {

    private final ValidationContext context;
    private final GeometryCheck geometryCheck;
    private final ValueConverter converter = new ValueConverter();
    private final KeyIndex seenKeys;
    private final Map<String, String> sourceOfField = new HashMap<>();
    private final RouteSegments routeSegments = new RouteSegments();
    private final Map<String, Long> derivedCounts = new LinkedHashMap<>();
    /** The mapping's entries with their fields looked up once, not on every row. */
    private final List<Target> targets = new ArrayList<>();

    private final List<FieldDef> required;
    private final boolean routeSegmented;
    /** Whether the layer has {@link Derivations derivation} rules (most have none: no lookups per row then). */
    private final boolean derives;

    /** A mapping entry: its source, and the layer field it fills (null: it goes to extra). */
    private record Target(String source, FieldDef field) {}

    /** A field that refers to another layer, with that layer's keys. */
    private record Reference(FieldDef field, KeyIndex keys) {}

    /** The context's references, looked up once: a row's check walks an array, not an immutable map's table. */
    private final Reference[] references;

    public RowValidator(ValidationContext context) {
        this(context, 4096);
    }

    /**
     * @param expectedRows the rows the pass is expected to see (the opening pass's count), so that the keys seen are
     *     kept in a table of the right size from the start rather than one grown and filled again as it fills
     */
    public RowValidator(ValidationContext context, long expectedRows) {
        this.context = context;
        this.seenKeys = new KeyIndex((int) Math.clamp(expectedRows, 16, 1 << 21));
        this.references = context.references().entrySet().stream()
                .map(r -> new Reference(context.layer().field(r.getKey()).orElseThrow(), r.getValue()))
                .toArray(Reference[]::new);
        this.geometryCheck = new GeometryCheck(context.layer(), context.toLayer(), context.region(), context.repair());
        for (FieldMapping.Entry e : context.mapping().entries()) {
            if (e.toField()) {
                sourceOfField.put(e.target(), e.source());
                targets.add(
                        new Target(e.source(), context.layer().field(e.target()).orElseThrow()));
            } else if (e.toExtra()) {
                targets.add(new Target(e.source(), null));
            }
        }
        this.required =
                context.layer().fields().stream().filter(FieldDef::required).toList();
        this.routeSegmented = context.layer().field("route_code").isPresent();
        this.derives = !Derivations.of(context.layer()).isEmpty();
    }

    public ValidatedRow validate(SourceRecord record) {
        long row = record.row();
        List<ImportIssue> issues = new ArrayList<>();
        if (record.problem() != null) {
            issues.add(record.problem());
            if (record.problem().severity() == Severity.ERROR) {
                return new ValidatedRow(row, null, null, issues);
            }
        }
        GeometryCheck.Result geometry = geometryCheck.check(record.geometry());
        if (geometry.problem() != null) {
            issues.add(ImportIssue.ofRow(
                    context.fileName(),
                    row,
                    null,
                    geometry.problem(),
                    geometry.args().toArray()));
        }

        LayerDef layer = context.layer();
        LinkedHashMap<String, Object> attributes = new LinkedHashMap<>();
        LinkedHashMap<String, Object> extra = new LinkedHashMap<>();
        Set<String> failed = new HashSet<>();
        Map<String, Object> values = record.values() == null ? Map.of() : record.values();
        for (Target e : targets) {
            Object raw = values.get(e.source());
            if (e.field() == null) {
                Object v = converter.extraValue(raw);
                if (v != null) {
                    extra.put(e.source(), v);
                }
            } else {
                FieldDef field = e.field();
                switch (converter.convert(field, raw)) {
                    case Conversion.Value v -> {
                        attributes.put(field.name(), v.value());
                        if (v.note() != null) {
                            issues.add(ImportIssue.ofRow(
                                    context.fileName(),
                                    row,
                                    e.source(),
                                    v.note(),
                                    v.noteArgs().toArray()));
                        }
                    }
                    case Conversion.Failure f -> {
                        failed.add(field.name());
                        issues.add(ImportIssue.ofRow(
                                context.fileName(),
                                row,
                                e.source(),
                                f.code(),
                                f.args().toArray()));
                    }
                    case Conversion.Empty empty -> {}
                }
            }
        }
        if (routeSegmented) {
            routeSegments.number(attributes);
        }
        List<String> derived = derives ? Derivations.apply(layer, attributes) : List.of();
        for (Derivations.Disagreement d :
                derives ? Derivations.disagreements(layer, attributes) : List.<Derivations.Disagreement>of()) {
            issues.add(ImportIssue.ofRow(
                    context.fileName(),
                    row,
                    fieldName(d.field()),
                    IssueCode.DERIVED_VALUE_DIFFERS,
                    d.given(),
                    d.derived(),
                    String.join(", ", d.from().stream().map(this::fieldName).toList())));
        }
        for (FieldDef f : required) {
            if (attributes.get(f.name()) == null && !failed.contains(f.name())) {
                issues.add(ImportIssue.ofRow(context.fileName(), row, fieldName(f.name()), IssueCode.MISSING_REQUIRED));
            }
        }
        checkKey(row, attributes, issues);
        checkReferences(row, attributes, issues);

        // the maps are this row's own: the feature takes them over
        Feature feature = ValidatedRow.hasError(issues) ? null : Feature.owning(attributes, extra, geometry.geometry());
        if (feature != null) {
            derived.forEach(field -> derivedCounts.merge(field, 1L, Long::sum));
        }
        return new ValidatedRow(row, feature, geometry.geometry(), issues);
    }

    /** The layer the rows are checked for. */
    public LayerDef layer() {
        return context.layer();
    }

    /** How many accepted rows had each field filled by a {@link Derivations derivation} rule so far, in rule order. */
    public Map<String, Long> derivedCounts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(derivedCounts));
    }

    private void checkKey(long row, Map<String, Object> attributes, List<ImportIssue> issues) {
        String keyField = context.layer().keyField();
        if (keyField == null || !(attributes.get(keyField) instanceof String key)) {
            return;
        }
        long first = seenKeys.putIfAbsent(key, row);
        if (first >= 0) {
            issues.add(ImportIssue.ofRow(
                    context.fileName(), row, fieldName(keyField), IssueCode.DUPLICATE_KEY, key, first));
        } else if (context.existingKeys() != null && context.existingKeys().contains(key)) {
            issues.add(ImportIssue.ofRow(context.fileName(), row, fieldName(keyField), IssueCode.KEY_EXISTS, key));
        }
    }

    private void checkReferences(long row, Map<String, Object> attributes, List<ImportIssue> issues) {
        for (Reference ref : references) {
            String field = ref.field().name();
            if (attributes.get(field) instanceof String value && !ref.keys().contains(value)) {
                FieldDef def = ref.field();
                String layerId = def.references() == null ? "" : def.references();
                issues.add(
                        def.referenceGroup() == null
                                ? ImportIssue.ofRow(
                                        context.fileName(),
                                        row,
                                        fieldName(field),
                                        IssueCode.UNKNOWN_REFERENCE,
                                        value,
                                        layerId)
                                : ImportIssue.ofRow(
                                        context.fileName(),
                                        row,
                                        fieldName(field),
                                        IssueCode.UNKNOWN_GROUP_REFERENCE,
                                        value,
                                        layerId,
                                        def.referenceGroup()));
            }
        }
    }

    /** The name a problem gives a field: the file's name for it, else the catalogue's. */
    private String fieldName(String catalogueField) {
        return sourceOfField.getOrDefault(catalogueField, catalogueField);
    }
}
