package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.layers.catalogue.CodeList;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureQuery.AttributeFilter;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The findings of the latest runs as lists: the rows of an analysis's result layer (gaps, duties, uncovered
 * households, suggested sites), filtered by county, township, group and severity or kind, most serious first. The
 * pages and the CSV and Excel exports read the same rows.
 */
@Service
public class Findings {

    /** The fields a list can be filtered by, when its layer has them. */
    static final String SEVERITY = "severity";

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final DataScopes scopes;

    /** With the default household roles ({@link DataScopes#standard}), for pages built without Spring. */
    public Findings(FeatureRepository features, LayerCatalogue catalogue) {
        this(features, catalogue, DataScopes.standard());
    }

    /** @param features the layers
     * @param catalogue the catalogue
     * @param scopes what each user reads ({@link #list}) */
    @Autowired
    public Findings(FeatureRepository features, LayerCatalogue catalogue, DataScopes scopes) {
        this.features = features;
        this.catalogue = catalogue;
        this.scopes = scopes;
    }

    /**
     * What to keep: each null (or blank) member keeps every row.
     *
     * @param county a county code
     * @param township a township code
     * @param group key-support or demonstration villages (rows of layers with those flags); ALL keeps every row
     * @param severity a severity code
     * @param kind a code of the layer's kind field ({@link #kindField})
     * @param scope the reader's counties and fields ({@link Scope}); {@link Scope#ALL} for everything
     */
    public record Filter(String county, String township, UnitGroup group, String severity, String kind, Scope scope) {

        /** Every row. */
        public static final Filter ALL = new Filter(null, null, null, null, null);

        /** A filter of everything the store holds. */
        public Filter(String county, String township, UnitGroup group, String severity, String kind) {
            this(county, township, group, severity, kind, Scope.ALL);
        }

        public Filter {
            scope = scope == null ? Scope.ALL : scope;
        }

        /** The same filter for a reader with this scope. */
        public Filter within(Scope newScope) {
            return new Filter(county, township, group, severity, kind, newScope);
        }
    }

    /**
     * One row of a list as a page shows it.
     *
     * @param values the row's attributes by field name
     * @param extent the row's shape's envelope (lon/lat), or null when it has none
     */
    public record Row(Map<String, Object> values, Envelope extent) {

        /** @return the value of a field, or null */
        public Object get(String field) {
            return values.get(field);
        }

        /** @return the value of a field as text, or null */
        public String getString(String field) {
            Object v = values.get(field);
            return v == null ? null : String.valueOf(v);
        }
    }

    /** @return the rows of {@link #rows} as a page shows them, within the user's counties */
    public List<Row> list(AppUser user, String layerId, Filter filter) {
        return rows(layerId, filter.within(scopes.of(user))).stream()
                .map(f -> new Row(
                        f.attributes(),
                        f.geometry() == null || f.geometry().isEmpty()
                                ? null
                                : f.geometry().getEnvelopeInternal()))
                .toList();
    }

    /** @return the layer's field that says what a row is ({@code kind}, {@code duty}, {@code purpose}), if any */
    public static Optional<FieldDef> kindField(LayerDef layer) {
        for (String name : List.of("duty", "kind", "purpose", "poverty_status")) {
            Optional<FieldDef> f = layer.field(name);
            if (f.isPresent() && f.get().type() == FieldType.CODE) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** @return whether the layer's rows carry the village groups */
    public static boolean hasGroups(LayerDef layer) {
        return layer.field("key_support").isPresent()
                && layer.field("demonstration").isPresent();
    }

    /**
     * @param layerId a derived layer
     * @param filter what to keep
     * @return its rows: most serious first (severity high → low), then by rank, the most households, code
     */
    public List<Feature> rows(String layerId, Filter filter) {
        LayerDef layer = catalogue.get(layerId);
        // The store filters (a list of one county's gaps reads that county's rows, not the layer); the order by
        // severity follows the code list, so it is made here.
        List<AttributeFilter> where = new ArrayList<>();
        equal(where, layer, "county_code", filter.county());
        equal(where, layer, "township_code", filter.township());
        equal(where, layer, SEVERITY, filter.severity());
        kindField(layer).ifPresent(k -> equal(where, layer, k.name(), filter.kind()));
        if (hasGroups(layer) && filter.group() != null && filter.group() != UnitGroup.ALL) {
            where.add(AttributeFilter.equalTo(
                    filter.group() == UnitGroup.KEY_SUPPORT ? "key_support" : "demonstration", "true"));
        }
        List<Feature> out = new ArrayList<>(features.page(
                layer, FeatureQuery.first(Integer.MAX_VALUE).withFilters(where).within(filter.scope())));
        out.sort(order(layer));
        return out;
    }

    /** Adds "field = value" when the layer has the field and a value is asked for. */
    private static void equal(List<AttributeFilter> where, LayerDef layer, String field, String value) {
        if (value != null && !value.isBlank() && layer.field(field).isPresent()) {
            where.add(AttributeFilter.equalTo(field, value));
        }
    }

    private static Comparator<Feature> order(LayerDef layer) {
        Comparator<Feature> c = Comparator.comparingInt(f -> 0);
        Optional<CodeList> severity =
                layer.field(SEVERITY).map(FieldDef::codeList).filter(Objects::nonNull);
        if (severity.isPresent()) {
            CodeList list = severity.get();
            c = c.thenComparingInt(f -> list.rank(f.getString(SEVERITY)).orElse(Integer.MAX_VALUE));
        }
        if (layer.field("rank").isPresent()) {
            c = c.thenComparingInt(f -> number(f.get("rank"), Integer.MAX_VALUE));
        }
        if (layer.field("households").isPresent()) {
            c = c.thenComparing(f -> number(f.get("households"), 0), Comparator.reverseOrder());
        }
        return c.thenComparing(f -> Objects.toString(f.getString("code"), ""));
    }

    private static int number(Object v, int fallback) {
        return v instanceof Number n ? n.intValue() : fallback;
    }
}
