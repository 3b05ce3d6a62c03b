package cn.yiyang.planning.app.sewage;

import cn.yiyang.planning.geo.facility.SewageResult;
import cn.yiyang.planning.geo.facility.SewageResult.FacilityLoad;
import cn.yiyang.planning.geo.facility.SewageResult.Gap;
import cn.yiyang.planning.geo.facility.SewageResult.HouseholdTreatment;
import cn.yiyang.planning.geo.facility.SewageResult.Recommendation;
import cn.yiyang.planning.geo.facility.SewageSettings;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * A sewage run's result as the rows of its derived layers (fields: {@code LayerCatalogue.facilityResultLayers()}):
 * {@code sewage_household}, the counted (rural) households left untreated, and {@code sewage_gap}, the gap list, whose
 * {@code reason} is the Chinese sentence of a village's mode and whose {@code extra} keeps the figures it was built
 * from (distance to the town network, spare capacity, flow, clusters; a facility's load and capacity).
 */
final class SewageLayers {

    private SewageLayers() {}

    /**
     * @param result the run's result
     * @param runId the run
     * @return one row per counted household without treatment
     */
    static List<Feature> households(SewageResult result, String runId) {
        List<Feature> out = new ArrayList<>();
        for (HouseholdTreatment h : result.households()) {
            if (h.counted() && !h.treated()) {
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("code", h.code());
                attrs.put("village_code", h.villageCode());
                attrs.put("township_code", h.townshipCode());
                attrs.put("county_code", h.countyCode());
                attrs.put("population", h.population());
                attrs.put("run_id", runId);
                out.add(Feature.of(attrs, point(h.lonLat())));
            }
        }
        return out;
    }

    /**
     * @param result the run's result
     * @param runId the run
     * @param reasonOf a village's recommendation → its sentence (Chinese, the language of the data)
     * @return one row per gap, in the list's order
     */
    static List<Feature> gaps(SewageResult result, String runId, Function<Recommendation, String> reasonOf) {
        List<Feature> out = new ArrayList<>(result.gaps().size());
        for (Gap g : result.gaps()) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("code", g.code());
            attrs.put("kind", g.kind().id());
            attrs.put("severity", g.severity().id());
            attrs.put("name", g.name());
            Recommendation r = g.recommendation();
            attrs.put("mode", r == null ? null : r.mode().id());
            attrs.put("reason", r == null ? null : reasonOf.apply(r));
            attrs.put("facility_code", g.facilityCode());
            attrs.put("households", g.households());
            attrs.put("population", (int) g.population());
            attrs.put("village_code", g.villageCode());
            attrs.put("township_code", g.townshipCode());
            attrs.put("county_code", g.countyCode());
            attrs.put("key_support", g.keySupport());
            attrs.put("demonstration", g.demonstration());
            attrs.put("run_id", runId);
            out.add(new Feature(null, attrs, extra(g, result.settings()), point(g.lonLat())));
        }
        return out;
    }

    private static Map<String, Object> extra(Gap g, SewageSettings settings) {
        Map<String, Object> extra = new LinkedHashMap<>();
        Recommendation r = g.recommendation();
        if (r != null) {
            extra.put("flow_m3d", round(r.flowM3d(), 100));
            extra.put("plant_code", r.plantCode());
            extra.put("plant_distance_m", Double.isFinite(r.plantDistanceM()) ? round(r.plantDistanceM(), 1) : null);
            extra.put("plant_spare_m3d", Double.isFinite(r.plantSpareM3d()) ? round(r.plantSpareM3d(), 100) : null);
            extra.put("clusters", r.clusters());
            extra.put("clustered_households", r.clusteredHouseholds());
            extra.put("connect_distance_m", settings.connectDistanceM());
        }
        FacilityLoad load = g.load();
        if (load != null) {
            extra.put("flow_m3d", round(load.flowM3d(), 100));
            extra.put("capacity_m3d", load.capacityM3d());
            extra.put("load_ratio", round(load.loadRatio(), 1000));
        }
        return extra;
    }

    private static Geometry point(Coordinate at) {
        return at == null ? null : LayerGeometry.FACTORY.createPoint(at);
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
