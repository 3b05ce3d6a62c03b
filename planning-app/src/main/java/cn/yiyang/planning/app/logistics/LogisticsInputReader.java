package cn.yiyang.planning.app.logistics;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.facility.Household;
import cn.yiyang.planning.geo.facility.LogisticsInput;
import cn.yiyang.planning.geo.facility.LogisticsInput.ColdChainSite;
import cn.yiyang.planning.geo.facility.LogisticsInput.CourierPoint;
import cn.yiyang.planning.geo.facility.LogisticsInput.Tier;
import cn.yiyang.planning.geo.facility.UnitAreas;
import cn.yiyang.planning.geo.network.RoadNetwork;
import cn.yiyang.planning.geo.network.RoadSegment;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;

/**
 * Reads the layers a cold-chain and courier run needs into a {@link LogisticsInput}, deciding by the code lists: a
 * site operates when its status is {@link CodeTrait#IN_SERVICE in service} or empty (a missing status counts as
 * operating); its tier is the {@code tier} code (county, township, village; anything else: no tier). Villages are
 * rural unless their urban-rural code is {@link CodeTrait#URBAN urban}. The road network holds every road but those
 * the 通返不通 register holds impassable.
 */
final class LogisticsInputReader {

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final String cityName;

    LogisticsInputReader(FeatureRepository features, LayerCatalogue catalogue, String cityName) {
        this.features = features;
        this.catalogue = catalogue;
        this.cityName = cityName;
    }

    /** What was read: the input and the names of the units and sites the results are labelled with. */
    record Read(LogisticsInput input, Map<String, String> siteNames, int roads) {}

    Read read(Set<String> impassableRoads) {
        List<County> counties = new ArrayList<>();
        Map<String, Geometry> countyShapes = new HashMap<>();
        each(LayerIds.COUNTY, f -> {
            counties.add(new County(f.getString("code"), f.getString("name")));
            countyShapes.put(f.getString("code"), f.geometry());
        });
        Map<String, Coordinate> seats = new HashMap<>();
        each(LayerIds.TOWNSHIP_SEAT, f -> {
            Coordinate at = point(f.geometry());
            if (at != null && f.getString("township_code") != null) {
                seats.putIfAbsent(f.getString("township_code"), at);
            }
        });
        List<Township> townships = new ArrayList<>();
        Map<String, Geometry> townshipShapes = new HashMap<>();
        each(LayerIds.TOWNSHIP, f -> {
            String code = f.getString("code");
            townships.add(new Township(code, f.getString("name"), f.getString("county_code"), seats.get(code)));
            townshipShapes.put(code, f.geometry());
        });
        List<Village> villages = new ArrayList<>();
        Map<String, Geometry> villageShapes = new HashMap<>();
        each(LayerIds.VILLAGE, f -> {
            villages.add(new Village(
                    f.getString("code"),
                    f.getString("name"),
                    f.getString("township_code"),
                    Boolean.TRUE.equals(f.get("key_support")),
                    Boolean.TRUE.equals(f.get("demonstration")),
                    !CodeLists.URBAN_RURAL.has(f.getString("urban_rural_code"), CodeTrait.URBAN),
                    null));
            villageShapes.put(f.getString("code"), f.geometry());
        });
        List<ColdChainSite> sites = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        each(LayerIds.COLD_CHAIN_SITE, f -> {
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
            names.put(f.getString("code"), f.getString("name"));
        });
        List<CourierPoint> couriers = new ArrayList<>();
        each(LayerIds.COURIER_POINT, f -> {
            Coordinate at = point(f.geometry());
            if (at != null && f.getString("code") != null) {
                couriers.add(
                        new CourierPoint(f.getString("code"), f.getString("name"), f.getString("village_code"), at));
                names.put(f.getString("code"), f.getString("name"));
            }
        });
        List<Household> households = new ArrayList<>(400_000);
        each(LayerIds.HOUSEHOLD, f -> {
            Coordinate at = point(f.geometry());
            if (at != null && f.getString("code") != null) {
                households.add(new Household(
                        f.getString("code"),
                        f.getString("village_code"),
                        f.get("population") instanceof Number n ? Math.max(0, n.intValue()) : 0,
                        false,
                        null,
                        at));
            }
        });
        List<RoadSegment> roads = new ArrayList<>();
        each(LayerIds.ROAD, f -> {
            String code = f.getString("code");
            Geometry g = f.geometry();
            boolean linear = g instanceof LineString || g instanceof MultiLineString;
            if (code != null && linear && !g.isEmpty() && !impassableRoads.contains(code)) {
                roads.add(new RoadSegment(code, g));
            }
        });
        LogisticsInput input = new LogisticsInput(
                new UnitRollup.Units(Region.CITY_CODE, cityName, counties, townships, villages),
                new UnitAreas(countyShapes),
                new UnitAreas(townshipShapes),
                new UnitAreas(villageShapes),
                sites,
                couriers,
                households,
                roads.isEmpty() ? null : RoadNetwork.build(roads));
        return new Read(input, names, roads.size());
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

    private void each(String layer, Consumer<Feature> sink) {
        features.forEach(catalogue.get(layer), sink);
    }

    private static Coordinate point(Geometry g) {
        return g == null || g.isEmpty() ? null : g.getCoordinate();
    }
}
