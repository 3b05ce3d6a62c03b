package cn.yiyang.planning.importer.mapping;

import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Values that follow from other values of the same feature, filled in when the file does not give
 * them (the field is unmapped or empty in that row). A value the file gives is never overwritten; when it
 * differs from what the rule computes, the row gets a warning ({@link #disagreements}).
 * Every rule is listed here, in {@link #RULES}:
 *
 * <table>
 *   <caption>Derivation rules</caption>
 *   <tr><th>layer</th><th>field</th><th>from</th><th>rule</th></tr>
 *   <tr><td>road</td><td>hardened (是否硬化)</td><td>surface (路面类型)</td>
 *       <td>whether the surface is {@link CodeTrait#HARDENED hardened} in {@link CodeLists#ROAD_SURFACE}:
 *       true for asphalt (沥青) and cement (水泥), false for gravel and earth</td></tr>
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
    public record Derivation(
            String layer, String field, List<String> from, Function<Map<String, Object>, Object> rule) {}

    /** Every derivation rule. */
    public static final List<Derivation> RULES = List.of(new Derivation(
            LayerIds.ROAD,
            "hardened",
            List.of("surface"),
            attrs -> attrs.get("surface") instanceof String s
                    ? CodeLists.ROAD_SURFACE.has(s, CodeTrait.HARDENED)
                    : null));

    private Derivations() {}

    /** The rules of a layer. */
    public static List<Derivation> of(LayerDef layer) {
        return RULES.stream().filter(d -> d.layer().equals(layer.id())).toList();
    }

    /** Whether a rule can fill {@code field} of {@code layer}. */
    public static boolean derives(LayerDef layer, String field) {
        return of(layer).stream().anyMatch(d -> d.field().equals(field));
    }

    /**
     * The derived fields that a change to {@code changed} leaves stale: those computed from a changed field and not
     * named by the change themselves. An edit that changes a road's surface without saying whether it is hardened
     * clears {@code hardened}, so that {@link #apply} computes it again instead of keeping the old surface's answer.
     */
    public static List<String> staleAfter(LayerDef layer, Collection<String> changed) {
        return of(layer).stream()
                .filter(d -> !changed.contains(d.field()) && d.from().stream().anyMatch(changed::contains))
                .map(Derivation::field)
                .toList();
    }

    /**
     * A value the file gives that differs from what a rule computes from the other values (a warning: the given
     * value is kept, never overwritten).
     *
     * @param field   the derived field
     * @param given   the value given
     * @param derived the value the rule computes
     * @param from    the fields it is computed from
     */
    public record Disagreement(String field, Object given, Object derived, List<String> from) {}

    /** The given values of {@code attributes} that differ from what the layer's rules compute. */
    public static List<Disagreement> disagreements(LayerDef layer, Map<String, Object> attributes) {
        List<Disagreement> out = new ArrayList<>();
        for (Derivation d : of(layer)) {
            Object given = attributes.get(d.field());
            Object derived = given == null ? null : d.rule().apply(attributes);
            if (derived != null && !derived.equals(given)) {
                out.add(new Disagreement(d.field(), given, derived, d.from()));
            }
        }
        return out;
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
