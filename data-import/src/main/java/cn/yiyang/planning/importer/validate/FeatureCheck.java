package cn.yiyang.planning.importer.validate;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.importer.mapping.Conversion;
import cn.yiyang.planning.importer.mapping.Derivations;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.mapping.ValueConverter;
import cn.yiyang.planning.importer.source.SourceRecord;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The checks of an import row for one feature written on its own (the feature API, the map's editor): the
 * {@link RowValidator} of a one-row file whose fields are named as the catalogue names them, so that a
 * single-feature write and an import answer the same problems with the same codes. Values of properties that
 * are no catalogue field are kept as extra attributes, as an import keeps unmapped source fields.
 *
 * <p>Unlike an import, which reads every key of the layer and of the layers it refers to once for a whole file,
 * a single feature asks the store ({@link StoredKeys}) only for the values it names: its own key and each
 * reference, one indexed lookup per layer, whatever the size of the layers.
 *
 * @param layer      the layer written
 * @param region     where features must lie
 * @param ownKey     the key of the stored feature an update replaces (keeping it is no duplicate), or null
 * @param references for each field that refers to another layer, that layer (which has a key field)
 * @param stored     which key values the layers store
 */
public record FeatureCheck(
        LayerDef layer, Region region, String ownKey, Map<String, LayerDef> references, StoredKeys stored) {

    public FeatureCheck {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(stored, "stored");
        references = Map.copyOf(references);
    }

    /**
     * Checks one feature as an import checks a row (geometry kind, validity, inside the region, types, code lists
     * by code or label, required values, duplicate keys, references); invalid geometries are never repaired.
     *
     * @param record the feature's values by field name and its geometry in {@code crs}
     * @param crs    the CRS of the geometry's coordinates
     * @return the row: the feature in EPSG:4490 as the layer stores it, or rejected with its problems
     */
    public ValidatedRow check(SourceRecord record, Crs crs) {
        List<FieldMapping.Entry> entries = new ArrayList<>();
        if (record.values() != null) {
            for (String name : record.values().keySet()) {
                boolean field = layer.field(name).isPresent();
                entries.add(new FieldMapping.Entry(
                        name,
                        field ? name : FieldMapping.EXTRA,
                        field ? FieldMapping.Decision.NAME : FieldMapping.Decision.EXTRA));
            }
        }
        Map<String, Object> attributes = attributes(record);
        CrsTransform toLayer = layer.geometry().hasGeometry() ? CrsTransform.of(crs, Crs.CGCS2000) : null;
        ValidationContext context = new ValidationContext(
                layer,
                new FieldMapping(entries),
                null,
                toLayer,
                region,
                false,
                existingKeys(attributes),
                referencedKeys(attributes));
        return new RowValidator(context).validate(record);
    }

    /**
     * The feature's catalogue values as the validator will see them (converted, labels to codes, derivations
     * applied): the values to look up are the ones it compares. Values that do not convert are left out; the
     * validator reports them.
     */
    private Map<String, Object> attributes(SourceRecord record) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (record.values() == null) {
            return attributes;
        }
        ValueConverter converter = new ValueConverter();
        for (Map.Entry<String, Object> e : record.values().entrySet()) {
            FieldDef field = layer.field(e.getKey()).orElse(null);
            if (field != null && converter.convert(field, e.getValue()) instanceof Conversion.Value v) {
                attributes.put(field.name(), v.value());
            }
        }
        Derivations.apply(layer, attributes);
        return attributes;
    }

    /** The feature's key when another feature of the layer has it already; null for a layer without a key. */
    private KeyIndex existingKeys(Map<String, Object> attributes) {
        String keyField = layer.keyField();
        if (keyField == null) {
            return null;
        }
        KeyIndex keys = new KeyIndex(16);
        if (attributes.get(keyField) instanceof String key && !key.equals(ownKey)) {
            stored.existing(layer, keyField, List.of(key)).forEach(keys::add);
        }
        return keys;
    }

    /** For each reference field, the referenced keys the feature names that exist: one lookup per layer. */
    private Map<String, KeyIndex> referencedKeys(Map<String, Object> attributes) {
        Map<String, List<String>> wantedByLayer = new LinkedHashMap<>();
        for (Map.Entry<String, LayerDef> ref : references.entrySet()) {
            if (attributes.get(ref.getKey()) instanceof String value) {
                wantedByLayer
                        .computeIfAbsent(ref.getValue().id(), id -> new ArrayList<>())
                        .add(value);
            }
        }
        Map<String, Set<String>> foundByLayer = new HashMap<>();
        Map<String, KeyIndex> byField = new HashMap<>();
        for (Map.Entry<String, LayerDef> ref : references.entrySet()) {
            LayerDef target = ref.getValue();
            Set<String> found = foundByLayer.computeIfAbsent(
                    target.id(),
                    id -> wantedByLayer.containsKey(id)
                            ? stored.existing(target, target.keyField(), wantedByLayer.get(id))
                            : Set.of());
            KeyIndex keys = new KeyIndex(16);
            found.forEach(keys::add);
            String group =
                    layer.field(ref.getKey()).map(FieldDef::referenceGroup).orElse(null);
            if (group != null && attributes.get(ref.getKey()) instanceof String value && !found.contains(value)) {
                // not a key: perhaps a group's name (a route code), one more indexed lookup
                stored.existing(target, group, List.of(value)).forEach(keys::add);
            }
            byField.put(ref.getKey(), keys);
        }
        return byField;
    }
}
