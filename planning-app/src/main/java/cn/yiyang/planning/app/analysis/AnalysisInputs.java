package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.facility.Household;
import cn.yiyang.planning.geo.facility.UnitAreas;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;

/**
 * What the facility analyses read alike, read one way: the administrative units (with their groups and whether they
 * are rural) and their polygons, the households, and the roads. Each call reads the store afresh (a run reads what is
 * there when it starts).
 */
@Service
public class AnalysisInputs {

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final String cityName;

    /**
     * @param features the layers
     * @param catalogue the catalogue
     * @param messages for the city's name (stored with the indicators; names are data, Chinese)
     */
    public AnalysisInputs(FeatureRepository features, LayerCatalogue catalogue, Messages messages) {
        this.features = features;
        this.catalogue = catalogue;
        this.cityName = messages.get("place.city", Messages.ZH);
    }

    /**
     * The administrative units.
     *
     * @param rollup the units to report indicators of (the city, counties, townships, villages with their flags)
     * @param counties the counties' polygons
     * @param townships the townships' polygons
     * @param villages the villages' polygons
     * @param names unit code → name, every level
     * @param villageByCode village code → the village (township, groups, rural, a point inside it)
     * @param countyByTownship township code → its county code
     */
    public record Units(
            UnitRollup.Units rollup,
            UnitAreas counties,
            UnitAreas townships,
            UnitAreas villages,
            Map<String, String> names,
            Map<String, Village> villageByCode,
            Map<String, String> countyByTownship) {

        /** @return the county of a township, or null */
        public String countyOf(String townshipCode) {
            return townshipCode == null ? null : countyByTownship.get(townshipCode);
        }

        /** @return the township of a village, or null */
        public String townshipOf(String villageCode) {
            Village v = villageCode == null ? null : villageByCode.get(villageCode);
            return v == null ? null : v.townshipCode();
        }
    }

    /** @return the units and their polygons */
    public Units units() {
        List<County> counties = new ArrayList<>();
        Map<String, Geometry> countyShapes = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        each(LayerIds.COUNTY, f -> {
            counties.add(new County(f.getString("code"), f.getString("name")));
            countyShapes.put(f.getString("code"), f.geometry());
            names.put(f.getString("code"), f.getString("name"));
        });
        List<Township> townships = new ArrayList<>();
        Map<String, Geometry> townshipShapes = new HashMap<>();
        Map<String, String> countyByTownship = new HashMap<>();
        each(LayerIds.TOWNSHIP, f -> {
            countyByTownship.put(f.getString("code"), f.getString("county_code"));
            townships.add(new Township(f.getString("code"), f.getString("name"), f.getString("county_code"), null));
            townshipShapes.put(f.getString("code"), f.geometry());
            names.put(f.getString("code"), f.getString("name"));
        });
        List<Village> villages = new ArrayList<>();
        Map<String, Geometry> villageShapes = new HashMap<>();
        Map<String, Village> byCode = new LinkedHashMap<>();
        each(LayerIds.VILLAGE, f -> {
            Geometry g = f.geometry();
            Village v = new Village(
                    f.getString("code"),
                    f.getString("name"),
                    f.getString("township_code"),
                    Boolean.TRUE.equals(f.get("key_support")),
                    Boolean.TRUE.equals(f.get("demonstration")),
                    !CodeLists.URBAN_RURAL.has(f.getString("urban_rural_code"), CodeTrait.URBAN),
                    g == null || g.isEmpty() ? null : g.getInteriorPoint().getCoordinate());
            villages.add(v);
            byCode.put(v.code(), v);
            villageShapes.put(v.code(), g);
            names.put(v.code(), v.name());
        });
        return new Units(
                new UnitRollup.Units(Region.CITY_CODE, cityName, counties, townships, villages),
                new UnitAreas(countyShapes),
                new UnitAreas(townshipShapes),
                new UnitAreas(villageShapes),
                names,
                byCode,
                countyByTownship);
    }

    /**
     * @return the households with a point: poverty-exited (脱贫户) and monitored (监测户) households by their poverty
     *     status, sanitary toilets as recorded (null when not)
     */
    public List<Household> households() {
        return households((h, f) -> {});
    }

    /**
     * The households as {@link #households()} reads them, each also given with its feature, for an analysis that
     * carries more of a household's fields into its results (its poverty status code, say) in the same pass.
     *
     * @param each called with every household read and its feature, in order
     * @return the households
     */
    public List<Household> households(BiConsumer<Household, Feature> each) {
        List<Household> out = new ArrayList<>(400_000);
        each(LayerIds.HOUSEHOLD, f -> {
            if (f.geometry() instanceof Point p && !p.isEmpty() && f.getString("code") != null) {
                String poverty = f.getString("poverty_status");
                out.add(new Household(
                        f.getString("code"),
                        f.getString("village_code"),
                        f.get("population") instanceof Number n ? Math.max(0, n.intValue()) : 0,
                        "exited".equals(poverty) || "monitored".equals(poverty),
                        f.get("sanitary_toilet") instanceof Boolean b ? b : null,
                        p.getCoordinate()));
                each.accept(out.getLast(), f);
            }
        });
        return out;
    }

    /** @return every road with a line, by its code (the network a travel distance along roads is measured on) */
    public List<RoadSegment> roads() {
        List<RoadSegment> out = new ArrayList<>();
        each(LayerIds.ROAD, f -> {
            Geometry g = f.geometry();
            if (f.getString("code") != null
                    && (g instanceof LineString || g instanceof MultiLineString)
                    && !g.isEmpty()) {
                out.add(new RoadSegment(f.getString("code"), g));
            }
        });
        return out;
    }

    private void each(String layer, Consumer<Feature> sink) {
        features.forEach(catalogue.get(layer), sink);
    }
}
