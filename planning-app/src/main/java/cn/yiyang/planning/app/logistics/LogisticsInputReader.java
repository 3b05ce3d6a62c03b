package cn.yiyang.planning.app.logistics;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.geo.facility.LogisticsInput;
import cn.yiyang.planning.geo.facility.LogisticsInput.ColdChainSite;
import cn.yiyang.planning.geo.facility.LogisticsInput.CourierPoint;
import cn.yiyang.planning.geo.facility.LogisticsInput.Tier;
import cn.yiyang.planning.geo.network.RoadNetwork;
import cn.yiyang.planning.geo.network.RoadSegment;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads what a cold-chain and courier run needs into a {@link LogisticsInput}: the units, households and roads as
 * every facility analysis reads them ({@link AnalysisInputs}), and the sites and points, deciding by the code lists: a
 * site operates when its status is {@link CodeTrait#IN_SERVICE in service} or empty (a missing status counts as
 * operating); its tier is its {@code tier} code (county, township, village; anything else: no tier).
 */
final class LogisticsInputReader {

    private final AnalysisInputs inputs;
    private final FeatureRepository features;
    private final LayerCatalogue catalogue;

    LogisticsInputReader(AnalysisInputs inputs, FeatureRepository features, LayerCatalogue catalogue) {
        this.inputs = inputs;
        this.features = features;
        this.catalogue = catalogue;
    }

    /**
     * What was read.
     *
     * @param input the analysis's input
     * @param units the units as the framework read them (names, parents)
     * @param roads the roads read
     */
    record Read(LogisticsInput input, AnalysisInputs.Units units, int roads) {}

    Read read() {
        AnalysisInputs.Units units = inputs.units();
        List<ColdChainSite> sites = new ArrayList<>();
        features.forEach(catalogue.get(LayerIds.COLD_CHAIN_SITE), f -> {
            Coordinate at = point(f.geometry());
            if (at == null || f.getString("code") == null) {
                return;
            }
            String status = f.getString("status");
            sites.add(new ColdChainSite(
                    f.getString("code"),
                    f.getString("name"),
                    tier(f.getString("tier")),
                    status == null || CodeLists.FACILITY_STATUS.has(status, CodeTrait.IN_SERVICE),
                    f.getString("county_code"),
                    f.getString("township_code"),
                    f.getString("village_code"),
                    at));
        });
        List<CourierPoint> couriers = new ArrayList<>();
        features.forEach(catalogue.get(LayerIds.COURIER_POINT), f -> {
            Coordinate at = point(f.geometry());
            if (at != null && f.getString("code") != null) {
                couriers.add(
                        new CourierPoint(f.getString("code"), f.getString("name"), f.getString("village_code"), at));
            }
        });
        List<RoadSegment> roads = inputs.roads();
        LogisticsInput input = new LogisticsInput(
                units.rollup(),
                units.counties(),
                units.townships(),
                units.villages(),
                sites,
                couriers,
                inputs.households(),
                roads.isEmpty() ? null : RoadNetwork.build(roads));
        return new Read(input, units, roads.size());
    }

    private static Tier tier(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "county" -> Tier.COUNTY;
            case "township" -> Tier.TOWNSHIP;
            case "village" -> Tier.VILLAGE;
            default -> null;
        };
    }

    private static Coordinate point(Geometry g) {
        return g == null || g.isEmpty() ? null : g.getCoordinate();
    }
}
