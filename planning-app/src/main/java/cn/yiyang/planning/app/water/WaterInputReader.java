package cn.yiyang.planning.app.water;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.geo.access.AccessInput;
import cn.yiyang.planning.geo.facility.Household;
import cn.yiyang.planning.geo.facility.WaterInput;
import cn.yiyang.planning.geo.facility.WaterInput.Main;
import cn.yiyang.planning.geo.facility.WaterInput.QualityTest;
import cn.yiyang.planning.geo.facility.WaterInput.ServiceArea;
import cn.yiyang.planning.geo.facility.WaterInput.Work;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the layers a water-supply run needs into a {@link WaterInput}: the units and households through {@link
 * AnalysisInputs}, the water layers here, deciding each works' flags by the code lists: centralised = a kind with
 * {@link CodeTrait#CENTRALISED}; 千人以上 = a kind with {@link CodeTrait#THOUSAND_PLUS} (integrated and 1,000+
 * schemes); in service = a status with {@link CodeTrait#IN_SERVICE}, null when the status is empty (which the analysis
 * counts as in service); a test passed = result {@code pass}, an empty last-test result is unknown.
 */
final class WaterInputReader {

    private static final String PASS = "pass";

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final AnalysisInputs inputs;

    WaterInputReader(FeatureRepository features, LayerCatalogue catalogue, AnalysisInputs inputs) {
        this.features = features;
        this.catalogue = catalogue;
        this.inputs = inputs;
    }

    /**
     * What was read.
     *
     * @param input the analysis input
     * @param units the units, their polygons and names
     * @param povertyStatus each household's poverty status code, in the order of the input's households
     */
    record Read(WaterInput input, AnalysisInputs.Units units, List<String> povertyStatus) {}

    Read read() {
        AnalysisInputs.Units units = inputs.units();
        List<String> poverty = new ArrayList<>(400_000);
        // Rural water supply: households of urban units (城乡分类 1xx) are left out of the analysis, its lists and its
        // sites, as of every rural rate.
        List<Household> households = new ArrayList<>(400_000);
        inputs.households((h, f) -> {
            AccessInput.Village v =
                    h.villageCode() == null ? null : units.villageByCode().get(h.villageCode());
            if (v == null || v.rural()) {
                households.add(h);
                poverty.add(f.getString("poverty_status"));
            }
        });
        List<Work> works = new ArrayList<>();
        each(LayerIds.WATER_WORK, f -> {
            if (f.getString("code") != null) {
                works.add(work(f));
            }
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
        WaterInput input = new WaterInput(
                households, works, areas, mains, tests, units.townships(), units.counties(), units.rollup());
        return new Read(input, units, poverty);
    }

    private static Work work(Feature f) {
        String kind = f.getString("kind");
        String status = f.getString("status");
        String result = f.getString("last_test_result");
        return new Work(
                f.getString("code"),
                f.getString("name"),
                kind,
                CodeLists.WATER_KIND.has(kind, CodeTrait.CENTRALISED),
                CodeLists.WATER_KIND.has(kind, CodeTrait.THOUSAND_PLUS),
                status == null || status.isBlank() ? null : CodeLists.FACILITY_STATUS.has(status, CodeTrait.IN_SERVICE),
                f.get("capacity_m3d") instanceof Number n ? n.doubleValue() : null,
                f.get("served_population") instanceof Number n ? n.intValue() : null,
                f.get("disinfection") instanceof Boolean b ? b : null,
                f.get("protection_zone") instanceof Boolean b ? b : null,
                f.get("last_tested_on") instanceof LocalDate d ? d : null,
                result == null || result.isBlank() ? null : PASS.equals(result),
                f.getString("county_code"),
                point(f.geometry()));
    }

    private void each(String layer, Consumer<Feature> sink) {
        features.forEach(catalogue.get(layer), sink);
    }

    private static Coordinate point(Geometry g) {
        return g == null || g.isEmpty() ? null : g.getInteriorPoint().getCoordinate();
    }
}
