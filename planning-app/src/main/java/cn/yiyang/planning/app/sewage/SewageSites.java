package cn.yiyang.planning.app.sewage;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.geo.facility.Household;
import cn.yiyang.planning.geo.facility.SewageMode;
import cn.yiyang.planning.geo.facility.SewageResult;
import cn.yiyang.planning.geo.facility.SewageResult.Gap;
import cn.yiyang.planning.geo.facility.SewageResult.HouseholdTreatment;
import cn.yiyang.planning.geo.facility.SiteSuggestion;
import cn.yiyang.planning.geo.facility.SiteSuggestion.Request;
import cn.yiyang.planning.geo.facility.SiteSuggestion.Site;
import cn.yiyang.planning.geo.network.RoadNetwork;
import cn.yiyang.planning.geo.network.RoadSegment;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggested sites for a new centralised facility (村级集中处理) in each village the sewage analysis recommends one
 * for: up to three alternatives on the road network inside the village ({@link SiteSuggestion}), ranked by the
 * village's untreated households each reaches within the travel distance along roads (a sewer follows the roads).
 * Rows of the derived layer {@code sewage_site}.
 */
final class SewageSites {

    private final List<RoadSegment> roads;
    private final AnalysisInputs.Units units;

    SewageSites(List<RoadSegment> roads, AnalysisInputs.Units units) {
        this.roads = roads;
        this.units = units;
    }

    /**
     * @param result the sewage result
     * @param travelM the travel distance along roads
     * @param runId the run
     * @return the rows, village by village in the gap list's order, best site first
     */
    List<Feature> sites(SewageResult result, double travelM, String runId) {
        List<Gap> central = result.gaps().stream()
                .filter(g -> g.recommendation() != null && g.recommendation().mode() == SewageMode.VILLAGE_CENTRAL)
                .toList();
        if (central.isEmpty() || roads.isEmpty()) {
            return List.of();
        }
        Set<String> villages = Set.copyOf(central.stream().map(Gap::villageCode).toList());
        List<Household> demand = new ArrayList<>();
        for (HouseholdTreatment h : result.households()) {
            if (h.counted() && !h.treated() && villages.contains(h.villageCode())) {
                demand.add(new Household(h.code(), h.villageCode(), h.population(), false, null, h.lonLat()));
            }
        }
        SiteSuggestion tool = SiteSuggestion.of(RoadNetwork.build(roads), demand, SiteSuggestion.Settings.defaults());
        List<List<Site>> found = central.parallelStream()
                .map(g -> units.villages().shape(g.villageCode()) == null
                        ? List.<Site>of()
                        : tool.suggest(new Request(
                                units.villages().shape(g.villageCode()),
                                Set.of(g.villageCode()),
                                travelM,
                                SiteSuggestion.MAX_SITES)))
                .toList();
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < central.size(); i++) {
            Gap g = central.get(i);
            for (Site s : found.get(i)) {
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("code", "sewage_facility:" + g.villageCode() + ":" + s.rank());
                attrs.put("purpose", "sewage_facility");
                attrs.put("for_code", g.villageCode());
                attrs.put("for_name", g.name());
                attrs.put("rank", s.rank());
                attrs.put("households", s.households());
                attrs.put("population", s.population());
                attrs.put("travel_m", travelM);
                attrs.put("village_code", g.villageCode());
                attrs.put("township_code", g.townshipCode());
                attrs.put("county_code", g.countyCode());
                attrs.put("run_id", runId);
                out.add(Feature.of(attrs, LayerGeometry.FACTORY.createPoint(s.lonLat())));
            }
        }
        return out;
    }
}
