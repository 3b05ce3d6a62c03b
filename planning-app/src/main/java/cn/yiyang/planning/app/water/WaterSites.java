package cn.yiyang.planning.app.water;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.facility.Household;
import cn.yiyang.planning.geo.facility.SiteSuggestion;
import cn.yiyang.planning.geo.facility.SiteSuggestion.Request;
import cn.yiyang.planning.geo.facility.SiteSuggestion.Site;
import cn.yiyang.planning.geo.facility.WaterResult.HouseholdSupply;
import cn.yiyang.planning.geo.network.RoadNetwork;
import cn.yiyang.planning.geo.network.RoadSegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Suggested sites for a new water supply works: for each township with at least a set number of households without
 * centralised supply, up to three alternative sites on the road network reaching most of the township's unserved
 * households within a travel distance along the roads ({@link SiteSuggestion}, maximal coverage). Mains are laid along
 * roads, so the distance along roads stands for the length of main a site would need.
 */
final class WaterSites {

    /**
     * Suggested sites of one township.
     *
     * @param townshipCode the township
     * @param unserved its households without centralised supply
     * @param sites the alternatives, best first
     */
    record TownshipSites(String townshipCode, int unserved, List<Site> sites) {}

    private WaterSites() {}

    /**
     * @param households every household's supply
     * @param units the units
     * @param roads reads the roads (the network the travel distance is measured on), when a township gets sites
     * @param minUnserved a township gets suggestions from this many unserved households on
     * @param travelM the travel distance along roads, ground metres
     * @return the townships with their sites, by township code
     */
    static List<TownshipSites> suggest(
            List<HouseholdSupply> households,
            AnalysisInputs.Units units,
            Supplier<List<RoadSegment>> roads,
            int minUnserved,
            double travelM) {
        Map<String, Integer> unservedByTownship = new TreeMap<>();
        for (HouseholdSupply h : households) {
            String township = units.townshipOf(h.villageCode());
            if (!h.served() && township != null) {
                unservedByTownship.merge(township, 1, Integer::sum);
            }
        }
        Set<String> wanted = new TreeSet<>();
        unservedByTownship.forEach((t, n) -> {
            if (n >= minUnserved && units.townships().shape(t) != null) {
                wanted.add(t);
            }
        });
        List<Household> demand = new ArrayList<>();
        for (HouseholdSupply h : households) {
            if (!h.served() && wanted.contains(units.townshipOf(h.villageCode()))) {
                demand.add(new Household(
                        h.code(), h.villageCode(), h.population(), h.povertyOrMonitored(), null, h.lonLat()));
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<RoadSegment> near = near(roads.get(), wanted, units, travelM);
        if (near.isEmpty()) {
            return List.of();
        }
        SiteSuggestion tool = SiteSuggestion.of(RoadNetwork.build(near), demand, SiteSuggestion.Settings.defaults());
        List<TownshipSites> out = new ArrayList<>();
        for (String township : wanted) {
            Set<String> villages = new HashSet<>();
            for (Village v : units.villageByCode().values()) {
                if (township.equals(v.townshipCode())) {
                    villages.add(v.code());
                }
            }
            List<Site> sites = tool.suggest(
                    new Request(units.townships().shape(township), villages, travelM, SiteSuggestion.MAX_SITES));
            out.add(new TownshipSites(township, unservedByTownship.get(township), sites));
        }
        return out;
    }

    /**
     * The roads that can matter: those within the travel distance of a township that gets suggestions. A site lies
     * inside its township and reaches no further than the travel distance, and a household of the township whose
     * nearest road is further than that is reached by no site; so leaving the other roads out changes no answer and
     * spares noding the whole city's roads.
     */
    private static List<RoadSegment> near(
            List<RoadSegment> roads, Set<String> townships, AnalysisInputs.Units units, double travelM) {
        STRtree boxes = new STRtree();
        for (String t : townships) {
            Envelope e = new Envelope(units.townships().shape(t).getEnvelopeInternal());
            // a degree of latitude is 111 km and of longitude at Yiyang's 28-29.5°N over 97 km: 90 km errs wide
            e.expandBy(travelM / 90_000);
            boxes.insert(e, e);
        }
        boxes.build();
        List<RoadSegment> out = new ArrayList<>();
        for (RoadSegment r : roads) {
            if (!boxes.query(r.lonLat().getEnvelopeInternal()).isEmpty()) {
                out.add(r);
            }
        }
        return out;
    }
}
