package cn.yiyang.planning.app.table;

import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureQuery.AttributeFilter;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Pages of any layer's features for the attribute table, filtered by column, by the map extent and
 * by the drill-down unit, sorted, counted; and a feature's extent to zoom to. Paging happens in the
 * store (LIMIT/OFFSET with the layer's indexes), so the household layer's 371,000 rows cost a page
 * at a time.
 */
@Service
public class FeatureTableService {

    /** Code fields, finest first, and the length of the codes they hold. */
    private static final List<Map.Entry<String, Integer>> CODE_FIELDS =
            List.of(Map.entry("village_code", 12), Map.entry("township_code", 9), Map.entry("county_code", 6));

    private static final Map<String, Integer> ADMIN_CODE_LENGTH =
            Map.of(LayerIds.COUNTY, 6, LayerIds.TOWNSHIP, 9, LayerIds.VILLAGE, 12);

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final PlaceService places;
    private final DataScopes scopes;

    /** With the default household roles ({@link DataScopes#standard}), for views built without Spring. */
    public FeatureTableService(FeatureRepository features, LayerCatalogue catalogue, PlaceService places) {
        this(features, catalogue, places, DataScopes.standard());
    }

    /** @param scopes what each user reads: its counties' rows, without the fields it may not see */
    @Autowired
    public FeatureTableService(
            FeatureRepository features, LayerCatalogue catalogue, PlaceService places, DataScopes scopes) {
        this.features = features;
        this.catalogue = catalogue;
        this.places = places;
        this.scopes = scopes;
    }

    /**
     * Every catalogue layer as the user sees it (without the fields it may not see), in catalogue order: those
     * without geometry have tables too.
     */
    public List<LayerDef> layers(AppUser user) {
        Scope scope = scopes.of(user);
        return catalogue.layers().stream().map(scope::view).toList();
    }

    /** The layer with this id as the user sees it; throws {@link cn.yiyang.planning.layers.catalogue.UnknownLayerException}. */
    public LayerDef layer(AppUser user, String id) {
        return scopes.of(user).view(catalogue.get(id));
    }

    /** Rows {@code offset} to {@code offset + limit - 1} of the query's result, within the user's scope. */
    public List<TableRow> rows(AppUser user, String layerId, TableQuery query, int offset, int limit) {
        LayerDef layer = catalogue.get(layerId);
        FeatureQuery q =
                storeQuery(layer, query).window(offset, Math.max(1, limit)).within(scopes.of(user));
        return features.page(layer, q).stream()
                .map(f -> new TableRow(f.id(), f.attributes()))
                .toList();
    }

    /** How many rows the query has within the user's scope. */
    public long count(AppUser user, String layerId, TableQuery query) {
        LayerDef layer = catalogue.get(layerId);
        return features.count(layer, storeQuery(layer, query).within(scopes.of(user)));
    }

    /** The bounding box of a feature, to zoom to; empty when it has no geometry, no longer exists or is not the user's. */
    public Optional<Envelope> extent(AppUser user, String layerId, long id) {
        return features.findById(catalogue.get(layerId), id, scopes.of(user))
                .map(Feature::geometry)
                .filter(g -> g != null && !g.isEmpty())
                .map(g -> new Envelope(g.getEnvelopeInternal()));
    }

    private FeatureQuery storeQuery(LayerDef layer, TableQuery query) {
        List<AttributeFilter> filters = new ArrayList<>();
        query.filters().forEach((name, value) -> {
            FieldDef field = layer.requiredField(name);
            filters.add(
                    field.type() == FieldType.TEXT
                            ? AttributeFilter.contains(name, value)
                            : AttributeFilter.equalTo(name, value));
        });
        Envelope box = query.extent();
        if (query.scopeCode() != null) {
            Optional<Place> scope = places.find(query.scopeCode());
            if (scope.isPresent() && scope.get().level() != Place.Level.CITY) {
                Optional<AttributeFilter> byCode =
                        scopeFilter(layer, scope.get().code());
                if (byCode.isPresent()) {
                    filters.add(byCode.get());
                } else if (layer.geometry().hasGeometry() && scope.get().extent() != null) {
                    box = box == null
                            ? scope.get().extent()
                            : box.intersection(scope.get().extent());
                }
            }
        }
        return new FeatureQuery(filters, box, query.sortField(), query.ascending(), 0, 1);
    }

    /**
     * The filter that keeps a layer's features inside the unit with this code, when the layer has a
     * code field at least as fine as the unit; else empty (the caller falls back to the unit's box).
     */
    static Optional<AttributeFilter> scopeFilter(LayerDef layer, String code) {
        Integer own = ADMIN_CODE_LENGTH.get(layer.id());
        if (own != null) {
            return Optional.of(AttributeFilter.startsWith("code", code.substring(0, Math.min(own, code.length()))));
        }
        if (layer.field("village_codes").isPresent()) {
            return Optional.of(AttributeFilter.contains("village_codes", code));
        }
        for (Map.Entry<String, Integer> f : CODE_FIELDS) {
            if (layer.field(f.getKey()).isPresent() && f.getValue() >= code.length()) {
                return Optional.of(AttributeFilter.startsWith(f.getKey(), code));
            }
        }
        return Optional.empty();
    }
}
