package cn.yiyang.planning.app.road;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A hand-checkable register: two counties, three townships, five roads and their inspections.
 *
 * <pre>
 * 南县 430921 (112.0–112.6E, 28.3–28.8N): 南洲镇 430921100 west of 112.25E, 茅草街镇 430921101 east of it
 * 桃江县 430922 (112.6–113.0E): 桃花江镇 430922100
 *
 * road  class     where                     inspections                                   entries
 * C001  village   南洲镇                     open 01-10, blocked 03-05 水毁                 C001@2024-03-05 open
 * C002  village   茅草街镇                   open 01-10, blocked 02-01 塌方 closed_on 02-20,  C002@2024-02-01 closed (inspection)
 *                                           open 02-20, blocked 06-15 桥梁损毁               C002@2024-06-15 open (re-blocked)
 * Y003  township  112.2→112.4E: its middle   blocked 04-01 (first: no entry), open 05-01,   Y003@2024-07-01 open
 *                 112.3E is in 茅草街镇        blocked 07-01 路面严重破损
 * X004  county    桃花江镇                    open 02-01, blocked 02-10 边坡垮塌,             X004@2024-02-10 open
 *                                           blocked 03-01 (the same interruption)
 * C005  village   南洲镇                     open 01-01, open 06-01                          none
 * </pre>
 * All dates 2024. Five entries, four open; impassable now: C001, C002, X004, Y003. Inspections span
 * 2024-01 to 2024-07.
 */
final class RegisterTestData {

    static final LocalDate C001_BLOCKED = LocalDate.of(2024, 3, 5);
    static final LocalDate C002_FIRST = LocalDate.of(2024, 2, 1);
    static final LocalDate C002_AGAIN = LocalDate.of(2024, 6, 15);
    static final LocalDate Y003_BLOCKED = LocalDate.of(2024, 7, 1);
    static final LocalDate X004_BLOCKED = LocalDate.of(2024, 2, 10);
    private static final GeometryFactory GF = LayerGeometry.FACTORY;

    private RegisterTestData() {}

    static void load(FeatureRepository repo, LayerCatalogue catalogue) {
        repo.load(
                catalogue.get("county"),
                LoadMode.REPLACE,
                List.of(
                                Feature.of(Map.of("code", "430921", "name", "南县"), box(112.0, 28.3, 112.6, 28.8)),
                                Feature.of(Map.of("code", "430922", "name", "桃江县"), box(112.6, 28.3, 113.0, 28.8)))
                        .iterator());
        repo.load(
                catalogue.get("township"),
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        Map.of("code", "430921100", "name", "南洲镇", "county_code", "430921"),
                                        box(112.0, 28.3, 112.25, 28.8)),
                                Feature.of(
                                        Map.of("code", "430921101", "name", "茅草街镇", "county_code", "430921"),
                                        box(112.25, 28.3, 112.6, 28.8)),
                                Feature.of(
                                        Map.of("code", "430922100", "name", "桃花江镇", "county_code", "430922"),
                                        box(112.6, 28.3, 113.0, 28.8)))
                        .iterator());
        repo.load(
                catalogue.get("road"),
                LoadMode.REPLACE,
                List.of(
                                road("C001", "东风村道", "village", 112.05, 28.4, 112.15, 28.4),
                                road("C002", "新建村道", "village", 112.3, 28.5, 112.4, 28.5),
                                road("Y003", "南茅乡道", "township", 112.2, 28.6, 112.4, 28.6),
                                road("X004", "桃花江县道", "county", 112.7, 28.5, 112.8, 28.5),
                                road("C005", "洞庭村道", "village", 112.05, 28.7, 112.1, 28.7))
                        .iterator());
        List<Feature> rows = new ArrayList<>();
        rows.add(inspection("C001", "2024-01-10", "open", null, null));
        rows.add(inspection("C001", "2024-03-05", "blocked", "水毁", null));
        rows.add(inspection("C002", "2024-01-10", "open", null, null));
        rows.add(inspection("C002", "2024-02-01", "blocked", "塌方", "2024-02-20"));
        rows.add(inspection("C002", "2024-02-20", "open", null, null));
        rows.add(inspection("C002", "2024-06-15", "blocked", "桥梁损毁", null));
        rows.add(inspection("Y003", "2024-04-01", "blocked", "水毁", null));
        rows.add(inspection("Y003", "2024-05-01", "open", null, null));
        rows.add(inspection("Y003", "2024-07-01", "blocked", "路面严重破损", null));
        rows.add(inspection("X004", "2024-02-01", "open", null, null));
        rows.add(inspection("X004", "2024-02-10", "blocked", "边坡垮塌", null));
        rows.add(inspection("X004", "2024-03-01", "blocked", "边坡垮塌", null));
        rows.add(inspection("C005", "2024-01-01", "open", null, null));
        rows.add(inspection("C005", "2024-06-01", "open", null, null));
        repo.load(catalogue.get("road_inspection"), LoadMode.REPLACE, rows.iterator());
    }

    static Feature inspection(String road, String on, String status, String cause, String closedOn) {
        Map<String, Object> a = new HashMap<>();
        a.put("road_code", road);
        a.put("inspected_on", LocalDate.parse(on));
        a.put("status", status);
        if (cause != null) {
            a.put("cause", cause);
        }
        if (closedOn != null) {
            a.put("closed_on", LocalDate.parse(closedOn));
        }
        return Feature.of(a, null);
    }

    private static Feature road(String code, String name, String cls, double... xy) {
        return Feature.of(Map.of("code", code, "name", name, "admin_class", cls), line(xy));
    }

    static Geometry line(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return GF.createMultiLineString(new LineString[] {GF.createLineString(cs)});
    }

    static Geometry box(double minx, double miny, double maxx, double maxy) {
        return GF.createMultiPolygon(new Polygon[] {
            GF.createPolygon(new Coordinate[] {
                new Coordinate(minx, miny),
                new Coordinate(maxx, miny),
                new Coordinate(maxx, maxy),
                new Coordinate(minx, maxy),
                new Coordinate(minx, miny)
            })
        });
    }
}
