package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.testsupport.Audits;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcRoadClosureRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A register of roads keyed as road databases key them: segments sharing a route code (路线编码) and inspections
 * that name only the route, or the route and a stake. All along 28.5°N in 南县 430921 (南洲镇 west of 112.25°E,
 * 茅草街镇 east of it); a segment's ground length is that of its arc of the parallel (979.04 m per 0.01°).
 *
 * <pre>
 * segment        route       start  from → to (°E)     length      township
 * X001430923-1   X001430923  K0+000 112.30 → 112.32   1,958.08 m  茅草街镇
 * X001430923-2   X001430923  K2+000 112.32 → 112.35   2,937.12 m  茅草街镇
 * X001430923-3   X001430923  K5+000 112.35 → 112.36     979.04 m  茅草街镇
 * Y002430923-1   Y002430923  (seq 1) 112.20 → 112.22  1,958.08 m  南洲镇
 * Y002430923-2   Y002430923  (seq 2) 112.22 → 112.25  2,937.12 m  南洲镇
 * C009           (none)             112.05 → 112.10              南洲镇
 *
 * inspection row (road_code, stake)   date        status              entries
 * X001430923                          2024-01-10  open (all 3)
 * X001430923 K2+500                   2024-03-01  blocked 水毁        X001430923-2@2024-03-01 (route, stake K2+500)
 * X001430923-3                        2024-04-01  blocked 塌方        X001430923-3@2024-04-01 (the segment)
 * Y002430923                          2024-01-05  open (both)
 * Y002430923                          2024-05-01  blocked 路基沉陷     Y002430923-1@2024-05-01, Y002430923-2@2024-05-01
 *                                                                     (route, all 2 segments)
 * C009                                2024-01-01  open
 * C009                                2024-02-01  blocked 水毁        C009@2024-02-01 (no route)
 * </pre>
 * Five entries, all open. Per route: X001430923 3 segments, 5,874.25 m, 2 entries, 2 segments impassable over
 * 3,916.16 m; Y002430923 2 segments, 4,895.21 m, 2 entries, both impassable over 4,895.21 m.
 */
final class RouteRegisterTestData {

    static final double X_LENGTH = 5874.2468;
    static final double X_AFFECTED = 3916.1645;
    static final double Y_LENGTH = 4895.2057;

    private RouteRegisterTestData() {}

    /** The register over a store holding this data, on the fixed clock of {@link RoadRegisterServiceTest}. */
    static RoadRegisterService service(SpatialStore store) {
        FeatureRepository features = new JdbcFeatureRepository(store);
        load(features, LayerCatalogue.standard());
        return new RoadRegisterService(
                features,
                LayerCatalogue.standard(),
                new LayerVersions(features),
                new JdbcRoadClosureRepository(store),
                Audits.log(store),
                RoadRegisterServiceTest.CLOCK);
    }

    static void load(FeatureRepository repo, LayerCatalogue catalogue) {
        repo.load(
                catalogue.get("county"),
                LoadMode.REPLACE,
                List.of(Feature.of(
                                Map.of("code", "430921", "name", "南县"), RegisterTestData.box(112.0, 28.3, 112.6, 28.8)))
                        .iterator());
        repo.load(
                catalogue.get("township"),
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        Map.of("code", "430921100", "name", "南洲镇", "county_code", "430921"),
                                        RegisterTestData.box(112.0, 28.3, 112.25, 28.8)),
                                Feature.of(
                                        Map.of("code", "430921101", "name", "茅草街镇", "county_code", "430921"),
                                        RegisterTestData.box(112.25, 28.3, 112.6, 28.8)))
                        .iterator());
        repo.load(
                catalogue.get("road"),
                LoadMode.REPLACE,
                List.of(
                                segment("X001430923-1", "X001430923", 1, "K0+000", "county", 112.30, 112.32),
                                segment("X001430923-2", "X001430923", 2, "K2+000", "county", 112.32, 112.35),
                                segment("X001430923-3", "X001430923", 3, "K5+000", "county", 112.35, 112.36),
                                segment("Y002430923-1", "Y002430923", 1, null, "township", 112.20, 112.22),
                                segment("Y002430923-2", "Y002430923", 2, null, "township", 112.22, 112.25),
                                segment("C009", null, null, null, "village", 112.05, 112.10))
                        .iterator());
        List<Feature> rows = new ArrayList<>();
        rows.add(inspection("X001430923", null, "2024-01-10", "open", null));
        rows.add(inspection("X001430923", "K2+500", "2024-03-01", "blocked", "水毁"));
        rows.add(inspection("X001430923-3", null, "2024-04-01", "blocked", "塌方"));
        rows.add(inspection("Y002430923", null, "2024-01-05", "open", null));
        rows.add(inspection("Y002430923", null, "2024-05-01", "blocked", "路基沉陷"));
        rows.add(inspection("C009", null, "2024-01-01", "open", null));
        rows.add(inspection("C009", null, "2024-02-01", "blocked", "水毁"));
        repo.load(catalogue.get("road_inspection"), LoadMode.REPLACE, rows.iterator());
    }

    static Feature inspection(String road, String stake, String on, String status, String cause) {
        Feature row = RegisterTestData.inspection(road, on, status, cause, null);
        if (stake == null) {
            return row;
        }
        Map<String, Object> a = new HashMap<>(row.attributes());
        a.put("stake_from", stake);
        return Feature.of(a, null);
    }

    private static Feature segment(
            String code, String route, Integer seq, String stake, String cls, double fromX, double toX) {
        Map<String, Object> a = new HashMap<>();
        a.put("code", code);
        a.put("name", route == null ? "新月村道" : route.startsWith("X") ? "兰溪至泉交河" : "新河至石门");
        a.put("admin_class", cls);
        if (route != null) {
            a.put("route_code", route);
        }
        if (seq != null) {
            a.put("segment_seq", seq);
        }
        if (stake != null) {
            a.put("start_stake", stake);
        }
        return Feature.of(a, RegisterTestData.line(fromX, 28.5, toX, 28.5));
    }
}
