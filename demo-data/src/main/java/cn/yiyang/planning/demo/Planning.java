package cn.yiyang.planning.demo;

import cn.yiyang.planning.demo.Model.City;
import cn.yiyang.planning.demo.Model.County;
import cn.yiyang.planning.demo.Model.NaturalVillage;
import cn.yiyang.planning.demo.Model.Road;
import cn.yiyang.planning.demo.Model.Village;
import cn.yiyang.planning.geo.plan.LandUseClasses;
import cn.yiyang.planning.geo.plan.VillageCodes;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Practical village plans (实用性村庄规划): every rural village (rural by its urban-rural code, which the coverage
 * rate counts) belongs to one plan of one to three neighbouring villages of its township, at every stage of the
 * workflow: mostly approved or entered (with document numbers, dates and the approving county government), some
 * being compiled or reviewed, a few not started; those not in force are mostly overdue (due by end-2023, as the
 * plan asked). Compiling units are synthetic names, labelled （合成）. A few plans have land-use parcels (current
 * and planned) covering the whole plan area: roads (060101) along the village and group roads, homesteads (0703)
 * around the natural villages, the village service centre (0704), farmland, forest and water, and in the planned
 * state some homestead reclaimed, new homestead land, a water works site (1301) and a reserve (16). The plans in
 * force keep planned construction clear of the 三区三线; three plans not yet approved break them on purpose, so
 * that the conflict list and the approval gate have something real to show: planned homestead on basic farmland
 * (a plan under review), a water works site in the ecological red line and commercial land (09, town-type)
 * outside the town development boundary (plans being compiled).
 */
final class Planning {

    /** Which classes are construction: the conflict check's defaults. */
    private static final LandUseClasses CONSTRUCTION = LandUseClasses.DEFAULT;

    static final int PLANS_WITH_LAND_USE = 5;
    /** Plans with a deliberate conflict, each with parcels too. */
    static final int PLANS_WITH_CONFLICTS = 3;

    private static final String[] COMPILING_UNITS = {
        "益阳市规划设计院（合成）", "资水城乡规划设计有限公司（合成）", "洞庭国土空间规划研究所（合成）", "雪峰山规划测绘中心（合成）"
    };
    private static final LocalDate DUE = LocalDate.of(2023, 12, 31);

    /** What a plan's parcels break on purpose. */
    enum Breach {
        NONE,
        BASIC_FARMLAND,
        RED_LINE,
        TOWN_TYPE
    }

    private record Group(String code, List<Village> members, Geometry area) {}

    private final long seed;
    private final City city;
    private final Layers out;
    private final Constraints constraints;

    Planning(long seed, City city, Layers out, Constraints constraints) {
        this.seed = seed;
        this.city = city;
        this.out = out;
        this.constraints = constraints;
    }

    void build() {
        Rng rng = Rng.of(seed, "plans");
        List<Group> groups = groups(rng);
        String[] status = new String[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            status[i] = switch (rng.weighted(30, 42, 9, 11, 8)) {
                case 0 -> "entered";
                case 1 -> "approved";
                case 2 -> "reviewing";
                case 3 -> "compiling";
                default -> "not_started";
            };
        }
        Breach[] breach = new Breach[groups.size()];
        Arrays.fill(breach, Breach.NONE);
        boolean[] parcels = new boolean[groups.size()];
        int withLandUse = 0;
        for (int i = 0; i < groups.size() && withLandUse < PLANS_WITH_LAND_USE; i++) {
            if (CodeLists.PLAN_STATUS.has(status[i], CodeTrait.IN_FORCE)) {
                parcels[i] = true;
                withLandUse++;
            }
        }
        pick(groups, breach, parcels, status, Breach.BASIC_FARMLAND, "reviewing", constraints.basicFarmland());
        pick(groups, breach, parcels, status, Breach.RED_LINE, "compiling", constraints.redLineArea());
        pick(groups, breach, parcels, status, Breach.TOWN_TYPE, "compiling", null);
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            emitPlan(g, status[i], rng.child(g.code() + "/attributes"));
            if (parcels[i]) {
                landUse(g.code(), g.area(), g.members(), rng.child(g.code()), breach[i]);
            }
        }
    }

    /** Every rural village in one group of one to three neighbours of its township, in the villages' order. */
    private List<Group> groups(Rng rng) {
        List<Village> rural = city.villages.stream().filter(Planning::planned).toList();
        Set<Village> used = new HashSet<>();
        List<Group> groups = new ArrayList<>();
        for (Village first : rural) {
            if (used.contains(first)) {
                continue;
            }
            int size = 1 + rng.weighted(50, 35, 15);
            List<Village> members = new ArrayList<>(List.of(first));
            List<Village> neighbours = first.township.villages.stream()
                    .filter(v -> v != first && planned(v) && !used.contains(v))
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
            Geometry area = Geo.coverageUnion(members.stream().map(v -> v.area).toList());
            groups.add(new Group("CZGH" + first.code, members, area));
        }
        return groups;
    }

    /** Villages that have practical village plans: rural ones, by the demo's own rule and by their urban-rural code. */
    private static boolean planned(Village v) {
        return v.isRural() && !CodeLists.URBAN_RURAL.has(v.urbanRural, CodeTrait.URBAN);
    }

    /**
     * Gives the first plan (without parcels) that overlaps {@code constraint} by at least 3 公顷 (or, with no
     * constraint, lies clear of the town boundaries) the breach and the status.
     */
    private void pick(
            List<Group> groups,
            Breach[] breach,
            boolean[] parcels,
            String[] status,
            Breach kind,
            String stage,
            Geometry constraint) {
        PreparedGeometry towns = PreparedGeometryFactory.prepare(constraints.townArea());
        PreparedGeometry area = constraint == null ? null : PreparedGeometryFactory.prepare(constraint);
        for (int i = 0; i < groups.size(); i++) {
            Geometry g = groups.get(i).area();
            if (parcels[i] || towns.intersects(g)) {
                continue;
            }
            if (area == null
                    || area.intersects(g) && Geo.intersection(constraint, g).getArea() >= 30_000) {
                breach[i] = kind;
                status[i] = stage;
                parcels[i] = true;
                return;
            }
        }
        throw new IllegalStateException("no plan for a " + kind + " conflict");
    }

    private void emitPlan(Group g, String status, Rng rng) {
        List<Village> members = g.members();
        Village first = members.get(0);
        County county = first.township.county;
        String names = members.stream().map(v -> Names.shortVillage(v.name)).collect(Collectors.joining("、"));
        boolean inForce = CodeLists.PLAN_STATUS.has(status, CodeTrait.IN_FORCE);
        String document = null;
        LocalDate approvedOn = null;
        String authority = null;
        if (inForce) {
            int year = status.equals("entered") ? 2021 + rng.weighted(40, 45, 15) : 2021 + rng.weighted(20, 35, 45);
            approvedOn = LocalDate.of(year, 1, 1).plusDays(rng.nextInt(360));
            document = county.sketch.documentPrefix() + "〔" + year + "〕" + rng.between(1, 160) + "号";
            authority = county.name + (county.code.startsWith("43097") ? "管理委员会" : "人民政府");
        }
        // most plans not in force missed the end-2023 deadline; some were given until 2027
        LocalDate due = inForce || rng.chance(0.75) ? DUE : LocalDate.of(2027, rng.chance(0.5) ? 6 : 12, 30);
        out.add(
                "village_plan",
                g.area(),
                "code",
                g.code(),
                "name",
                first.township.name + names + "村庄规划（2021—2035年）",
                "village_codes",
                VillageCodes.format(members.stream().map(v -> v.code).toList()),
                "status",
                status,
                "compiling_unit",
                status.equals("not_started") ? null : COMPILING_UNITS[rng.nextInt(COMPILING_UNITS.length)],
                "period",
                "2021—2035年",
                "due_on",
                due,
                "document_number",
                document,
                "approved_on",
                approvedOn,
                "approving_authority",
                authority);
    }

    private void landUse(String plan, Geometry area, List<Village> members, Rng rng, Breach breach) {
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
        String[] changes = {"0703", "1301", "16", "0704"};
        for (String change : changes) {
            if (!farmland.isEmpty()) {
                planned[farmland.remove(rng.nextInt(farmland.size()))] = change;
            }
        }
        keepClear(cells, planned);
        breach(cells, planned, breach);

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

    /**
     * Planned construction stays clear of basic farmland and red lines (by a metre, so that the conversion to
     * degrees cannot make them touch): such a cell is planned as farmland or forest instead, as a plan reclaims
     * homesteads on protected land.
     */
    private void keepClear(List<Geometry> cells, String[] planned) {
        PreparedGeometry farmland = PreparedGeometryFactory.prepare(constraints.basicFarmland());
        PreparedGeometry redLines = PreparedGeometryFactory.prepare(constraints.redLineArea());
        for (int i = 0; i < cells.size(); i++) {
            if (!CONSTRUCTION.isConstruction(planned[i])) {
                continue;
            }
            Geometry near = cells.get(i).buffer(1, 2);
            if (farmland.intersects(near)) {
                planned[i] = "01";
            } else if (redLines.intersects(near)) {
                planned[i] = "03";
            }
        }
    }

    /** The deliberate conflict: the cell most over the constraint, or one clear of everything for town-type land. */
    private void breach(List<Geometry> cells, String[] planned, Breach breach) {
        Geometry constraint = switch (breach) {
            case BASIC_FARMLAND -> constraints.basicFarmland();
            case RED_LINE -> constraints.redLineArea();
            default -> null;
        };
        String code = switch (breach) {
            case BASIC_FARMLAND -> "0703";
            case RED_LINE -> "1301";
            case TOWN_TYPE -> "09";
            case NONE -> null;
        };
        if (code == null) {
            return;
        }
        int best = -1;
        double most = 0;
        for (int i = 0; i < cells.size(); i++) {
            double overlap = constraint == null
                    ? clear(cells.get(i), planned[i]) ? cells.get(i).getArea() : 0
                    : Geo.intersection(cells.get(i), constraint).getArea();
            if (overlap > most) {
                most = overlap;
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no cell for a " + breach + " conflict");
        }
        planned[best] = code;
    }

    /** Whether a cell planned for something other than construction lies clear of farmland and red lines. */
    private boolean clear(Geometry cell, String planned) {
        Geometry near = cell.buffer(1, 2);
        return !CONSTRUCTION.isConstruction(planned)
                && !planned.equals("0601")
                && !near.intersects(constraints.basicFarmland())
                && !near.intersects(constraints.redLineArea());
    }

    private void emit(String plan, String code, String state, Geometry g) {
        for (Polygon p : Geo.polygons(g)) {
            if (p.getArea() >= 20) {
                out.add("plan_land_use", p, "plan_code", plan, "land_use_code", code, "state", state);
            }
        }
    }
}
