package cn.yiyang.planning.importer.validate;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.source.SourceRecord;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks of an import row for one feature written on its own (the feature API, the map's editor): the
 * {@link RowValidator} of a one-row file whose fields are named as the catalogue names them, so that a
 * single-feature write and an import answer the same problems with the same codes. Values of properties that
 * are no catalogue field are kept as extra attributes, as an import keeps unmapped source fields.
 *
 * @param layer        the layer written
 * @param region       where features must lie
 * @param existingKeys the layer's keys a new key may not repeat (for an update: without the feature's own), or
 *                     null when the layer has no key
 * @param references   for each field that refers to another layer, that layer's keys
 */
public record FeatureCheck(LayerDef layer, Region region, KeyIndex existingKeys, Map<String, KeyIndex> references) {

    public FeatureCheck {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(region, "region");
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
        CrsTransform toLayer = layer.geometry().hasGeometry() ? CrsTransform.of(crs, Crs.CGCS2000) : null;
        ValidationContext context = new ValidationContext(
                layer, new FieldMapping(entries), null, toLayer, region, false, existingKeys, references);
        return new RowValidator(context).validate(record);
    }
}
