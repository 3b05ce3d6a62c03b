package cn.yiyang.planning.app.indicator;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A small unit list for the indicator pages: 南县 (430921) with 南洲镇 (430921100: 一村 201, 二村 202) and 茅草街镇
 * (430921101: 四村 201), and 桃江县 (430922) with 桃花江镇 (430922100: 六村 201).
 */
public final class IndicatorTestData {

    public static final String NANXIAN = "430921";
    public static final String TAOJIANG = "430922";
    public static final String NANZHOU = "430921100";
    public static final String MAOCAOJIE = "430921101";
    public static final String YI = "430921100201";
    public static final String ER = "430921100202";
    public static final String SI = "430921101201";
    public static final String LIU = "430922100201";

    private IndicatorTestData() {}

    public static void load(FeatureRepository features, LayerCatalogue catalogue) {
        load(features, catalogue, "county", unit(NANXIAN, "南县", null, null), unit(TAOJIANG, "桃江县", null, null));
        load(
                features,
                catalogue,
                "township",
                unit(NANZHOU, "南洲镇", "county_code", NANXIAN),
                unit("430921101", "茅草街镇", "county_code", NANXIAN),
                unit("430922100", "桃花江镇", "county_code", TAOJIANG));
        load(
                features,
                catalogue,
                "village",
                unit(YI, "一村", "township_code", NANZHOU),
                unit(ER, "二村", "township_code", NANZHOU),
                unit(SI, "四村", "township_code", "430921101"),
                unit(LIU, "六村", "township_code", "430922100"));
    }

    private static void load(FeatureRepository features, LayerCatalogue catalogue, String layer, Feature... rows) {
        features.load(catalogue.get(layer), LoadMode.REPLACE, List.of(rows).iterator());
    }

    private static Feature unit(String code, String name, String parentField, String parent) {
        Map<String, Object> a = parentField == null
                ? Map.of("code", code, "name", name)
                : Map.of("code", code, "name", name, parentField, parent);
        return Feature.of(a, box(code));
    }

    /** A small square somewhere in Yiyang, different for each code. */
    public static Geometry box(String code) {
        double x = 112.0 + Math.floorMod(code.hashCode(), 100) * 0.005;
        double y = 28.3 + Math.floorMod(code.hashCode() / 100, 100) * 0.005;
        return LayerGeometry.FACTORY.createMultiPolygon(new Polygon[] {
            LayerGeometry.FACTORY.createPolygon(new Coordinate[] {
                new Coordinate(x, y),
                new Coordinate(x + 0.004, y),
                new Coordinate(x + 0.004, y + 0.004),
                new Coordinate(x, y + 0.004),
                new Coordinate(x, y)
            })
        });
    }
}
