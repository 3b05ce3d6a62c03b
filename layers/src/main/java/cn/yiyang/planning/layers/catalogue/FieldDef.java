package cn.yiyang.planning.layers.catalogue;

import java.util.List;

/**
 * One attribute of a layer.
 *
 * @param name       the column name (lower-case ASCII)
 * @param type       the attribute type
 * @param titleZh    the Chinese label shown to users
 * @param titleEn    the English label
 * @param required   whether every feature must have a value
 * @param codeList   the allowed values for {@link FieldType#CODE} fields, else null
 * @param aliases    other field names source files use for it (Chinese names, common GIS abbreviations)
 * @param references the id of the layer whose key this field holds (a village code refers to
 *                   {@code village}), else null
 * @param referenceGroup a field of the referenced layer whose value names a group of its features (a road's
 *                   {@code route_code} names the segments of a route), or null: a value found there is a reference
 *                   too, to every feature of the group
 * @param personal   whether it is household-level personal data (a household's poverty status): shown only to the
 *                   roles that need it, withheld from the others' lists, tiles, exports and identify
 * @param fromDescribed whether, in a layer that describes another layer's features ({@link LayerDef#describes}), the
 *                   value is the described feature's field of the same name (an unserved household's village code
 *                   is the household's): a store that keeps the describing rows apart from the features they describe
 *                   (H2GIS) reads it from the feature, as it does the geometry, and shows the feature's value of now
 */
public record FieldDef(
        String name,
        FieldType type,
        String titleZh,
        String titleEn,
        boolean required,
        CodeList codeList,
        List<String> aliases,
        String references,
        String referenceGroup,
        boolean personal,
        boolean fromDescribed) {

    /** A field that is not personal data and names no group of the referenced features. */
    public FieldDef(
            String name,
            FieldType type,
            String titleZh,
            String titleEn,
            boolean required,
            CodeList codeList,
            List<String> aliases,
            String references) {
        this(name, type, titleZh, titleEn, required, codeList, aliases, references, null, false, false);
    }

    public FieldDef {
        aliases = List.copyOf(aliases);
        if ((type == FieldType.CODE) != (codeList != null)) {
            throw new IllegalArgumentException("field " + name + ": a code list goes with type CODE only");
        }
        if (referenceGroup != null && references == null) {
            throw new IllegalArgumentException("field " + name + ": a reference group goes with a reference only");
        }
    }
}
