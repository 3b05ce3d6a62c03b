package cn.yiyang.planning.demo;

import cn.yiyang.planning.demo.Model.City;
import cn.yiyang.planning.demo.Model.County;
import cn.yiyang.planning.demo.Model.Township;
import cn.yiyang.planning.demo.Model.TownshipKind;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The 三区三线 constraint layers: town development boundaries around county and township seats,
 * ecological protection red lines over 安化's mountains and the 洞庭湖 lake areas in the north,
 * and permanent basic farmland in blobs over the lowland north and east, kept clear of towns and
 * red lines.
 */
final class Constraints {

    /** Red line areas: name, kind, centre lon, lat, radius (m). */
    private static final Object[][] RED_LINES = {
        {"安化西部山地水源涵养生态保护红线", "水源涵养", 110.88, 28.25, 11000.0},
        {"安化西北山地生物多样性维护生态保护红线", "生物多样性维护", 111.03, 28.42, 8500.0},
        {"柘溪库区水源涵养生态保护红线", "水源涵养", 111.32, 28.29, 7000.0},
        {"安化南部山地水土保持生态保护红线", "水土保持", 111.43, 28.07, 7500.0},
        {"安化东部山地生物多样性维护生态保护红线", "生物多样性维护", 111.58, 28.31, 6000.0},
        {"桃江西部山地水土保持生态保护红线", "水土保持", 111.86, 28.50, 4500.0},
        {"南洞庭湖湿地生态保护红线", "湿地生物多样性维护", 112.22, 28.96, 8500.0},
        {"漉湖湿地生态保护红线", "湿地生物多样性维护", 112.84, 28.90, 6000.0},
        {"大通湖湿地生态保护红线", "湿地生物多样性维护", 112.50, 29.22, 4500.0},
        {"南县西部湖区湿地生态保护红线", "湿地生物多样性维护", 112.17, 29.22, 3500.0},
    };

    private final long seed;
    private final City city;
    private final Layers out;
    private final List<Geometry> townAreas = new ArrayList<>();
    private Geometry redLines;
    private Geometry farmland = Geo.M.createPolygon();

    Constraints(long seed, City city, Layers out) {
        this.seed = seed;
        this.city = city;
        this.out = out;
    }

    void townBoundaries() {
        for (Township t : city.townships) {
            Rng rng = Rng.of(seed, "town-boundary/" + t.code);
            double radius;
            if (t.isCountySeat()) {
                radius = t.county.code.equals("430923") ? 2500 : 3200;
            } else if (t.kind == TownshipKind.STREET) {
                radius = rng.uniform(1500, 2500);
            } else if (t.isDevelopmentZone()) {
                radius = 2000;
            } else if (t.kind == TownshipKind.TOWN) {
                radius = rng.uniform(700, 1400);
            } else if (t.kind == TownshipKind.XIANG && rng.chance(0.5)) {
                radius = rng.uniform(400, 700);
            } else {
                continue;
            }
            Geometry area = Geo.intersection(Geo.blob(t.seat, radius, 0.3, 28, rng), t.area);
            if (area.isEmpty()) {
                continue;
            }
            townAreas.add(area);
            out.add(
                    "town_development_boundary",
                    area,
                    "code",
                    "CZKFBJ" + t.code,
                    "name",
                    t.name + "城镇开发边界",
                    "township_code",
                    t.code);
        }
    }

    void redLines() {
        Rng rng = Rng.of(seed, "red-lines");
        Geometry towns = Geo.union(townAreas);
        List<Object[]> areas = new ArrayList<>(List.of(RED_LINES));
        // smaller patches over the hills of 安化 and 桃江
        PreparedGeometry hills = PreparedGeometryFactory.prepare(Geo.union(city.counties.stream()
                .filter(c -> c.code.equals("430923") || c.code.equals("430922"))
                .map(c -> c.area)
                .toList()));
        for (int i = 0; i < 14; i++) {
            Coordinate c = Geo.randomPointIn(hills, rng);
            if (c != null) {
                Coordinate d = Geo.degrees(c);
                areas.add(new Object[] {
                    "山地生态公益林生态保护红线（" + (i + 1) + "）",
                    rng.chance(0.5) ? "水源涵养" : "水土保持",
                    d.x,
                    d.y,
                    rng.uniform(1200, 2600)
                });
            }
        }
        List<Geometry> all = new ArrayList<>();
        int n = 0;
        for (Object[] a : areas) {
            Coordinate centre = Geo.metres((Double) a[2], (Double) a[3]);
            Polygon blob = Geo.blob(centre, (Double) a[4], 0.35, 36, rng);
            Geometry g = Geo.difference(Geo.intersection(blob, city.outline), towns);
            if (g.isEmpty()) {
                continue;
            }
            all.add(g);
            out.add("ecological_redline", g, "code", String.format("STHX-4309-%03d", ++n), "name", a[0], "kind", a[1]);
        }
        redLines = Geo.union(all);
    }

    void farmland() {
        Rng rng = Rng.of(seed, "farmland");
        List<Geometry> keepOut = new ArrayList<>(townAreas);
        keepOut.add(redLines);
        for (Township t : city.townships) {
            keepOut.add(Geo.point(t.seat).buffer(1200, 8));
        }
        Geometry exclusion = Geo.union(keepOut);
        List<Geometry> kept = new ArrayList<>();
        for (County c : city.counties) {
            int blobs = switch (c.code) {
                case "430921", "430981" -> 70;
                case "430971" -> 25;
                case "430902" -> 40;
                case "430903" -> 45;
                case "430922" -> 18;
                case "430923" -> 12;
                default -> 4;
            };
            boolean lowland = c.sketch.lowland();
            Rng cr = rng.child(c.code);
            PreparedGeometry area = PreparedGeometryFactory.prepare(c.area);
            List<Geometry> parts = new ArrayList<>();
            for (int i = 0; i < blobs; i++) {
                Coordinate at = Geo.randomPointIn(area, cr);
                if (at == null) {
                    continue;
                }
                // 赫山区: the plain lies north and east of the city
                if (c.code.equals("430903") && at.y < c.seat.y - 8000 && cr.chance(0.7)) {
                    continue;
                }
                double r = lowland || c.code.equals("430903") ? cr.uniform(500, 1600) : cr.uniform(250, 600);
                parts.add(Geo.blob(at, r, 0.45, 20, cr));
            }
            Geometry land = Geo.difference(Geo.intersection(Geo.union(parts), c.area), exclusion);
            int k = 0;
            for (Polygon p : Geo.polygons(land)) {
                if (p.getArea() < 20_000) {
                    continue;
                }
                kept.add(p);
                out.add(
                        "basic_farmland",
                        p,
                        "code",
                        String.format("JBNT%s%04d", c.code, ++k),
                        "county_code",
                        c.code,
                        "area_mu",
                        Math.round(p.getArea() / (10000.0 / 15) * 100) / 100.0);
            }
        }
        farmland = Geo.union(kept);
    }

    /** @return the permanent basic farmland written (metres), after {@link #farmland()} */
    Geometry basicFarmland() {
        return farmland;
    }

    /** @return the ecological red lines written (metres), after {@link #redLines()} */
    Geometry redLineArea() {
        return redLines;
    }

    /** @return the town development boundaries written (metres), after {@link #townBoundaries()} */
    Geometry townArea() {
        return Geo.union(townAreas);
    }
}
