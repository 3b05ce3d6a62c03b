package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A small county for the plan register, checked by hand:
 *
 * <pre>
 * 南县 430921: 南洲镇 430921100 (112.0–112.3E), 茅草街镇 430921101 (112.3–112.6E), 28.3–28.8N
 * villages (each 0.1° wide, 28.3–28.4N):
 *   430921100201 甲村 112.0–112.1   430921100202 乙村 112.1–112.2   430921100203 丙村 112.2–112.3
 *   430921101201 丁村 112.3–112.4   430921101202 戊村 112.4–112.5
 * plans:
 *   CZGH430921100201 甲村规划  甲村       待审查 reviewing, no due date (default deadline: overdue after 2023)
 *   CZGH430921101201 丁村规划  丁村       已批复 approved (益南政函〔2022〕8号)
 *   CZGH430921101202 戊村规划  戊村       编制中 compiling, due 2030-12-31 (not overdue)
 * free for new plans: 乙村, 丙村 (and villages {@link #addVillage} adds)
 * </pre>
 */
final class PlanTestData {

    static final String COUNTY = "430921";
    static final String NANZHOU = "430921100";
    static final String MAOCAOJIE = "430921101";
    static final String JIA = "430921100201";
    static final String YI = "430921100202";
    static final String BING = "430921100203";
    static final String REVIEWING = "CZGH430921100201";
    static final String APPROVED = "CZGH430921101201";
    static final String COMPILING = "CZGH430921101202";

    private PlanTestData() {}

    static void load(FeatureRepository repo, LayerCatalogue catalogue) {
        repo.load(
                catalogue.get("county"),
                LoadMode.REPLACE,
                List.of(Feature.of(Map.of("code", COUNTY, "name", "南县"), box(112.0, 28.3, 112.6, 28.8)))
                        .iterator());
        repo.load(
                catalogue.get("township"),
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        Map.of("code", NANZHOU, "name", "南洲镇", "county_code", COUNTY),
                                        box(112.0, 28.3, 112.3, 28.8)),
                                Feature.of(
                                        Map.of("code", MAOCAOJIE, "name", "茅草街镇", "county_code", COUNTY),
                                        box(112.3, 28.3, 112.6, 28.8)))
                        .iterator());
        repo.load(
                catalogue.get("village"),
                LoadMode.REPLACE,
                List.of(
                                village(JIA, "甲村", 112.0),
                                village(YI, "乙村", 112.1),
                                village(BING, "丙村", 112.2),
                                village("430921101201", "丁村", 112.3),
                                village("430921101202", "戊村", 112.4))
                        .iterator());
        repo.load(
                catalogue.get("village_plan"),
                LoadMode.REPLACE,
                List.of(
                                plan(REVIEWING, "南洲镇甲村村庄规划", JIA, "reviewing", null, null, 112.0),
                                plan(APPROVED, "茅草街镇丁村村庄规划", "430921101201", "approved", null, "益南政函〔2022〕8号", 112.3),
                                plan(
                                        COMPILING,
                                        "茅草街镇戊村村庄规划",
                                        "430921101202",
                                        "compiling",
                                        LocalDate.of(2030, 12, 31),
                                        null,
                                        112.4))
                        .iterator());
    }

    /**
     * Adds a village of 南洲镇 north of the others (row {@code n} ≥ 1, 0.01° tall), for a test that creates plans
     * of its own.
     */
    static String addVillage(FeatureRepository repo, LayerCatalogue catalogue, int n) {
        String code = NANZHOU + String.format("%03d", 300 + n);
        double lat = 28.4 + 0.01 * (n % 39);
        double lon = 112.0 + 0.01 * (n / 39 % 29);
        repo.load(
                catalogue.get("village"),
                LoadMode.APPEND,
                List.of(Feature.of(
                                Map.of("code", code, "name", "新" + n + "村", "township_code", NANZHOU),
                                box(lon, lat, lon + 0.01, lat + 0.01)))
                        .iterator());
        return code;
    }

    private static Feature village(String code, String name, double west) {
        String township = code.substring(0, 9);
        return Feature.of(
                Map.of("code", code, "name", name, "township_code", township), box(west, 28.3, west + 0.1, 28.4));
    }

    private static Feature plan(
            String code, String name, String village, String status, LocalDate due, String document, double west) {
        Map<String, Object> a = new HashMap<>();
        a.put("code", code);
        a.put("name", name);
        a.put("village_codes", village);
        a.put("status", status);
        a.put("compiling_unit", "湖南省国土空间调查监测所");
        a.put("period", "2021—2035年");
        if (due != null) {
            a.put("due_on", due);
        }
        if (document != null) {
            a.put("document_number", document);
            a.put("approved_on", LocalDate.of(2022, 9, 1));
            a.put("approving_authority", "南县人民政府");
        }
        return Feature.of(a, box(west, 28.3, west + 0.1, 28.4));
    }

    static Geometry box(double x0, double y0, double x1, double y1) {
        return LayerGeometry.FACTORY.createMultiPolygon(new Polygon[] {
            LayerGeometry.FACTORY.createPolygon(new Coordinate[] {
                new Coordinate(x0, y0),
                new Coordinate(x1, y0),
                new Coordinate(x1, y1),
                new Coordinate(x0, y1),
                new Coordinate(x0, y0)
            })
        });
    }
}
