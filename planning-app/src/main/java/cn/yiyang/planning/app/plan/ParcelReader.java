package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.geo.plan.Constraint;
import cn.yiyang.planning.geo.plan.ConstraintLayer;
import cn.yiyang.planning.geo.plan.ParcelState;
import cn.yiyang.planning.geo.plan.PlanParcel;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureQuery.AttributeFilter;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads what the parcel checks and the conflict check need from the layers: a plan ({@code village_plan} by its
 * code), its parcels ({@code plan_land_use} by {@code plan_code}, an indexed lookup) and the 三区三线 polygons.
 */
@Component
class ParcelReader {

    /** More parcels than any plan has: a village plan has hundreds. */
    private static final int MAX_PARCELS = 100_000;

    private final FeatureRepository features;
    private final LayerDef plans;
    private final LayerDef landUse;
    private final Map<ConstraintLayer, LayerDef> constraintLayers = new EnumMap<>(ConstraintLayer.class);

    ParcelReader(LayerCatalogue catalogue, FeatureRepository features) {
        this.features = features;
        this.plans = catalogue.get(LayerIds.VILLAGE_PLAN);
        this.landUse = catalogue.get(LayerIds.PLAN_LAND_USE);
        constraintLayers.put(ConstraintLayer.BASIC_FARMLAND, catalogue.get(LayerIds.BASIC_FARMLAND));
        constraintLayers.put(ConstraintLayer.ECOLOGICAL_REDLINE, catalogue.get(LayerIds.ECOLOGICAL_REDLINE));
        constraintLayers.put(
                ConstraintLayer.TOWN_DEVELOPMENT_BOUNDARY, catalogue.get(LayerIds.TOWN_DEVELOPMENT_BOUNDARY));
    }

    LayerDef plans() {
        return plans;
    }

    LayerDef landUse() {
        return landUse;
    }

    /** The catalogue layer of a constraint layer. */
    LayerDef layer(ConstraintLayer layer) {
        return constraintLayers.get(layer);
    }

    /** The plan with this code. */
    Optional<Feature> plan(String code) {
        return features.findByKey(plans, code);
    }

    /** The plan's parcels, both states, in id order. */
    List<Feature> parcels(String planCode) {
        return features.page(
                landUse,
                FeatureQuery.first(MAX_PARCELS).withFilters(List.of(AttributeFilter.equalTo("plan_code", planCode))));
    }

    /** A stored or proposed parcel as the geo-core checks take it; its id is the feature's id, or {@code id}. */
    static PlanParcel parcel(Feature f, String id) {
        String code = f.getString("land_use_code");
        return new PlanParcel(id, code == null ? "" : code, state(f.getString("state")), f.geometry());
    }

    /** A stored parcel as the checks take it, its id the feature's. */
    static PlanParcel parcel(Feature f) {
        return parcel(f, String.valueOf(f.id()));
    }

    /** The {@code plan_state} code as the checks' state ({@code current} or {@code planned}). */
    static ParcelState state(String code) {
        return "current".equals(code) ? ParcelState.CURRENT : ParcelState.PLANNED;
    }

    /** Every polygon of the three constraint layers, each with its feature id as its id. */
    List<Constraint> constraints() {
        List<Constraint> all = new ArrayList<>();
        constraintLayers.forEach((kind, layer) -> features.forEach(layer, f -> {
            if (f.geometry() != null) {
                all.add(new Constraint(String.valueOf(f.id()), kind, f.geometry()));
            }
        }));
        return all;
    }

    /** The data versions of the three constraint layers, in layer order: any change to them changes this list. */
    List<Long> constraintVersions() {
        return constraintLayers.values().stream().map(features::version).toList();
    }
}
