package cn.yiyang.planning.importer.mapping;

import cn.yiyang.planning.layers.catalogue.Code;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 *   <tr><td>road</td><td>all_season (全天候通行)</td><td>surface</td>
 *       <td>whether the surface is {@link CodeTrait#ALL_SEASON all-season}: the hardened surfaces and gravel (砂石)
 *       are, earth (土) is not; so that a file without the column does not make every road fair-weather</td></tr>
 *   <tr><td>road</td><td>admin_class (行政等级)</td><td>route_code (路线编码)</td>
 *       <td>the route code's first letter, an alias of the class in {@link CodeLists#ROAD_ADMIN_CLASS}: G 国道,
 *       S 省道, X 县道, Y 乡道, C 村道, Z 专用公路</td></tr>
 *   <tr><td>road</td><td>code (路段编码, the key)</td><td>route_code, segment_seq, start_stake</td>
 *       <td>the route code, a hyphen and the segment's number along the route ({@code X001430923-2}), else its
 *       start stake ({@code X001430923-K12+300}); a file that gives neither has its segments numbered in file
 *       order per route ({@link RouteSegments}). A segment code the file gives is kept and not compared</td></tr>
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
            String layer,
            String field,
            List<String> from,
            Function<Map<String, Object>, Object> rule,
            boolean compared) {

        /** A rule whose result is compared with a value the file gives ({@link #disagreements}). */
        public Derivation(String layer, String field, List<String> from, Function<Map<String, Object>, Object> rule) {
            this(layer, field, from, rule, true);
        }
    }

    /** Every derivation rule. */
    public static final List<Derivation> RULES = List.of(
            new Derivation(LayerIds.ROAD, "hardened", List.of("surface"), surfaceIs(CodeTrait.HARDENED)),
            new Derivation(LayerIds.ROAD, "all_season", List.of("surface"), surfaceIs(CodeTrait.ALL_SEASON)),
            new Derivation(LayerIds.ROAD, "admin_class", List.of("route_code"), Derivations::adminClassOfRoute),
            new Derivation(LayerIds.ROAD, "code", List.of("route_code"), Derivations::segmentKey, false));

    private Derivations() {}

    /** The rules by layer, looked up for every row of a load. */
    private static final Map<String, List<Derivation>> BY_LAYER =
            RULES.stream().collect(Collectors.groupingBy(Derivation::layer, Collectors.toUnmodifiableList()));

    /** The rules of a layer. */
    public static List<Derivation> of(LayerDef layer) {
        return BY_LAYER.getOrDefault(layer.id(), List.of());
    }

    /** Whether a rule can fill {@code field} of {@code layer}. */
    public static boolean derives(LayerDef layer, String field) {
        return of(layer).stream().anyMatch(d -> d.field().equals(field));
    }

    /** Whether a rule can fill {@code field} from fields a file gives ({@code given}: the fields mapped). */
    public static boolean derives(LayerDef layer, String field, Collection<String> given) {
        return of(layer).stream().anyMatch(d -> d.field().equals(field) && given.containsAll(d.from()));
    }

    /** Whether the road's surface carries the trait, or null when it has no surface. */
    private static Function<Map<String, Object>, Object> surfaceIs(CodeTrait trait) {
        return attrs -> attrs.get("surface") instanceof String s ? CodeLists.ROAD_SURFACE.has(s, trait) : null;
    }

    /** G 国道, S 省道, X 县道, Y 乡道, C 村道, Z 专用公路: the class a route code's first letter names. */
    private static Object adminClassOfRoute(Map<String, Object> attrs) {
        if (!(attrs.get("route_code") instanceof String route) || route.isBlank()) {
            return null;
        }
        String letter = route.strip().substring(0, 1).toUpperCase(Locale.ROOT);
        return Character.isLetter(letter.charAt(0))
                ? CodeLists.ROAD_ADMIN_CLASS.resolve(letter).map(Code::value).orElse(null)
                : null;
    }

    /** The segment key: the route code and the segment's number along it, else its start stake. */
    private static Object segmentKey(Map<String, Object> attrs) {
        if (!(attrs.get("route_code") instanceof String route) || route.isBlank()) {
            return null;
        }
        if (attrs.get("segment_seq") instanceof Number n) {
            return route.strip() + "-" + n.longValue();
        }
        if (attrs.get("start_stake") instanceof String stake && !stake.isBlank()) {
            String k = stake.strip();
            return route.strip() + "-" + (k.startsWith("K") || k.startsWith("k") ? "K" + k.substring(1) : "K" + k);
        }
        return null;
    }

    /**
     * The derived fields that a change to {@code changed} leaves stale: those computed from a changed field and not
     * named by the change themselves. An edit that changes a road's surface without saying whether it is hardened
     * clears {@code hardened}, so that {@link #apply} computes it again instead of keeping the old surface's answer.
     */
    public static List<String> staleAfter(LayerDef layer, Collection<String> changed) {
        return of(layer).stream()
                // a feature's key is never recomputed by an edit: it names the feature
                .filter(d -> !d.field().equals(layer.keyField()))
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
            if (!d.compared()) {
                continue;
            }
            Object given = attributes.get(d.field());
            Object derived = given == null ? null : d.rule().apply(attributes);
            if (derived != null && !derived.equals(given)) {
                out.add(new Disagreement(d.field(), given, derived, d.from()));
            }
        }
        return out;
    }

    /**
     * Fills, in place, the derivable fields that have no value in {@code attributes}.
     *
     * @return the fields filled, in rule order
     */
    public static List<String> apply(LayerDef layer, Map<String, Object> attributes) {
        List<String> filled = new ArrayList<>();
        for (Derivation d : of(layer)) {
            if (attributes.get(d.field()) == null) {
                Object v = d.rule().apply(attributes);
                if (v != null) {
                    attributes.put(d.field(), v);
                    filled.add(d.field());
                }
            }
        }
        return filled;
    }
}
