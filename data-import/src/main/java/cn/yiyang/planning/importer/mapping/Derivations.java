package cn.yiyang.planning.importer.mapping;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Values that follow from other values of the same feature, filled in when the file does not give
 * them (the field is unmapped or empty in that row). A value the file gives is never overwritten.
 * Every rule is listed here, in {@link #RULES}:
 *
 * <table>
 *   <caption>Derivation rules</caption>
 *   <tr><th>layer</th><th>field</th><th>from</th><th>rule</th></tr>
 *   <tr><td>road</td><td>hardened (是否硬化)</td><td>surface (路面类型)</td>
 *       <td>true for asphalt (沥青) and cement (水泥), false for gravel and earth: the plan counts
 *       asphalt and cement concrete as hardened roads</td></tr>
 * </table>
 */
public final class Derivations {

    /**
     * One rule: {@code layer.field} is computed from the {@code from} fields' converted values.
     *
     * @param layer the layer id
     * @param field the derived field
     * @param from  the fields it is computed from
     * @param rule  the computation; returns null when it cannot tell
     */
    public record Derivation(String layer, String field, List<String> from,
                             Function<Map<String, Object>, Object> rule) {
    }

    private static final Set<String> HARDENED_SURFACES = Set.of("asphalt", "cement");

    /** Every derivation rule. */
    public static final List<Derivation> RULES = List.of(
            new Derivation("road", "hardened", List.of("surface"),
                    attrs -> attrs.get("surface") instanceof String s ? HARDENED_SURFACES.contains(s) : null));

    private Derivations() {
    }

    /** The rules of a layer. */
    public static List<Derivation> of(LayerDef layer) {
        return RULES.stream().filter(d -> d.layer().equals(layer.id())).toList();
    }

    /** Whether a rule can fill {@code field} of {@code layer}. */
    public static boolean derives(LayerDef layer, String field) {
        return of(layer).stream().anyMatch(d -> d.field().equals(field));
    }

    /** Fills, in place, the derivable fields that have no value in {@code attributes}. */
    public static void apply(LayerDef layer, Map<String, Object> attributes) {
        for (Derivation d : of(layer)) {
            if (attributes.get(d.field()) == null) {
                Object v = d.rule().apply(attributes);
                if (v != null) {
                    attributes.put(d.field(), v);
                }
            }
        }
    }
}
