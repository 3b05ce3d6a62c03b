package cn.yiyang.planning.layers.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * One thematic layer: its table, titles, geometry and fields.
 *
 * @param id       the layer id, which is also its table name
 * @param theme    the group it belongs to in the layer tree
 * @param titleZh  Chinese title
 * @param titleEn  English title
 * @param geometry the stored geometry kind (always in EPSG:4490)
 * @param keyField the field that identifies a feature in the real world (used for upserts and
 *                 duplicate checks), or null when features have no natural key
 * @param fields   the attributes, in display order
 * @param derived  whether the layer holds the results of an analysis (written by the analysis after
 *                 each run, never imported from files)
 */
public record LayerDef(
        String id,
        Theme theme,
        String titleZh,
        String titleEn,
        GeometryKind geometry,
        String keyField,
        List<FieldDef> fields,
        boolean derived) {

    /** The SRID every layer is stored in: CGCS2000 geographic. */
    public static final int SRID = 4490;

    public LayerDef {
        fields = List.copyOf(fields);
        if (keyField != null && fields.stream().noneMatch(f -> f.name().equals(keyField))) {
            throw new IllegalArgumentException("layer " + id + ": key field " + keyField + " is not a field");
        }
    }

    /** A layer of source data (not derived). */
    public LayerDef(
            String id,
            Theme theme,
            String titleZh,
            String titleEn,
            GeometryKind geometry,
            String keyField,
            List<FieldDef> fields) {
        this(id, theme, titleZh, titleEn, geometry, keyField, fields, false);
    }

    public Optional<FieldDef> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * The field of this name, for code that names a field of the catalogue's (a query's columns, a filter's).
     *
     * @throws IllegalArgumentException when the layer has no such field
     */
    public FieldDef requiredField(String name) {
        return field(name).orElseThrow(() -> new IllegalArgumentException("layer " + id + " has no field " + name));
    }

    /**
     * The layer whose features this one describes, if any: a derived layer whose key references another layer holds
     * one row of results per feature of that layer (an unserved household, a road's connection status), and those
     * features' geometry is its geometry. A store may then keep only the result rows and take the geometry from the
     * described layer (H2GIS does: copying and indexing 200,000 points again on every run is most of a run's time).
     */
    public Optional<String> describes() {
        if (!derived || keyField == null || !geometry.hasGeometry()) {
            return Optional.empty();
        }
        return field(keyField).map(FieldDef::references);
    }

    /**
     * The fields whose values a describing layer's own rows hold, when a store keeps them apart from the described
     * features: every field but those taken from the described feature ({@link FieldDef#fromDescribed}); every field
     * of a layer that describes none.
     */
    public List<FieldDef> ownFields() {
        if (describes().isEmpty()) {
            return fields;
        }
        return fields.stream().filter(f -> !f.fromDescribed()).toList();
    }

    /** Whether some of the layer's fields are household-level personal data ({@link FieldDef#personal}). */
    public boolean holdsPersonalData() {
        return fields.stream().anyMatch(FieldDef::personal);
    }

    /**
     * The layer as a user who may not see personal data sees it: the same id, table and geometry, without the
     * personal fields (this layer itself when it has none).
     */
    public LayerDef withoutPersonalData() {
        if (!holdsPersonalData()) {
            return this;
        }
        return new LayerDef(
                id,
                theme,
                titleZh,
                titleEn,
                geometry,
                keyField,
                fields.stream().filter(f -> !f.personal()).toList(),
                derived);
    }

    /** The table name: the layer id, validated to be a plain identifier by the catalogue. */
    public String table() {
        return id;
    }
}
