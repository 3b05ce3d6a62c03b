package cn.yiyang.planning.app.water;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.facility.Household;
import cn.yiyang.planning.geo.facility.UnitAreas;
import cn.yiyang.planning.geo.facility.WaterInput;
import cn.yiyang.planning.geo.facility.WaterInput.Main;
import cn.yiyang.planning.geo.facility.WaterInput.QualityTest;
import cn.yiyang.planning.geo.facility.WaterInput.ServiceArea;
import cn.yiyang.planning.geo.facility.WaterInput.Work;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the layers a water-supply run needs into a {@link WaterInput}, deciding each works' flags by the code lists:
 * centralised = a kind with {@link CodeTrait#CENTRALISED}; 千人以上 = a kind with {@link CodeTrait#THOUSAND_PLUS}; in
 * service = a status with {@link CodeTrait#IN_SERVICE}, null when the status is empty (which the analysis counts as in
 * service); a test passed = result {@code pass}. A household is poverty-exited or monitored by its {@code
 * poverty_status} ({@code exited}, {@code monitored}).
 */
final class WaterInputReader {

    private static final String PASS = "pass";

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final String cityName;

    WaterInputReader(FeatureRepository features, LayerCatalogue catalogue, String cityName) {
        this.features = features;
        this.catalogue = catalogue;
        this.cityName = cityName;
    }

    /**
     * What was read: the input, and the township and county of each village (to label the result rows).
     *
     * @param input the analysis input
     * @param townshipOfVillage village code → township code
     * @param countyOfTownship township code → county code
     */
    record Read(WaterInput input, Map<String, String> townshipOfVillage, Map<String, String> countyOfTownship) {}

    Read read() {
        List<Household> households = new ArrayList<>(400_000);
        each(LayerIds.HOUSEHOLD, f -> {
            Coordinate at = point(f.geometry());
            if (at != null && f.getString("code") != null) {
                String poverty = f.getString("poverty_status");
                households.add(new Household(
                        f.getString("code"),
                        f.getString("village_code"),
                        Math.max(0, integer(f, "population")),
                        "exited".equals(poverty) || "monitored".equals(poverty),
                        bool(f, "sanitary_toilet"),
                        at));
            }
        });
        List<Work> works = new ArrayList<>();
        each(LayerIds.WATER_WORK, f -> {
            if (f.getString("code") == null) {
                return;
            }
            String kind = f.getString("kind");
            String status = f.getString("status");
            String result = f.getString("last_test_result");
            works.add(new Work(
                    f.getString("code"),
                    f.getString("name"),
                    kind,
                    CodeLists.WATER_KIND.has(kind, CodeTrait.CENTRALISED),
                    CodeLists.WATER_KIND.has(kind, CodeTrait.THOUSAND_PLUS),
                    status == null || status.isBlank() ? null : CodeLists.FACILITY_STATUS.has(status, CodeTrait.IN_SERVICE),
                    f.get("capacity_m3d") instanceof Number n ? n.doubleValue() : null,
                    f.get("served_population") instanceof Number n ? n.intValue() : null,
                    bool(f, "disinfection"),
                    bool(f, "protection_zone"),
                    f.get("last_tested_on") instanceof LocalDate d ? d : null,
                    result == null ? null : PASS.equals(result),
                    f.getString("county_code"),
                    point(f.geometry())));
        });
        List<ServiceArea> areas = new ArrayList<>();
        each(LayerIds.WATER_SERVICE_AREA, f -> {
            if (f.geometry() != null && !f.geometry().isEmpty()) {
                areas.add(new ServiceArea(f.getString("water_work_code"), f.geometry()));
            }
        });
        List<Main> mains = new ArrayList<>();
        each(LayerIds.WATER_PIPE, f -> {
            if (f.geometry() != null && !f.geometry().isEmpty()) {
                mains.add(new Main(f.getString("water_work_code"), f.geometry()));
            }
        });
        List<QualityTest> tests = new ArrayList<>();
        each(LayerIds.WATER_QUALITY_TEST, f -> {
            if (f.getString("water_work_code") != null && f.get("tested_on") instanceof LocalDate d) {
                tests.add(new QualityTest(f.getString("water_work_code"), d, PASS.equals(f.getString("result"))));
            }
        });
        List<Village> villages = new ArrayList<>();
        Map<String, String> townshipOfVillage = new HashMap<>();
        each(LayerIds.VILLAGE, f -> {
            villages.add(new Village(
                    f.getString("code"),
                    f.getString("name"),
                    f.getString("township_code"),
                    Boolean.TRUE.equals(bool(f, "key_support")),
                    Boolean.TRUE.equals(bool(f, "demonstration")),
                    !CodeLists.URBAN_RURAL.has(f.getString("urban_rural_code"), CodeTrait.URBAN),
                    null));
            townshipOfVillage.put(f.getString("code"), f.getString("township_code"));
        });
        List<Township> townships = new ArrayList<>();
        Map<String, Geometry> townshipShapes = new HashMap<>();
        Map<String, String> countyOfTownship = new HashMap<>();
        each(LayerIds.TOWNSHIP, f -> {
            townships.add(new Township(f.getString("code"), f.getString("name"), f.getString("county_code"), null));
            townshipShapes.put(f.getString("code"), f.geometry());
            countyOfTownship.put(f.getString("code"), f.getString("county_code"));
        });
        List<County> counties = new ArrayList<>();
        Map<String, Geometry> countyShapes = new HashMap<>();
        each(LayerIds.COUNTY, f -> {
            counties.add(new County(f.getString("code"), f.getString("name")));
            countyShapes.put(f.getString("code"), f.geometry());
        });
        WaterInput input = new WaterInput(
                households,
                works,
                areas,
                mains,
                tests,
                new UnitAreas(townshipShapes),
                new UnitAreas(countyShapes),
                new UnitRollup.Units(Region.CITY_CODE, cityName, counties, townships, villages));
        return new Read(input, townshipOfVillage, countyOfTownship);
    }

    private void each(String layer, Consumer<Feature> sink) {
        features.forEach(catalogue.get(layer), sink);
    }

    private static Coordinate point(Geometry g) {
        return g == null || g.isEmpty() ? null : g.getCoordinate();
    }

    private static Boolean bool(Feature f, String field) {
        return f.get(field) instanceof Boolean b ? b : null;
    }

    private static int integer(Feature f, String field) {
        return f.get(field) instanceof Number n ? n.intValue() : 0;
    }
}
