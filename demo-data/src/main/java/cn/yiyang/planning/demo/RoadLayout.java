package cn.yiyang.planning.demo;

import cn.yiyang.planning.demo.Model.Access;
import cn.yiyang.planning.demo.Model.City;
import cn.yiyang.planning.demo.Model.County;
import cn.yiyang.planning.demo.Model.NaturalVillage;
import cn.yiyang.planning.demo.Model.Road;
import cn.yiyang.planning.demo.Model.Township;
import cn.yiyang.planning.demo.Model.TownshipKind;
import cn.yiyang.planning.demo.Model.Village;
import cn.yiyang.planning.layers.catalogue.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;

/**
 * Lays out the demo city's rural roads (named so as not to be taken for geo-core's {@code RoadNetwork}, the
 * graph the analysis builds from the road layer), connected through shared end points: national and provincial
 * roads between county seats, county roads between township seats (a minimum spanning tree of their
 * Delaunay triangulation plus some of its other edges), township and village roads from each
 * township seat to the village centres (a spanning tree), group roads from each village centre to
 * its natural villages, and some household access roads. Surfaces, hardening, technical grade and
 * width follow the class. Realistic gaps: natural villages with only a gravel or earth road or
 * none; a few isolated hardened fragments; a few village roads that stop short of the network
 * (broken links). Also the bus stops and the 通返不通 inspection register.
 */
final class RoadLayout {

    static final int ISOLATED_FRAGMENTS = 10;
    static final int BROKEN_LINKS = 8;
    private static final String[] NATIONAL = {"G319", "G536", "G234"};
    private static final String[] PROVINCIAL = {"S308", "S217", "S225", "S226", "S229", "S320", "S318", "S223"};
    private static final String[] CAUSES = {"水毁", "塌方", "桥梁损毁", "路面严重破损", "边坡垮塌"};

    private final long seed;
    private final City city;
    private final Settlements settlements;
    private final Layers out;
    private final Map<String, Integer> sequence = new HashMap<>();

    RoadLayout(long seed, City city, Settlements settlements, Layers out) {
        this.seed = seed;
        this.city = city;
        this.settlements = settlements;
        this.out = out;
    }

    void build() {
        busStops(Rng.of(seed, "bus-stops"));
        trunk(Rng.of(seed, "trunk"));
        for (County c : city.counties) {
            countyRoads(c, Rng.of(seed, "county-roads/" + c.code));
        }
        Set<Village> broken = chooseBrokenLinks(Rng.of(seed, "broken-links"));
        for (Township t : city.townships) {
            townshipRoads(t, broken, Rng.of(seed, "township-roads/" + t.code));
        }
        for (Village v : city.villages) {
            groupRoads(v, broken.contains(v), Rng.of(seed, "group-roads/" + v.code));
        }
        fragments(Rng.of(seed, "fragments"));
        for (Road r : city.roads) {
            out.add(
                    "road",
                    r.line(),
                    "code",
                    r.code(),
                    "name",
                    r.name(),
                    "admin_class",
                    r.adminClass(),
                    "tech_grade",
                    r.techGrade(),
                    "surface",
                    r.surface(),
                    "hardened",
                    r.hardened(),
                    "width",
                    r.width(),
                    "all_season",
                    r.allSeason(),
                    "bus_route",
                    r.busRoute(),
                    "street_lighting",
                    r.lighting(),
                    "maintainer",
                    r.maintainer());
        }
        inspections(Rng.of(seed, "inspections"));
    }

    private void busStops(Rng rng) {
        for (Township t : city.townships) {
            if (t.kind == TownshipKind.SPECIAL && t.isWetland() || !rng.chance(0.96)) {
                continue;
            }
            t.seatVillage.busStop = true;
            String name = t.kind == TownshipKind.STREET ? t.name + "公交站" : t.name + "汽车站";
            out.add(
                    "bus_stop",
                    Geo.point(Geo.offset(t.seat, rng.uniform(15, 40), rng.uniform(0, 2 * Math.PI))),
                    "code",
                    "BS" + t.code + "000",
                    "name",
                    name,
                    "village_code",
                    t.seatVillage.code);
        }
        for (Village v : city.villages) {
            if (v == v.township.seatVillage) {
                continue;
            }
            double p = switch (v.township.county.code) {
                case "430923" -> 0.68;
                case "430922" -> 0.80;
                default -> v.township.kind == TownshipKind.STREET ? 0.7 : 0.88;
            };
            if (!rng.chance(p)) {
                continue;
            }
            v.busStop = true;
            out.add(
                    "bus_stop",
                    Geo.point(Geo.offset(v.centre, rng.uniform(15, 40), rng.uniform(0, 2 * Math.PI))),
                    "code",
                    "BS" + v.code,
                    "name",
                    Names.shortVillage(v.name) + "招呼站",
                    "village_code",
                    v.code);
        }
    }

    private void trunk(Rng rng) {
        List<Coordinate> seats = city.counties.stream().map(c -> c.seat).toList();
        List<int[]> edges = new ArrayList<>(spanningTree(seats));
        List<int[]> extra = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            for (int j = i + 1; j < seats.size(); j++) {
                if (!contains(edges, i, j)) {
                    extra.add(new int[] {i, j});
                }
            }
        }
        extra.sort((a, b) -> Double.compare(
                Geo.distance(seats.get(a[0]), seats.get(a[1])), Geo.distance(seats.get(b[0]), seats.get(b[1]))));
        edges.addAll(extra.subList(0, Math.min(2, extra.size())));
        edges.sort((a, b) -> -Double.compare(
                Geo.distance(seats.get(a[0]), seats.get(a[1])), Geo.distance(seats.get(b[0]), seats.get(b[1]))));
        int nat = 0;
        int prov = 0;
        for (int[] e : edges) {
            County a = city.counties.get(e[0]);
            County b = city.counties.get(e[1]);
            boolean national = nat < NATIONAL.length;
            String route = national ? NATIONAL[nat++] : PROVINCIAL[prov++ % PROVINCIAL.length];
            String grade = national ? (rng.chance(0.6) ? "class1" : "class2") : rng.chance(0.7) ? "class2" : "class3";
            double width = switch (grade) {
                case "class1" -> rng.uniform(21, 24);
                case "class2" -> rng.uniform(12, 15);
                default -> rng.uniform(8.5, 10);
            };
            LineString line = line(a.seat, b.seat, rng);
            city.roads.add(new Road(
                    route + Region.CITY_CODE,
                    route + "（" + Names.shortCounty(a.name) + "—" + Names.shortCounty(b.name) + "段）",
                    national ? "national" : "provincial",
                    grade,
                    "asphalt",
                    half(width),
                    true,
                    true,
                    rng.chance(0.3),
                    "益阳市公路建设养护中心",
                    line,
                    null));
        }
    }

    private void countyRoads(County c, Rng rng) {
        List<Township> ts = c.townships;
        List<Coordinate> seats = ts.stream().map(t -> t.seat).toList();
        List<int[]> edges = new ArrayList<>(spanningTree(seats));
        double longest = 0;
        for (int[] e : edges) {
            longest = Math.max(longest, Geo.distance(seats.get(e[0]), seats.get(e[1])));
        }
        for (int[] e : delaunayEdges(seats)) {
            double d = Geo.distance(seats.get(e[0]), seats.get(e[1]));
            if (!contains(edges, e[0], e[1]) && d < 0.9 * longest && rng.chance(0.35)) {
                edges.add(e);
            }
        }
        String maintainer = Names.shortCounty(c.name) + "交通运输局";
        for (int[] e : edges) {
            Township a = ts.get(e[0]);
            Township b = ts.get(e[1]);
            boolean class3 = rng.chance(0.85);
            String surface = rng.chance(0.6) ? "asphalt" : "cement";
            double width = class3 ? rng.uniform(7, 8.5) : rng.uniform(6, 7);
            city.roads.add(new Road(
                    code("X", 3, c.code),
                    a.name + "—" + b.name + "公路",
                    "county",
                    class3 ? "class3" : "class4",
                    surface,
                    half(width),
                    true,
                    true,
                    rng.chance(0.35),
                    maintainer,
                    line(a.seat, b.seat, rng),
                    null));
        }
    }

    /** Leaf villages whose road to the network stops short. */
    private Set<Village> chooseBrokenLinks(Rng rng) {
        List<Village> candidates = new ArrayList<>();
        for (Township t : city.townships) {
            List<Village> vs = t.villages;
            if (vs.size() < 4) {
                continue;
            }
            int[] parent = townshipTree(t);
            int[] degree = new int[vs.size()];
            for (int i = 0; i < vs.size(); i++) {
                if (parent[i] >= 0) {
                    degree[i]++;
                    degree[parent[i]]++;
                }
            }
            for (int i = 0; i < vs.size(); i++) {
                if (parent[i] >= 0 && degree[i] == 1 && vs.get(i).isRural()) {
                    candidates.add(vs.get(i));
                }
            }
        }
        Set<Village> chosen = new LinkedHashSet<>();
        while (chosen.size() < BROKEN_LINKS && chosen.size() < candidates.size()) {
            chosen.add(rng.pick(candidates));
        }
        return chosen;
    }

    /** The township's village tree: parent index per village (the seat village is the root, -1). */
    private static int[] townshipTree(Township t) {
        List<Coordinate> centres = new ArrayList<>();
        int root = t.villages.indexOf(t.seatVillage);
        for (Village v : t.villages) {
            centres.add(v.centre);
        }
        return prim(centres, root);
    }

    private void townshipRoads(Township t, Set<Village> broken, Rng rng) {
        String county = t.county.code;
        int[] parent = townshipTree(t);
        String maintainerTownship = t.name + (t.kind == TownshipKind.STREET ? "办事处" : "人民政府");
        for (int i = 0; i < t.villages.size(); i++) {
            if (parent[i] < 0) {
                continue;
            }
            Village child = t.villages.get(i);
            Village from = t.villages.get(parent[i]);
            boolean township = from == t.seatVillage;
            LineString line = line(child.centre, from.centre, rng);
            if (broken.contains(child)) {
                LengthIndexedLine li = new LengthIndexedLine(line);
                double len = line.getLength();
                line = (LineString) li.extractLine(0, len - Math.min(len * 0.3, rng.uniform(40, 120)));
                line = Geo.M.createLineString(snapAll(line.getCoordinates()));
            }
            Road r;
            if (township) {
                boolean class3 = rng.chance(0.3);
                r = new Road(
                        code("Y", 3, county),
                        t.name + "—" + Names.shortVillage(child.name) + "公路",
                        "township",
                        class3 ? "class3" : "class4",
                        rng.chance(0.85) ? "cement" : "asphalt",
                        half(class3 ? rng.uniform(6, 7) : rng.uniform(4.5, 6)),
                        true,
                        child.busStop && rng.chance(0.9),
                        rng.chance(0.45),
                        maintainerTownship,
                        line,
                        child);
            } else {
                r = villageRoad(child, code("C", 4, county), Names.shortVillage(child.name) + "通村路", line, rng);
            }
            city.roads.add(r);
            if (broken.contains(child)) {
                city.brokenLinks.add(r.code());
                city.disconnectedRoads.add(r.code());
            }
        }
    }

    private Road villageRoad(Village v, String code, String name, LineString line, Rng rng) {
        boolean hardened = rng.chance(0.91);
        String surface = hardened ? "cement" : rng.chance(0.7) ? "gravel" : "earth";
        String grade = hardened ? (rng.chance(0.55) ? "class4" : "substandard") : "substandard";
        double width = hardened ? rng.uniform(3.5, 4.5) : rng.uniform(3, 4.5);
        return new Road(
                code,
                name,
                "village",
                grade,
                surface,
                half(width),
                allSeason(surface, rng),
                hardened && v.busStop && rng.chance(0.8),
                rng.chance(v.demonstration ? 0.8 : 0.35),
                Names.shortVillage(v.name),
                line,
                v);
    }

    private void groupRoads(Village v, boolean disconnected, Rng rng) {
        boolean hills = !v.township.county.sketch.lowland();
        boolean anhua = v.township.county.code.equals("430923");
        boolean urban = v.township.kind == TownshipKind.STREET;
        for (NaturalVillage nv : v.naturalVillages) {
            double p = rng.nextDouble();
            double none = urban ? 0 : anhua ? 0.07 : hills ? 0.05 : 0.03;
            double unhardened = urban ? 0 : anhua ? 0.14 : hills ? 0.10 : 0.07;
            nv.access = p < none ? Access.NONE : p < none + unhardened ? Access.UNHARDENED : Access.HARDENED;
        }
        List<NaturalVillage> order = new ArrayList<>(v.naturalVillages);
        order.sort((a, b) -> Double.compare(Geo.distance(a.location, v.centre), Geo.distance(b.location, v.centre)));
        List<NaturalVillage> connected = new ArrayList<>();
        String maintainer = Names.shortVillage(v.name);
        for (NaturalVillage nv : order) {
            if (nv.access == Access.NONE) {
                continue;
            }
            Coordinate from = v.centre;
            double best = Geo.distance(nv.location, v.centre);
            for (NaturalVillage c : connected) {
                if (nv.access == Access.HARDENED && c.access != Access.HARDENED) {
                    continue;
                }
                double d = Geo.distance(nv.location, c.location);
                if (d < best) {
                    best = d;
                    from = c.location;
                }
            }
            connected.add(nv);
            boolean hardened = nv.access == Access.HARDENED;
            String surface =
                    hardened ? (rng.chance(0.95) ? "cement" : "asphalt") : rng.chance(0.55) ? "gravel" : "earth";
            String grade = hardened && rng.chance(0.25) ? "class4" : "substandard";
            double width = hardened ? rng.uniform(3, 3.5) : rng.uniform(2.5, 3.5);
            Road r = new Road(
                    "Z" + nv.code,
                    nv.name + "通组路",
                    "group",
                    grade,
                    surface,
                    half(width),
                    allSeason(surface, rng),
                    false,
                    hardened && rng.chance(0.15),
                    maintainer,
                    line(from, nv.location, rng),
                    v);
            nv.groupRoad = r.line();
            city.roads.add(r);
            if (disconnected) {
                city.disconnectedRoads.add(r.code());
            }
            if (hardened && rng.chance(0.35)) {
                householdRoads(nv, disconnected, maintainer, rng);
            }
        }
    }

    private void householdRoads(NaturalVillage nv, boolean disconnected, String maintainer, Rng rng) {
        List<Coordinate> homes = settlements.locations(nv);
        for (int i = 0; i < homes.size(); i++) {
            Coordinate h = homes.get(i);
            if (!rng.chance(0.3) || h.equals2D(nv.location)) {
                continue;
            }
            String surface = rng.chance(0.85) ? "cement" : "earth";
            Road r = new Road(
                    "R" + nv.code + String.format("%03d", i + 1),
                    nv.name + "入户路",
                    "household",
                    null,
                    surface,
                    half(rng.uniform(1.5, 3)),
                    allSeason(surface, rng),
                    false,
                    false,
                    maintainer,
                    line(nv.location, h, rng),
                    nv.village);
            city.roads.add(r);
            if (disconnected) {
                city.disconnectedRoads.add(r.code());
            }
        }
    }

    private void fragments(Rng rng) {
        List<Village> rural = city.villages.stream().filter(Village::isRural).toList();
        Set<Village> used = new HashSet<>();
        int made = 0;
        for (int attempt = 0; attempt < 1000 && made < ISOLATED_FRAGMENTS; attempt++) {
            Village v = rng.pick(rural);
            if (used.contains(v)) {
                continue;
            }
            Coordinate a = Geo.randomPointIn(v.prepared(), rng);
            if (a == null
                    || Geo.distance(a, v.centre) < 400
                    || v.naturalVillages.stream().anyMatch(nv -> Geo.distance(nv.location, a) < 400)) {
                continue;
            }
            Coordinate b = Geo.offset(a, rng.uniform(200, 600), rng.uniform(0, 2 * Math.PI));
            if (!v.prepared().contains(Geo.point(b))) {
                continue;
            }
            used.add(v);
            made++;
            Road r = new Road(
                    code("C", 4, v.township.county.code),
                    Names.shortVillage(v.name) + "产业路",
                    "village",
                    "substandard",
                    "cement",
                    half(rng.uniform(3, 4)),
                    true,
                    false,
                    false,
                    Names.shortVillage(v.name),
                    line(a, b, rng),
                    v);
            city.roads.add(r);
            city.isolatedFragments.add(r.code());
            city.disconnectedRoads.add(r.code());
        }
    }

    /** 通返不通: roads inspected passable, later found impassable, some fixed and closed (销号). */
    private void inspections(Rng rng) {
        LocalDate end = LocalDate.of(2025, 11, 30);
        for (Road r : city.roads) {
            String cls = r.adminClass();
            if (cls.equals("household") || cls.equals("national") || cls.equals("provincial")) {
                continue;
            }
            if (!rng.chance(0.04)) {
                continue;
            }
            LocalDate first = LocalDate.of(2023, 1, 1).plusDays(rng.nextInt(365));
            out.add("road_inspection", null, "road_code", r.code(), "inspected_on", first, "status", "open");
            LocalDate blocked = LocalDate.of(2024, 3, 1).plusDays(rng.nextInt(570));
            String cause = CAUSES[rng.weighted(40, 25, 10, 15, 10)];
            LocalDate closed = null;
            if (rng.chance(0.6)) {
                closed = blocked.plusDays(rng.between(7, 120));
                if (closed.isAfter(end)) {
                    closed = null;
                }
            }
            out.add(
                    "road_inspection",
                    null,
                    "road_code",
                    r.code(),
                    "inspected_on",
                    blocked,
                    "status",
                    "blocked",
                    "cause",
                    cause,
                    "closed_on",
                    closed);
            if (closed != null) {
                out.add("road_inspection", null, "road_code", r.code(), "inspected_on", closed, "status", "open");
                if (rng.chance(0.2)) {
                    LocalDate again = closed.plusDays(rng.between(30, 200));
                    if (!again.isAfter(end)) {
                        out.add(
                                "road_inspection",
                                null,
                                "road_code",
                                r.code(),
                                "inspected_on",
                                again,
                                "status",
                                "blocked",
                                "cause",
                                CAUSES[rng.weighted(40, 25, 10, 15, 10)]);
                    }
                }
            }
        }
    }

    private static boolean allSeason(String surface, Rng rng) {
        return switch (surface) {
            case "asphalt", "cement" -> rng.chance(0.99);
            case "gravel" -> rng.chance(0.75);
            default -> rng.chance(0.2);
        };
    }

    private String code(String prefix, int digits, String county) {
        int n = sequence.merge(prefix + county, 1, Integer::sum);
        return prefix + String.format("%0" + digits + "d", n) + county;
    }

    private LineString line(Coordinate a, Coordinate b, Rng rng) {
        double len = Geo.distance(a, b);
        int bends = (int) Math.max(1, Math.min(14, len / 1500));
        return Geo.meander(a, b, len > 3000 ? 0.06 : 0.1, bends, rng);
    }

    private static double half(double width) {
        return Math.round(width * 2) / 2.0;
    }

    private static Coordinate[] snapAll(Coordinate[] cs) {
        Coordinate[] outCs = new Coordinate[cs.length];
        for (int i = 0; i < cs.length; i++) {
            outCs[i] = Geo.snap(cs[i].x, cs[i].y);
        }
        return outCs;
    }

    private static boolean contains(List<int[]> edges, int i, int j) {
        for (int[] e : edges) {
            if (e[0] == i && e[1] == j || e[0] == j && e[1] == i) {
                return true;
            }
        }
        return false;
    }

    /** Minimum spanning tree edges (Prim, from node 0). */
    static List<int[]> spanningTree(List<Coordinate> nodes) {
        int[] parent = prim(nodes, 0);
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < parent.length; i++) {
            if (parent[i] >= 0) {
                edges.add(new int[] {parent[i], i});
            }
        }
        return edges;
    }

    /** Prim's minimum spanning tree from {@code root}: the parent of each node (-1 for the root). */
    static int[] prim(List<Coordinate> nodes, int root) {
        int n = nodes.size();
        int[] parent = new int[n];
        double[] best = new double[n];
        boolean[] in = new boolean[n];
        Arrays.fill(parent, -1);
        Arrays.fill(best, Double.MAX_VALUE);
        best[root] = 0;
        for (int k = 0; k < n; k++) {
            int u = -1;
            for (int i = 0; i < n; i++) {
                if (!in[i] && (u < 0 || best[i] < best[u])) {
                    u = i;
                }
            }
            in[u] = true;
            for (int i = 0; i < n; i++) {
                double d = Geo.distance(nodes.get(u), nodes.get(i));
                if (!in[i] && d < best[i]) {
                    best[i] = d;
                    parent[i] = u;
                }
            }
        }
        return parent;
    }

    private static List<int[]> delaunayEdges(List<Coordinate> nodes) {
        List<int[]> edges = new ArrayList<>();
        if (nodes.size() < 3) {
            return edges;
        }
        Map<Coordinate, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        DelaunayTriangulationBuilder b = new DelaunayTriangulationBuilder();
        b.setSites(nodes);
        Geometry g = b.getEdges(Geo.M);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Coordinate[] cs = g.getGeometryN(i).getCoordinates();
            Integer a = index.get(cs[0]);
            Integer c = index.get(cs[cs.length - 1]);
            if (a != null && c != null) {
                edges.add(new int[] {Math.min(a, c), Math.max(a, c)});
            }
        }
        edges.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        return edges;
    }
}
