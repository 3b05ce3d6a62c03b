package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.crs.GaussKrugerZone;
import cn.yiyang.planning.geo.measure.LocalProjection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Units drawn as lon/lat boxes (so that a point on an edge is exactly on it) in county 430921:
 *
 * <pre>
 *  lat 28.60 ┌──────── T1 101 ───────┬──────── T2 102 ───────┬─── T5 005 (urban) ───┐
 *            │ V101001   │ V101002   │ V102001   │ V102002   │ V005001               │
 *  lat 28.50 ├──────── T3 103 ───────┼──────── T4 104 ───────┴───────────────────────┘
 *            │ V103001   │ V103002   │ V104001   │ V104002   │
 *  lat 28.40 └───────────┴───────────┴───────────┴───────────┘
 *       lon 112.30    112.35      112.40      112.45      112.50                112.60
 * </pre>
 *
 * V101001 is a key-support village, V102001 a demonstration village. Ground offsets in metres are taken in the
 * analysis's Gauss-Kruger zone 37 and scaled by its point scale factor.
 */
final class FacilityFixtures {

    static final String COUNTY = "430921";
    static final GeometryFactory GF = new GeometryFactory();
    static final LocalProjection LOCAL = new LocalProjection(new GaussKrugerZone(37));

    private FacilityFixtures() {}

    static String township(String three) {
        return COUNTY + three;
    }

    static String village(String six) {
        return COUNTY + six;
    }

    static Polygon box(double lon0, double lat0, double lon1, double lat1) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(lon0, lat0),
            new Coordinate(lon1, lat0),
            new Coordinate(lon1, lat1),
            new Coordinate(lon0, lat1),
            new Coordinate(lon0, lat0)
        });
    }

    static LineString line(Coordinate a, Coordinate b) {
        return GF.createLineString(new Coordinate[] {a, b});
    }

    static Coordinate ll(double lon, double lat) {
        return new Coordinate(lon, lat);
    }

    /** @return the point the given ground metres east and north of a point */
    static Coordinate ground(Coordinate from, double east, double north) {
        double k = LOCAL.scaleFactor(from);
        Coordinate m = LOCAL.toMetres(from);
        return LOCAL.toLonLat(new Coordinate(m.x + east * k, m.y + north * k));
    }

    static UnitAreas townshipAreas() {
        Map<String, Geometry> m = new LinkedHashMap<>();
        m.put(township("101"), box(112.30, 28.50, 112.40, 28.60));
        m.put(township("102"), box(112.40, 28.50, 112.50, 28.60));
        m.put(township("103"), box(112.30, 28.40, 112.40, 28.50));
        m.put(township("104"), box(112.40, 28.40, 112.50, 28.50));
        m.put(township("005"), box(112.50, 28.50, 112.60, 28.60));
        return new UnitAreas(m);
    }

    static UnitAreas villageAreas() {
        Map<String, Geometry> m = new LinkedHashMap<>();
        m.put(village("101001"), box(112.30, 28.50, 112.35, 28.60));
        m.put(village("101002"), box(112.35, 28.50, 112.40, 28.60));
        m.put(village("102001"), box(112.40, 28.50, 112.45, 28.60));
        m.put(village("102002"), box(112.45, 28.50, 112.50, 28.60));
        m.put(village("103001"), box(112.30, 28.40, 112.35, 28.50));
        m.put(village("103002"), box(112.35, 28.40, 112.40, 28.50));
        m.put(village("104001"), box(112.40, 28.40, 112.45, 28.50));
        m.put(village("104002"), box(112.45, 28.40, 112.50, 28.50));
        m.put(village("005001"), box(112.50, 28.50, 112.60, 28.60));
        return new UnitAreas(m);
    }

    static UnitRollup.Units units() {
        return new UnitRollup.Units(
                "430900",
                "益阳市",
                List.of(new County(COUNTY, "南县")),
                List.of(
                        new Township(township("101"), "甲镇", COUNTY, null),
                        new Township(township("102"), "乙乡", COUNTY, null),
                        new Township(township("103"), "丙镇", COUNTY, null),
                        new Township(township("104"), "丁乡", COUNTY, null),
                        new Township(township("005"), "城关街道", COUNTY, null)),
                List.of(
                        rural("101001", "一村", true, false),
                        rural("101002", "二村", false, false),
                        rural("102001", "三村", false, true),
                        rural("102002", "四村", false, false),
                        rural("103001", "五村", false, false),
                        rural("103002", "六村", false, false),
                        rural("104001", "七村", false, false),
                        rural("104002", "八村", false, false),
                        new Village(village("005001"), "城关社区", township("005"), false, false, false, null)));
    }

    private static Village rural(String six, String name, boolean keySupport, boolean demonstration) {
        return new Village(village(six), name, township(six.substring(0, 3)), keySupport, demonstration, true, null);
    }
}
