package cn.yiyang.planning.demo;

import cn.yiyang.planning.demo.Model.City;
import cn.yiyang.planning.demo.Model.County;
import cn.yiyang.planning.demo.Model.Township;
import cn.yiyang.planning.demo.Model.TownshipKind;
import cn.yiyang.planning.demo.Model.Village;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The administrative geography: counties partitioned from the outline, townships from each
 * county, villages from each township (see {@link Partitioner}), so that every unit nests exactly
 * in its parent. Seats: the county seat is the seat of the county's seat township; urban
 * sub-districts (街道) and development zones cluster around it; each township's seat is the centre
 * of one of its villages (a 社区 where it has one).
 */
final class AdminGeography {

    private AdminGeography() {}

    static City build(AdminCodes codes, Rng rng) {
        City city = new City();
        city.outline = CitySketch.outline();

        Map<String, County> counties = new LinkedHashMap<>();
        for (AdminCodes.Unit u : codes.counties()) {
            County c = new County(u.code(), u.name(), CitySketch.county(u.code()));
            c.seat = c.sketch.seat();
            counties.put(u.code(), c);
            city.counties.add(c);
        }
        Map<String, Township> townships = new LinkedHashMap<>();
        for (AdminCodes.Unit u : codes.townships()) {
            Township t = new Township(u.code(), u.name(), counties.get(u.parent()));
            t.county.townships.add(t);
            townships.put(u.code(), t);
            city.townships.add(t);
        }
        for (AdminCodes.Unit u : codes.villages()) {
            Township t = townships.get(u.parent());
            Village v = new Village(u.code(), u.name(), t);
            t.villages.add(v);
            city.villages.add(v);
        }

        // Counties.
        List<Partitioner.Region> regions = new ArrayList<>();
        for (County c : city.counties) {
            regions.add(new Partitioner.Region(c.seat, c.sketch.anchorPoints(), c.sketch.areaKm2()));
        }
        double cell = Math.sqrt(city.outline.getArea() / 4000);
        List<Geometry> areas = Partitioner.partition(city.outline, regions, cell, true, rng.child("counties"));
        for (int i = 0; i < areas.size(); i++) {
            city.counties.get(i).area = areas.get(i);
        }

        // Counties are independent (each has its own random streams): partition them in parallel.
        city.counties.parallelStream().forEach(c -> {
            townships(c, rng.child("townships/" + c.code));
            for (Township t : c.townships) {
                villages(t, rng.child("villages/" + t.code));
            }
        });
        return city;
    }

    private static void townships(County c, Rng rng) {
        PreparedGeometry prep = PreparedGeometryFactory.prepare(c.area);
        Map<Township, Coordinate> seeds = new LinkedHashMap<>();
        List<Coordinate> placed = new ArrayList<>();
        for (Township t : c.townships) {
            if (t.isCountySeat()) {
                seeds.put(t, c.seat);
                placed.add(c.seat);
            }
        }
        if (placed.isEmpty()) {
            throw new IllegalStateException("county " + c.code + " has no seat township");
        }
        // Urban sub-districts and development zones around the seat.
        for (Township t : c.townships) {
            if (seeds.containsKey(t)) {
                continue;
            }
            if (t.kind == TownshipKind.STREET || t.isDevelopmentZone()) {
                double near = t.kind == TownshipKind.STREET ? 1800 : 3500;
                seeds.put(t, placeNear(c.seat, near, near * 2.6, 1500, placed, prep, rng));
            }
        }
        List<Township> rest =
                c.townships.stream().filter(t -> !seeds.containsKey(t)).toList();
        List<Coordinate> spread = Partitioner.spread(c.area, rest.size(), placed, 3, rng);
        for (int i = 0; i < rest.size(); i++) {
            seeds.put(rest.get(i), spread.get(i));
        }

        List<Partitioner.Region> regions = new ArrayList<>();
        double minWeight = Double.MAX_VALUE;
        double weightSum = 0;
        for (Township t : c.townships) {
            t.seat = seeds.get(t);
            double w = townshipWeight(t, rng);
            minWeight = Math.min(minWeight, w);
            weightSum += w;
            regions.add(new Partitioner.Region(t.seat, w));
        }
        double area = c.area.getArea();
        double cell =
                Math.min(Math.sqrt(area / (40.0 * c.townships.size())), Math.sqrt(area * minWeight / weightSum / 10));
        cell = Math.max(cell, 350);
        List<Geometry> areas = Partitioner.partition(c.area, regions, cell, true, rng.child("partition"));
        for (int i = 0; i < areas.size(); i++) {
            c.townships.get(i).area = areas.get(i);
        }
    }

    private static double townshipWeight(Township t, Rng rng) {
        int n = t.villages.size();
        return switch (t.kind) {
            case STREET -> 0.5 + 0.15 * n;
            case SPECIAL -> t.isWetland() ? 2.5 + 1.2 * n : 0.6 * n + 1;
            case TOWN, XIANG -> Math.pow(n, 0.85) * rng.uniform(0.8, 1.25);
        };
    }

    private static void villages(Township t, Rng rng) {
        Village seatVillage =
                t.villages.stream().filter(Village::isCommunity).findFirst().orElse(t.villages.get(0));
        t.seatVillage = seatVillage;
        seatVillage.centre = t.seat;
        List<Village> rest = t.villages.stream().filter(v -> v != seatVillage).toList();
        List<Coordinate> spread = Partitioner.spread(t.area, rest.size(), List.of(t.seat), 2, rng);
        for (int i = 0; i < rest.size(); i++) {
            rest.get(i).centre = spread.get(i);
        }
        List<Partitioner.Region> regions = new ArrayList<>();
        double minWeight = Double.MAX_VALUE;
        double weightSum = 0;
        for (Village v : t.villages) {
            double w;
            if (v.isSpecial()) {
                w = 0.5;
            } else if (v.isCommunity()) {
                w = t.kind == TownshipKind.STREET ? rng.uniform(0.8, 1.2) : rng.uniform(0.25, 0.4);
            } else {
                w = (t.kind == TownshipKind.STREET ? 2.5 : 1.0) * rng.uniform(0.6, 1.5);
            }
            minWeight = Math.min(minWeight, w);
            weightSum += w;
            regions.add(new Partitioner.Region(v.centre, w));
        }
        double area = t.area.getArea();
        double cell =
                Math.min(Math.sqrt(area / (9.0 * t.villages.size())), Math.sqrt(area * minWeight / weightSum / 5));
        cell = Math.max(Math.max(cell, 120), Math.sqrt(area / (10.0 * t.villages.size())));
        List<Geometry> areas = Partitioner.partition(t.area, regions, cell, true, rng.child("partition"));
        for (int i = 0; i < areas.size(); i++) {
            t.villages.get(i).area = areas.get(i);
        }
    }

    /** A point {@code min}–{@code max} metres from {@code centre}, inside the area, {@code spacing} from others. */
    private static Coordinate placeNear(
            Coordinate centre,
            double min,
            double max,
            double spacing,
            List<Coordinate> placed,
            PreparedGeometry area,
            Rng rng) {
        for (int attempt = 0; attempt < 400; attempt++) {
            double grow = 1 + attempt / 80.0;
            Coordinate c = Geo.offset(centre, rng.uniform(min, max * grow), rng.uniform(0, 2 * Math.PI));
            if (!area.contains(Geo.point(c))) {
                continue;
            }
            boolean free = placed.stream().allMatch(p -> Geo.distance(p, c) >= spacing / grow);
            if (free) {
                placed.add(c);
                return c;
            }
        }
        throw new IllegalStateException("no room near " + centre);
    }
}
