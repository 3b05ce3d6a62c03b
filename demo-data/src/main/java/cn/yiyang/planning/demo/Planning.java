package cn.yiyang.planning.demo;

import cn.yiyang.planning.demo.Model.City;
import cn.yiyang.planning.demo.Model.NaturalVillage;
import cn.yiyang.planning.demo.Model.Road;
import cn.yiyang.planning.demo.Model.Village;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Practical village plans (实用性村庄规划), each covering one to three neighbouring villages of a
 * township, mostly approved (with document numbers and dates), some being compiled, reviewed or
 * revised; and, for a few approved plans, the land-use parcels (current and planned) covering the
 * whole plan area: roads (060101) along the village and group roads, homesteads (0703) around
 * the natural villages, the village service centre (0704), farmland, forest and water, and in the
 * planned state some homestead reclaimed, new homestead land, a water works site (1301) and a
 * reserve (16).
 */
final class Planning {

    static final int PLANS = 40;
    static final int PLANS_WITH_LAND_USE = 5;

    private final long seed;
    private final City city;
    private final Layers out;

    Planning(long seed, City city, Layers out) {
        this.seed = seed;
        this.city = city;
        this.out = out;
    }

    void build() {
        Rng rng = Rng.of(seed, "plans");
        List<Village> rural = city.villages.stream().filter(Village::isRural).toList();
        Set<Village> used = new HashSet<>();
        int withLandUse = 0;
        for (int made = 0, attempt = 0; made < PLANS && attempt < 10_000; attempt++) {
            Village first = rng.pick(rural);
            if (used.contains(first)) {
                continue;
            }
            int size = 1 + rng.weighted(50, 35, 15);
            List<Village> members = new ArrayList<>(List.of(first));
            List<Village> neighbours = first.township.villages.stream()
                    .filter(v -> v != first && v.isRural() && !used.contains(v))
                    .sorted(Comparator.comparingDouble(v -> Geo.distance(v.centre, first.centre)))
                    .toList();
            for (Village v : neighbours) {
                if (members.size() >= size) {
                    break;
                }
                if (members.stream().anyMatch(m -> m.area.intersects(v.area))) {
                    members.add(v);
                }
            }
            used.addAll(members);
            made++;
            Geometry area = Geo.coverageUnion(members.stream().map(v -> v.area).toList());
            String code = "CZGH" + first.code;
            String names = members.stream().map(v -> Names.shortVillage(v.name)).collect(Collectors.joining("、"));
            int stage = rng.weighted(70, 12, 13, 5);
            // the last stage is a revision of an approved plan: compiled again, its approval kept
            String status = switch (stage) {
                case 0 -> "approved";
                case 1 -> "reviewing";
                default -> "compiling";
            };
            String document = null;
            LocalDate approvedOn = null;
            if (stage == 0 || stage == 3) {
                int year = 2021 + rng.weighted(20, 35, 45);
                approvedOn = LocalDate.of(year, 1, 1).plusDays(rng.nextInt(360));
                document = first.township.county.sketch.documentPrefix() + "〔" + year + "〕" + rng.between(1, 160) + "号";
            }
            out.add(
                    "village_plan",
                    area,
                    "code",
                    code,
                    "name",
                    first.township.name + names + "村庄规划（2021—2035年）",
                    "village_codes",
                    members.stream().map(v -> v.code).collect(Collectors.joining(",")),
                    "status",
                    status,
                    "document_number",
                    document,
                    "approved_on",
                    approvedOn);
            if (status.equals("approved") && withLandUse < PLANS_WITH_LAND_USE) {
                withLandUse++;
                landUse(code, area, members, rng.child(code));
            }
        }
    }

    private void landUse(String plan, Geometry area, List<Village> members, Rng rng) {
        boolean hills = !members.get(0).township.county.sketch.lowland();
        int k = rng.between(30, 50);
        List<Coordinate> seeds = Partitioner.spread(area, k, List.of(), 1, rng);
        List<Partitioner.Region> regions = new ArrayList<>();
        for (Coordinate c : seeds) {
            regions.add(new Partitioner.Region(c, rng.uniform(0.5, 1.5)));
        }
        List<Geometry> cells = Partitioner.partition(area, regions, Math.sqrt(area.getArea() / (k * 6.0)), true, rng);

        // current state
        List<NaturalVillage> nvs =
                members.stream().flatMap(v -> v.naturalVillages.stream()).toList();
        Coordinate centre = members.get(0).centre;
        String[] current = new String[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            Geometry cell = cells.get(i);
            boolean settled = nvs.stream().anyMatch(nv -> cell.isWithinDistance(Geo.point(nv.location), 60));
            if (cell.intersects(Geo.point(centre))) {
                current[i] = "0704";
            } else if (settled) {
                current[i] = "0703";
            } else {
                current[i] = switch (rng.weighted(hills ? 35 : 65, hills ? 45 : 10, 6, 5, 3)) {
                    case 0 -> "01";
                    case 1 -> "03";
                    case 2 -> "17";
                    case 3 -> "02";
                    default -> "0602";
                };
            }
        }
        // planned state: reclaim one homestead, open new homestead land, a water works site, a reserve
        String[] planned = current.clone();
        List<Integer> farmland = new ArrayList<>();
        List<Integer> homestead = new ArrayList<>();
        for (int i = 0; i < current.length; i++) {
            if (current[i].equals("01")) {
                farmland.add(i);
            } else if (current[i].equals("0703")) {
                homestead.add(i);
            }
        }
        if (homestead.size() > 1) {
            planned[homestead.get(rng.nextInt(homestead.size()))] = "01";
        }
        String[] changes = {"0703", "1301", "16", "08"};
        for (String change : changes) {
            if (!farmland.isEmpty()) {
                planned[farmland.remove(rng.nextInt(farmland.size()))] = change;
            }
        }

        List<Geometry> corridors = new ArrayList<>();
        Set<Village> inPlan = new HashSet<>(members);
        for (Road r : city.roads) {
            if (r.village() != null
                    && inPlan.contains(r.village())
                    && !r.adminClass().equals("household")) {
                corridors.add(r.line().buffer(r.width() / 2 + 2, 2));
            }
        }
        Geometry roads = corridors.isEmpty() ? Geo.M.createPolygon() : Geo.intersection(Geo.union(corridors), area);
        for (String state : List.of("current", "planned")) {
            String[] codes = state.equals("current") ? current : planned;
            for (int i = 0; i < cells.size(); i++) {
                Geometry parcel = roads.isEmpty() ? cells.get(i) : Geo.difference(cells.get(i), roads);
                emit(plan, codes[i], state, parcel);
            }
            emit(plan, "060101", state, roads);
        }
    }

    private void emit(String plan, String code, String state, Geometry g) {
        for (Polygon p : Geo.polygons(g)) {
            if (p.getArea() >= 20) {
                out.add("plan_land_use", p, "plan_code", plan, "land_use_code", code, "state", state);
            }
        }
    }
}
