package cn.yiyang.planning.demo;

import cn.yiyang.planning.demo.Model.City;
import cn.yiyang.planning.demo.Model.County;
import cn.yiyang.planning.demo.Model.NaturalVillage;
import cn.yiyang.planning.demo.Model.Township;
import cn.yiyang.planning.demo.Model.TownshipKind;
import cn.yiyang.planning.demo.Model.Village;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Rural sewage treatment in the three modes of the plan: the town network (a plant at most
 * township seats, some missing, stopped or under construction; one urban plant per county seat
 * serving the sub-districts), a central facility in denser villages, and multi- or
 * single-household facilities in dispersed ones. With collection areas and pipes.
 *
 * <p>Capacities follow the people inside a facility's collection area: a fifth of the township plants and village
 * facilities are built too small (0.04 m³ a person a day, less than any plausible design flow), the others have at
 * least 0.15 m³ a person a day, so that the capacity check finds some facilities over capacity and not the rest.
 */
final class Sewage {

    private final long seed;
    private final City city;
    private final Layers out;

    Sewage(long seed, City city, Layers out) {
        this.seed = seed;
        this.city = city;
        this.out = out;
    }

    void build() {
        for (County c : city.counties) {
            Rng rng = Rng.of(seed, "sewage/" + c.code);
            for (Township t : c.townships) {
                Rng tr = rng.child(t.code);
                if (t.isCountySeat()) {
                    urbanPlant(c, t, tr);
                } else if (t.kind != TownshipKind.STREET && !t.isWetland()) {
                    double p = t.kind == TownshipKind.XIANG ? 0.75 : t.kind == TownshipKind.SPECIAL ? 0.5 : 0.9;
                    if (tr.chance(p)) {
                        townshipPlant(t, tr);
                    }
                }
                villageFacilities(t, tr);
            }
        }
    }

    private void urbanPlant(County c, Township seat, Rng rng) {
        Coordinate at = WaterSupply.near(c.seat, 1500, 4000, PreparedGeometryFactory.prepare(c.area), rng);
        String code = "WS" + seat.code + "01";
        String name = Names.shortCounty(c.name) + "城区污水处理厂";
        facility(code, name, "township_plant", "operating", rng.uniform(20, 80) * 1000, seat.code, null, at);
        List<Village> served = new ArrayList<>();
        for (Township t : c.townships) {
            if (t.kind == TownshipKind.STREET || t == seat) {
                served.addAll(t.villages.stream()
                        .filter(v -> v.isCommunity() || t.kind == TownshipKind.STREET)
                        .toList());
                pipe(code, at, t.seat, rng.between(6, 12) * 100.0, rng);
            }
        }
        if (served.isEmpty()) {
            served.add(seat.seatVillage);
        }
        out.add(
                "sewage_service_area",
                Geo.coverageUnion(served.stream().map(v -> v.area).toList()),
                "facility_code",
                code,
                "name",
                name + "收集范围");
    }

    private void townshipPlant(Township t, Rng rng) {
        Coordinate at = WaterSupply.near(t.seat, 500, 1500, PreparedGeometryFactory.prepare(t.area), rng);
        String status = switch (rng.weighted(85, 7, 8)) {
            case 0 -> "operating";
            case 1 -> "stopped";
            default -> "building";
        };
        String code = "WS" + t.code + "01";
        String name = t.name + "污水处理厂";
        double designed = rng.between(5, 30) * 100.0;
        Geometry area = Geo.intersection(Geo.point(t.seat).buffer(rng.uniform(900, 1600), 16), t.area);
        facility(
                code, name, "township_plant", status, capacity(code, designed, t.villages, area, 50), t.code, null, at);
        out.add("sewage_service_area", area, "facility_code", code, "name", name + "收集范围");
        pipe(code, at, t.seat, 400, rng);
        int branches = rng.between(3, 5);
        for (int i = 0; i < branches; i++) {
            Coordinate end =
                    Geo.offset(t.seat, rng.uniform(500, 1000), 2 * Math.PI * i / branches + rng.uniform(0, 0.8));
            if (t.area.contains(Geo.point(end))) {
                pipe(code, t.seat, end, 300, rng);
            }
        }
    }

    private void villageFacilities(Township t, Rng rng) {
        if (t.kind == TownshipKind.STREET) {
            return;
        }
        List<Village> rural = t.villages.stream()
                .filter(v -> v != t.seatVillage && v.isRural())
                .toList();
        if (rural.isEmpty()) {
            return;
        }
        // the densest third of the township's villages may have a central facility
        List<Village> dense = new ArrayList<>(rural);
        dense.sort(Comparator.comparingDouble((Village v) -> -v.households / v.area.getArea())
                .thenComparing(v -> v.code));
        List<Village> denser = dense.subList(0, Math.max(1, dense.size() / 3));
        boolean hills = !t.county.sketch.lowland();
        for (Village v : rural) {
            Rng vr = rng.child(v.code);
            if (denser.contains(v) && vr.chance(0.6)) {
                Coordinate at = WaterSupply.near(v.centre, 100, 400, v.prepared(), vr);
                String status = switch (vr.weighted(80, 12, 8)) {
                    case 0 -> "operating";
                    case 1 -> "stopped";
                    default -> "building";
                };
                String code = "WS" + v.code + "01";
                double designed = vr.between(2, 15) * 10.0;
                double radius = vr.uniform(400, 700);
                Geometry area = Geo.intersection(Geo.point(at).buffer(radius, 12), v.area);
                facility(
                        code,
                        Names.shortVillage(v.name) + "污水集中处理站",
                        "village_central",
                        status,
                        capacity(code, designed, List.of(v), area, 5),
                        t.code,
                        v.code,
                        at);
                out.add(
                        "sewage_service_area",
                        area,
                        "facility_code",
                        code,
                        "name",
                        Names.shortVillage(v.name) + "污水收集范围");
                for (NaturalVillage nv : v.naturalVillages) {
                    if (Geo.distance(nv.location, at) < radius) {
                        pipe(code, at, nv.location, 200, vr);
                    }
                }
            } else if (vr.chance(hills ? 0.2 : 0.1)) {
                int k = 1;
                for (NaturalVillage nv : v.naturalVillages) {
                    if (!vr.chance(0.5)) {
                        continue;
                    }
                    boolean multi = vr.chance(0.6);
                    facility(
                            "WS" + v.code + String.format("%02d", ++k),
                            nv.name + (multi ? "联户污水处理设施" : "单户污水处理设施"),
                            multi ? "multi_household" : "single_household",
                            vr.chance(0.9) ? "operating" : "stopped",
                            multi ? vr.between(2, 10) / 2.0 : 0.5,
                            t.code,
                            v.code,
                            WaterSupply.near(nv.location, 20, 80, v.prepared(), vr));
                }
            }
        }
    }

    /**
     * The design capacity (m³/d, a multiple of {@code step}) of a facility whose collection area is {@code area}: for
     * a fifth of them (their own random stream) 0.04 m³ per person inside, too small; else at least 0.15 m³ per person.
     */
    private double capacity(String code, double designed, List<Village> villages, Geometry area, double step) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
        int people = 0;
        for (Village v : villages) {
            for (NaturalVillage nv : v.naturalVillages) {
                if (inside.covers(Geo.point(nv.location))) {
                    people += nv.population;
                }
            }
        }
        if (people > 0 && Rng.of(seed, "sewage-load/" + code).chance(0.2)) {
            return Math.max(step / 10, Math.floor(people * 0.04 / step) * step);
        }
        return Math.max(designed, Math.ceil(people * 0.15 / step) * step);
    }

    private void facility(
            String code,
            String name,
            String kind,
            String status,
            double capacity,
            String township,
            String village,
            Coordinate at) {
        out.add(
                "sewage_facility",
                Geo.point(at),
                "code",
                code,
                "name",
                name,
                "kind",
                kind,
                "status",
                status,
                "capacity_m3d",
                capacity,
                "township_code",
                township,
                "village_code",
                village);
    }

    private void pipe(String facility, Coordinate from, Coordinate to, double diameter, Rng rng) {
        if (from.equals2D(to)) {
            return;
        }
        out.add(
                "sewage_pipe",
                Geo.meander(from, to, 0.05, (int) Math.max(1, Math.min(6, Geo.distance(from, to) / 1500)), rng),
                "facility_code",
                facility,
                "diameter_mm",
                diameter);
    }
}
