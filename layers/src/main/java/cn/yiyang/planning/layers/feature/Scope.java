package cn.yiyang.planning.layers.feature;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What part of the data a reader or writer may see, as the repositories apply it: the counties it is limited to
 * (county codes, 6 digits; none: every county) and whether it sees household-level personal data
 * ({@link FieldDef#personal}, and the extra attributes of a layer holding them, where an import keeps columns such
 * as 户主姓名). Who gets which scope is decided in the application ({@code Permissions}); the store only applies it.
 *
 * <p>A feature is in a county by its own county code, or the first six digits of its township or village code
 * (NBS codes: province 2, prefecture 2, county 2 …); the county, township and village layers by their key; a
 * feature without any of those by its location (its geometry intersects one of the counties' polygons), and a
 * layer without geometry or codes through the feature its reference names (a road inspection through its road).
 *
 * @param counties the county codes the scope is limited to; empty: every county
 * @param personal whether household-level personal data are seen
 */
public record Scope(Set<String> counties, boolean personal) {

    /** Everything: every county, personal data included (an unscoped account with a household role, the system). */
    public static final Scope ALL = new Scope(Set.of(), true);

    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");

    public Scope {
        Objects.requireNonNull(counties, "counties");
        for (String c : counties) {
            if (!COUNTY_CODE.matcher(c).matches()) {
                throw new IllegalArgumentException("not a county code: " + c);
            }
        }
        counties = Set.copyOf(new TreeSet<>(counties));
    }

    /** Whether the scope is limited to some counties. */
    public boolean limited() {
        return !counties.isEmpty();
    }

    /** Whether a county code (or a longer NBS code that starts with it) lies in the scope. */
    public boolean admitsCode(String code) {
        return !limited() || (code != null && code.length() >= 6 && counties.contains(code.substring(0, 6)));
    }

    /** The layer as this scope sees it: without its personal fields when those are withheld. */
    public LayerDef view(LayerDef layer) {
        return personal ? layer : layer.withoutPersonalData();
    }

    /**
     * The feature as this scope sees it: without personal attributes, and without the extra attributes of a layer
     * that holds personal data, when those are withheld.
     */
    public Feature strip(LayerDef layer, Feature feature) {
        if (personal || !layer.holdsPersonalData()) {
            return feature;
        }
        Map<String, Object> attributes = new LinkedHashMap<>(feature.attributes());
        layer.fields().stream().filter(FieldDef::personal).forEach(f -> attributes.remove(f.name()));
        return new Feature(feature.id(), attributes, Map.of(), feature.geometry());
    }

    /**
     * This scope as it bears on one layer: {@link #ALL} when it changes nothing there (every county, and the layer
     * holds no personal data or the scope sees them), so that such readers share entity tags and caches.
     */
    public Scope on(LayerDef layer) {
        return !limited() && (personal || !layer.holdsPersonalData()) ? ALL : this;
    }

    /** A short text for entity tags and logs, e.g. {@code 430921+430923/p} or {@code all/-}. */
    public String key() {
        return (limited() ? String.join("+", new TreeSet<>(counties)) : "all") + (personal ? "/p" : "/-");
    }
}
