package cn.yiyang.planning.demo;

import cn.yiyang.planning.demo.Model.City;
import cn.yiyang.planning.demo.Model.County;
import cn.yiyang.planning.demo.Model.NaturalVillage;
import cn.yiyang.planning.demo.Model.Township;
import cn.yiyang.planning.demo.Model.TownshipKind;
import cn.yiyang.planning.demo.Model.Village;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Rural water supply: one integrated city-rural works per county near its seat, serving the urban
 * sub-districts and the townships nearby; a 千人以上 scheme per other township serving its
 * villages; 千人以下 schemes in villages beyond their reach, and some villages on dispersed supply
 * only. Some schemes lack disinfection or a delineated source protection zone; service areas
 * (unions of the served villages, or a radius around a small scheme), mains from the works, and
 * half-yearly water quality tests 2023–2026 with a few failures and some works not tested.
 *
 * <p>For the facility rules (issue 13): most works operate, a few are stopped, one or two are under
 * construction and some have no status (counting as operating); the second test of 2026 falls in September to
 * November, so that on 2026-12-01 most works were tested within six months and the others are overdue or failed.
 * About a third of the works also carry their last test as the water bureau records it ({@code last_tested_on},
 * {@code last_test_result}): usually the latest record, sometimes a later test of their own that has no record.
 * These come from random streams of their own per works, so the rest of the city is unchanged by them.
 */
final class WaterSupply {

    private static final double SMALL_REACH = 1500;

    private final long seed;
    private final City city;
    private final Layers out;
    private final List<Object[]> testRecords = new ArrayList<>();

    WaterSupply(long seed, City city, Layers out) {
        this.seed = seed;
        this.city = city;
        this.out = out;
    }

    private record Work(
            String code,
            String name,
            String kind,
            Coordinate at,
            String county,
            boolean disinfection,
            boolean protection) {}

    void build() {
        for (County c : city.counties) {
            Rng rng = Rng.of(seed, "water/" + c.code);
            List<Township> integrated = c.townships.stream()
                    .filter(t -> t.kind == TownshipKind.STREET
                            || t.isDevelopmentZone()
                            || t.isCountySeat()
                            || Geo.distance(t.seat, c.seat) < 12000)
                    .toList();
            Coordinate at = near(c.seat, 2000, 5000, PreparedGeometryFactory.prepare(c.area), rng);
            Work w = new Work(
                    "SG" + c.code + "001",
                    Names.shortCounty(c.name) + "城乡一体化供水厂",
                    "integrated",
                    at,
                    c.code,
                    true,
                    true);
            List<Village> served = new ArrayList<>();
            List<Coordinate> hubs = new ArrayList<>();
            for (Township t : integrated) {
                served.addAll(t.villages);
                hubs.add(t.seat);
            }
            serve(w, served, Double.MAX_VALUE);
            emitWork(w, c.code, rng.uniform(30, 120) * 1000, population(served, w, Double.MAX_VALUE), served, null);
            // trunk mains from the works to the served township seats, branches on to the village
            // centres: spanning trees, as networks are laid
            List<Coordinate> trunk = new ArrayList<>(List.of(at));
            trunk.addAll(hubs);
            for (int[] e : RoadLayout.spanningTree(trunk)) {
                pipe(w, trunk.get(e[0]), trunk.get(e[1]), rng.between(6, 10) * 50.0, "球墨铸铁管", rng);
            }
            for (Township t : integrated) {
                List<Coordinate> branch = new ArrayList<>(List.of(t.seat));
                t.villages.stream().filter(v -> v.centre != t.seat).forEach(v -> branch.add(v.centre));
                for (int[] e : RoadLayout.spanningTree(branch)) {
                    pipe(w, branch.get(e[0]), branch.get(e[1]), rng.chance(0.5) ? 110.0 : 160.0, "PE管", rng);
                }
            }
            for (Township t : c.townships) {
                if (integrated.contains(t) || t.isWetland() && t.villages.size() < 2) {
                    continue;
                }
                Rng tr = rng.child(t.code);
                Coordinate wat = near(t.seat, 500, 2500, PreparedGeometryFactory.prepare(t.area), tr);
                Work large = new Work(
                        "SG" + t.code + "1", t.name + "水厂", "large", wat, c.code, tr.chance(0.9), tr.chance(0.85));
                List<Village> ls = t.villages.stream()
                        .filter(v -> Geo.distance(v.centre, wat) < 9000)
                        .toList();
                serve(large, ls, Double.MAX_VALUE);
                int pop = Math.max(population(ls, large, Double.MAX_VALUE), tr.between(1000, 3000));
                emitWork(large, c.code, Math.max(500, Math.round(pop * 0.15 / 50) * 50.0), pop, ls, null);
                List<Coordinate> nodes = new ArrayList<>();
                nodes.add(wat);
                ls.forEach(v -> nodes.add(v.centre));
                for (int[] e : RoadLayout.spanningTree(nodes)) {
                    pipe(
                            large,
                            nodes.get(e[0]),
                            nodes.get(e[1]),
                            tr.pick(List.of(90.0, 110.0, 160.0)),
                            tr.chance(0.7) ? "PE管" : "PVC-U管",
                            tr);
                }
                // villages beyond reach: small schemes, or dispersed supply
                for (Village v : t.villages) {
                    if (v.waterKind != null) {
                        continue;
                    }
                    Rng vr = tr.child(v.code);
                    if (!vr.chance(0.85)) {
                        continue;
                    }
                    Coordinate sat = near(v.centre, 100, 600, v.prepared(), vr);
                    Work small = new Work(
                            "SG" + v.code,
                            Names.shortVillage(v.name) + "集中供水站",
                            "small",
                            sat,
                            c.code,
                            vr.chance(0.6),
                            vr.chance(0.35));
                    serve(small, List.of(v), SMALL_REACH);
                    int spop = Math.min(999, Math.max(80, population(List.of(v), small, SMALL_REACH)));
                    Geometry area = Geo.intersection(Geo.point(sat).buffer(SMALL_REACH, 12), v.area);
                    emitWork(
                            small, c.code, Math.min(199, Math.max(20, Math.round(spop * 0.15))), spop, List.of(), area);
                    for (NaturalVillage nv : v.naturalVillages) {
                        if (small.code.equals(servedBy(nv, small)) && Geo.distance(nv.location, sat) < SMALL_REACH) {
                            pipe(small, sat, nv.location, vr.chance(0.5) ? 50.0 : 63.0, "PE管", vr);
                        }
                    }
                }
            }
        }
        for (Object[] t : testRecords) {
            out.add("water_quality_test", null, t);
        }
    }

    private static String servedBy(NaturalVillage nv, Work w) {
        return nv.waterSource.equals(w.kind) ? w.code : null;
    }

    /** Marks the villages (and their natural villages within {@code reach}) as served by {@code w}. */
    private static void serve(Work w, List<Village> villages, double reach) {
        for (Village v : villages) {
            if (v.waterKind != null) {
                continue;
            }
            v.waterKind = w.kind;
            for (NaturalVillage nv : v.naturalVillages) {
                if (Geo.distance(nv.location, w.at) < reach || reach == Double.MAX_VALUE) {
                    nv.waterSource = w.kind;
                }
            }
        }
    }

    private static int population(List<Village> villages, Work w, double reach) {
        int pop = 0;
        for (Village v : villages) {
            for (NaturalVillage nv : v.naturalVillages) {
                if (reach == Double.MAX_VALUE || Geo.distance(nv.location, w.at) < reach) {
                    pop += nv.population;
                }
            }
        }
        return pop;
    }

    private void emitWork(Work w, String county, double capacity, int served, List<Village> villages, Geometry area) {
        String status = status(w);
        LocalDate lastTest = null;
        String lastResult = null;
        for (Object[] t : tests(w, status)) {
            testRecords.add(t);
            if (lastTest == null || !((LocalDate) t[3]).isBefore(lastTest)) {
                lastTest = (LocalDate) t[3];
                lastResult = (String) t[5];
            }
        }
        Rng own = Rng.of(seed, "water-last/" + w.code);
        boolean recorded = !"building".equals(status) && own.chance(0.35);
        if (recorded && own.chance(0.3)) {
            // a test of the works' own after the last record (not sent to the test register)
            lastTest = LocalDate.of(2026, 10, 1).plusDays(own.nextInt(50));
            lastResult = own.chance(0.9) ? "pass" : "fail";
        }
        out.add(
                "water_work",
                Geo.point(w.at),
                "code",
                w.code,
                "name",
                w.name,
                "kind",
                w.kind,
                "capacity_m3d",
                capacity,
                "served_population",
                served,
                "disinfection",
                w.disinfection,
                "protection_zone",
                w.protection,
                "status",
                status,
                "last_tested_on",
                recorded ? lastTest : null,
                "last_test_result",
                recorded && lastTest != null ? lastResult : null,
                "county_code",
                county);
        Geometry serviceArea = area != null
                ? area
                : Geo.coverageUnion(villages.stream().map(v -> v.area).toList());
        if (!serviceArea.isEmpty()) {
            out.add("water_service_area", serviceArea, "water_work_code", w.code, "name", w.name + "供水范围");
        }
    }

    private void pipe(Work w, Coordinate from, Coordinate to, double diameter, String material, Rng rng) {
        if (from.equals2D(to)) {
            return;
        }
        double len = Geo.distance(from, to);
        out.add(
                "water_pipe",
                Geo.meander(from, to, 0.05, (int) Math.max(1, Math.min(8, len / 2000)), rng),
                "water_work_code",
                w.code,
                "diameter_mm",
                diameter,
                "material",
                material);
    }

    /**
     * The works' state: the city's integrated works operate; of the others most operate, 14 % have no status
     * (counting as operating), 4.5 % are stopped and one in two hundred is under construction.
     */
    private String status(Work w) {
        if (w.kind.equals("integrated")) {
            return "operating";
        }
        return switch (Rng.of(seed, "water-status/" + w.code).weighted(81, 14, 4.5, 0.5)) {
            case 0 -> "operating";
            case 1 -> null;
            case 2 -> "stopped";
            default -> "building";
        };
    }

    /**
     * The works' half-yearly tests 2023–2026 (the second of 2026 in September–November), as the attributes of a
     * {@code water_quality_test} feature: none for works under construction, none after 2025 for stopped ones; a
     * tenth of the small schemes never tested.
     */
    private List<Object[]> tests(Work w, String status) {
        List<Object[]> tests = new ArrayList<>();
        if ("building".equals(status)) {
            return tests;
        }
        Rng rng = Rng.of(seed, "water-tests/" + w.code);
        double present = switch (w.kind) {
            case "integrated" -> 1.0;
            case "large" -> 0.93;
            default -> rng.chance(0.1) ? 0 : 0.85;
        };
        double fail = switch (w.kind) {
            case "integrated" -> 0.01;
            case "large" -> 0.03;
            default -> 0.08;
        };
        int last = "stopped".equals(status) ? 2025 : 2026;
        for (int year = 2023; year <= last; year++) {
            for (int half = 0; half < 2; half++) {
                if (!rng.chance(present)) {
                    continue;
                }
                LocalDate start = LocalDate.of(year, half == 0 ? 4 : year == 2026 ? 9 : 10, 1);
                LocalDate on = start.plusDays(rng.nextInt(88));
                tests.add(new Object[] {
                    "water_work_code", w.code, "tested_on", on, "result", rng.chance(fail) ? "fail" : "pass"
                });
            }
        }
        return tests;
    }

    /** A point {@code min}–{@code max} m from {@code c} inside {@code area} (or {@code c} itself). */
    static Coordinate near(Coordinate c, double min, double max, PreparedGeometry area, Rng rng) {
        for (int i = 0; i < 50; i++) {
            Coordinate p = Geo.offset(c, rng.uniform(min, max), rng.uniform(0, 2 * Math.PI));
            if (area.contains(Geo.point(p))) {
                return p;
            }
            max = Math.max(min, max * 0.9);
        }
        return Geo.offset(c, 1, 0);
    }
}
