package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The condition that keeps a layer's rows to a {@link Scope}'s counties, the same SQL on both stores; every county
 * code is a bind parameter, every column and table name comes from the catalogue. The rules are {@link Scope}'s: a
 * row's own county, township or village code (the first that is set, its first six digits), else its location, else
 * the row its reference names. Used by the feature repository and both tile sources.
 *
 * @param sql    a condition on the layer's table under {@code alias} ({@code 1 = 1} for an unlimited scope)
 * @param params the county codes of its placeholders, in order
 */
public record ScopeSql(String sql, List<Object> params) {

    /** The code fields that name a row's county, most direct first. */
    static final List<String> CODE_FIELDS = List.of("county_code", "township_code", "village_code");

    /** Layers whose key is itself an NBS code (county 6 digits, township 9, village 12). */
    static final Set<String> NBS_KEYED = Set.of(LayerIds.COUNTY, LayerIds.TOWNSHIP, LayerIds.VILLAGE);

    private static final ScopeSql EVERYTHING = new ScopeSql("1 = 1", List.of());

    /**
     * The condition for rows of {@code layer} under the table alias {@code alias}.
     *
     * @param alias the alias the query gives the layer's table (a plain identifier)
     */
    public static ScopeSql of(LayerDef layer, Scope scope, String alias) {
        if (!scope.limited()) {
            return EVERYTHING;
        }
        List<String> codes = new ArrayList<>(scope.counties());
        String in = " IN (" + String.join(", ", Collections.nCopies(codes.size(), "?")) + ")";
        List<Object> params = new ArrayList<>();
        Optional<String> code = countyOf(layer, alias);
        String location = layer.geometry().hasGeometry() ? location(alias, in, codes, params) : null;
        if (code.isPresent()) {
            List<Object> ordered = new ArrayList<>(codes);
            if (location == null) {
                return new ScopeSql("(" + code.get() + in + ")", List.copyOf(ordered));
            }
            // a row whose codes are all unset is placed by its location
            ordered.addAll(params);
            return new ScopeSql(
                    "(" + code.get() + in + " OR (" + code.get() + " IS NULL AND " + location + "))",
                    List.copyOf(ordered));
        }
        if (location != null) {
            return new ScopeSql(location, List.copyOf(params));
        }
        return throughReference(layer, scope, alias).orElse(new ScopeSql("1 = 0", List.of()));
    }

    /** {@code COALESCE(alias.county_code, SUBSTR(alias.township_code, 1, 6), …)} over the codes the layer has. */
    private static Optional<String> countyOf(LayerDef layer, String alias) {
        if (NBS_KEYED.contains(layer.id())) {
            return Optional.of("SUBSTR(" + alias + "." + layer.keyField() + ", 1, 6)");
        }
        List<String> parts = new ArrayList<>();
        for (String name : CODE_FIELDS) {
            if (layer.field(name).isPresent()) {
                parts.add(name.equals("county_code") ? alias + "." + name : "SUBSTR(" + alias + "." + name + ", 1, 6)");
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts.size() == 1 ? parts.getFirst() : "COALESCE(" + String.join(", ", parts) + ")");
    }

    /** The row's geometry meets one of the counties' polygons. */
    private static String location(String alias, String in, List<String> codes, List<Object> params) {
        params.addAll(codes);
        String county = LayerCatalogue.standard().get(LayerIds.COUNTY).table();
        String a = alias + "_sc";
        return "EXISTS (SELECT 1 FROM " + county + " " + a + " WHERE " + a + ".code" + in + " AND " + a + ".geom && "
                + alias + ".geom AND ST_Intersects(" + a + ".geom, " + alias + ".geom))";
    }

    /** A layer without geometry or codes (road inspections): the row its first reference names is in the scope. */
    private static Optional<ScopeSql> throughReference(LayerDef layer, Scope scope, String alias) {
        for (FieldDef f : layer.fields()) {
            if (f.references() == null) {
                continue;
            }
            Optional<LayerDef> target = LayerCatalogue.standard().find(f.references());
            if (target.isEmpty()
                    || target.get().keyField() == null
                    || target.get().id().equals(layer.id())) {
                continue;
            }
            String r = alias + "_r";
            ScopeSql inner = of(target.get(), scope, r);
            return Optional.of(new ScopeSql(
                    alias + "." + f.name() + " IN (SELECT " + r + "."
                            + target.get().keyField() + " FROM " + target.get().table() + " " + r + " WHERE "
                            + inner.sql() + ")",
                    inner.params()));
        }
        return Optional.empty();
    }
}
