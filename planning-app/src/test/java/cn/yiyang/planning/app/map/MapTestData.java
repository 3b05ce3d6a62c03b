package cn.yiyang.planning.app.map;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A small synthetic county for the map tests (independent of the demo-data generator): one county
 * 0.6° × 0.5° around (112.3, 28.55), two townships, a 5 × 3 grid of villages whose middle one,
 * 中心村, holds the county's centre, three roads that avoid the centre, two township seats and a few
 * households.
 */
final class MapTestData {

    static final double[] COUNTY = {112.0, 28.3, 112.6, 28.8};
    static final String CENTRE_VILLAGE = "中心村";
    private static final GeometryFactory GF = LayerGeometry.FACTORY;

    private MapTestData() {}

    static void load(FeatureRepository repo, LayerCatalogue catalogue) {
        repo.load(
                catalogue.get("county"),
                LoadMode.REPLACE,
                List.of(feature(
                                Map.of("code", "430921", "name", "南县"),
                                box(COUNTY[0], COUNTY[1], COUNTY[2], COUNTY[3])))
                        .iterator());
        repo.load(
                catalogue.get("township"),
                LoadMode.REPLACE,
                List.of(
                                feature(
                                        Map.of("code", "430921100", "name", "南洲镇", "county_code", "430921"),
                                        box(112.0, 28.3, 112.25, 28.8)),
                                feature(
                                        Map.of("code", "430921101", "name", "茅草街镇", "county_code", "430921"),
                                        box(112.25, 28.3, 112.6, 28.8)))
                        .iterator());

        List<Feature> villages = new ArrayList<>();
        String[] names = {"东风村", "新建村", "中心村", "河口村", "洞庭村"};
        for (int col = 0; col < 5; col++) {
            for (int row = 0; row < 3; row++) {
                double minx = 112.05 + col * 0.1;
                double miny = 28.35 + row * 0.4 / 3;
                Map<String, Object> v = new HashMap<>();
                String name = row == 1 ? names[col] : names[col].replace("村", row == 0 ? "南村" : "北村");
                v.put("code", "430921" + (col < 2 ? "100" : "101") + String.format("%03d", 200 + col * 3 + row));
                v.put("name", name);
                v.put("township_code", col < 2 ? "430921100" : "430921101");
                v.put("key_support", col == 2 && row == 1);
                v.put("demonstration", col == 4 && row == 2);
                v.put("population", 800 + col * 100 + row * 10);
                villages.add(feature(v, box(minx, miny, minx + 0.1, miny + 0.4 / 3)));
            }
        }
        repo.load(catalogue.get("village"), LoadMode.REPLACE, villages.iterator());

        loadRoads(repo, catalogue);

        loadTownshipSeats(repo, catalogue);

        List<Feature> houses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            houses.add(feature(
                    Map.of("code", "H" + i, "village_code", "430921101208"),
                    GF.createPoint(new Coordinate(112.26 + i * 0.002, 28.52 + (i % 4) * 0.002))));
        }
        repo.load(catalogue.get("household"), LoadMode.REPLACE, houses.iterator());
    }

    /** The roads alone, loaded anew (new ids, so a new layer version; the other layers keep theirs). */
    static void loadRoads(FeatureRepository repo, LayerCatalogue catalogue) {
        repo.load(
                catalogue.get("road"),
                LoadMode.REPLACE,
                List.of(
                                feature(
                                        Map.of(
                                                "code",
                                                "S201",
                                                "name",
                                                "省道201",
                                                "admin_class",
                                                "provincial",
                                                "surface",
                                                "asphalt",
                                                "hardened",
                                                true),
                                        line(112.0, 28.40, 112.3, 28.43, 112.6, 28.45)),
                                feature(
                                        Map.of(
                                                "code",
                                                "X031",
                                                "name",
                                                "县道031",
                                                "admin_class",
                                                "county",
                                                "surface",
                                                "cement",
                                                "hardened",
                                                true),
                                        line(112.15, 28.33, 112.18, 28.55, 112.2, 28.77)),
                                feature(
                                        Map.of(
                                                "code",
                                                "C107",
                                                "name",
                                                "河口村道",
                                                "admin_class",
                                                "village",
                                                "surface",
                                                "gravel",
                                                "hardened",
                                                false),
                                        line(112.1, 28.70, 112.3, 28.68, 112.5, 28.65)))
                        .iterator());
    }

    /** The township seats alone, loaded anew (new ids, so a new layer version; the other layers keep theirs). */
    static void loadTownshipSeats(FeatureRepository repo, LayerCatalogue catalogue) {
        repo.load(
                catalogue.get("township_seat"),
                LoadMode.REPLACE,
                List.of(
                                feature(
                                        Map.of("township_code", "430921100", "name", "南洲镇"),
                                        GF.createPoint(new Coordinate(112.12, 28.5))),
                                feature(
                                        Map.of("township_code", "430921101", "name", "茅草街镇"),
                                        GF.createPoint(new Coordinate(112.45, 28.6))))
                        .iterator());
    }

    private static Feature feature(Map<String, Object> attrs, Geometry g) {
        return Feature.of(attrs, g);
    }

    static Polygon box(double minx, double miny, double maxx, double maxy) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(minx, miny),
            new Coordinate(maxx, miny),
            new Coordinate(maxx, maxy),
            new Coordinate(minx, maxy),
            new Coordinate(minx, miny)
        });
    }

    private static Geometry line(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return GF.createLineString(cs);
    }
}
