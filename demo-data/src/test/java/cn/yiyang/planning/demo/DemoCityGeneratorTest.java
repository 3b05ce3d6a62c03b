package cn.yiyang.planning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.geo.plan.Conflict;
import cn.yiyang.planning.geo.plan.ConflictCheck;
import cn.yiyang.planning.geo.plan.ConflictKind;
import cn.yiyang.planning.geo.plan.Constraint;
import cn.yiyang.planning.geo.plan.ConstraintLayer;
import cn.yiyang.planning.geo.plan.ParcelState;
import cn.yiyang.planning.geo.plan.PlanParcel;
import cn.yiyang.planning.geo.plan.VillageCodes;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/** The SMALL synthetic city, generated once: what it contains, and that it is what it claims to be. */
class DemoCityGeneratorTest {

    private static final long SEED = DemoCityGenerator.DEFAULT_SEED;
    private static final Envelope YIYANG = new Envelope(110.70, 112.96, 27.95, 29.54);
    private static final GeometryFactory GF = new GeometryFactory();
    private static DemoCity city;

    @BeforeAll
    static void generate() {
        city = new DemoCityGenerator(SEED, DemoScale.SMALL).generate();
    }

    private static List<Feature> layer(String id) {
        return city.features(id).toList();
    }

    private static Map<String, Feature> byCode(String id) {
        Map<String, Feature> out = new LinkedHashMap<>();
        layer(id).forEach(f -> out.put(f.getString("code"), f));
        return out;
    }

    @Test
    void sameSeedGivesTheSameCity() {
        DemoCity again = new DemoCityGenerator(SEED, DemoScale.SMALL).generate();
        assertThat(again.layerIds()).isEqualTo(city.layerIds());
        for (String id : city.layerIds()) {
            assertThat(again.count(id)).as(id).isEqualTo(city.count(id));
            Iterator<Feature> a = city.features(id).iterator();
            Iterator<Feature> b = again.features(id).iterator();
            int i = 0;
            while (a.hasNext()) {
                Feature x = a.next();
                Feature y = b.next();
                assertThat(y.attributes()).as(id + " #" + i).isEqualTo(x.attributes());
                if (x.geometry() != null) {
                    assertThat(y.geometry().equalsExact(x.geometry()))
                            .as(id + " #" + i + " geometry")
                            .isTrue();
                }
                i++;
            }
            assertThat(b.hasNext()).as(id).isFalse();
        }
        assertThat(again.disconnectedRoads()).isEqualTo(city.disconnectedRoads());
    }

    @Test
    void anotherSeedGivesAnotherCity() {
        DemoCity other = new DemoCityGenerator(SEED + 1, DemoScale.SMALL).generate();
        assertThat(other.features("village")
                        .map(Feature::geometry)
                        .toList()
                        .get(0)
                        .equalsExact(layer("village").get(0).geometry()))
                .isFalse();
        assertThat(other.features("village").map(f -> f.getString("code")).toList())
                .isEqualTo(
                        layer("village").stream().map(f -> f.getString("code")).toList());
    }

    @Test
    void everyRealUnitWithItsCodeAndName() throws IOException {
        Map<String, String> townships = csv("demo/yiyang_townships.csv", 0, 1);
        Map<String, String> villages = csv("demo/yiyang_villages.csv", 0, 1);
        Map<String, String> counties = csv("demo/yiyang_townships.csv", 2, 3);
        assertThat(counties)
                .hasSize(8)
                .containsKeys("430902", "430903", "430921", "430922", "430923", "430971", "430972", "430981");
        assertThat(townships).hasSize(98);
        assertThat(villages).hasSize(1446);
        assertThat(names("county")).isEqualTo(counties);
        assertThat(names("township")).isEqualTo(townships);
        assertThat(names("village")).isEqualTo(villages);
        assertThat(layer("township_seat"))
                .extracting(f -> f.getString("township_code"))
                .containsExactlyInAnyOrderElementsOf(townships.keySet());
        for (Feature v : layer("village")) {
            assertThat(v.getString("township_code"))
                    .isEqualTo(v.getString("code").substring(0, 9));
        }
        for (Feature t : layer("township")) {
            assertThat(t.getString("county_code")).isEqualTo(t.getString("code").substring(0, 6));
        }
    }

    private static Map<String, String> names(String layerId) {
        Map<String, String> out = new LinkedHashMap<>();
        layer(layerId).forEach(f -> out.put(f.getString("code"), f.getString("name")));
        return out;
    }

    private static Map<String, String> csv(String resource, int key, int value) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var in = DemoCityGeneratorTest.class.getClassLoader().getResourceAsStream(resource);
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            r.lines().filter(l -> !l.isBlank()).map(l -> l.split(",")).forEach(row -> out.put(row[key], row[value]));
        }
        return out;
    }

    @Test
    void countySeatsAtTheirRealPositions() {
        Map<String, double[]> seats = Map.of(
                "430902",
                new double[] {112.324, 28.591},
                "430903",
                new double[] {112.374, 28.560},
                "430921",
                new double[] {112.396, 29.362},
                "430922",
                new double[] {112.156, 28.518},
                "430923",
                new double[] {111.213, 28.375},
                "430981",
                new double[] {112.355, 28.845},
                "430971",
                new double[] {112.560, 29.170},
                "430972",
                new double[] {112.420, 28.545});
        Map<String, Feature> counties = byCode("county");
        seats.forEach((code, lonLat) -> assertThat(
                        counties.get(code).geometry().contains(GF.createPoint(new Coordinate(lonLat[0], lonLat[1]))))
                .as(code)
                .isTrue());
        Map<String, Double> areas = new HashMap<>();
        counties.forEach((code, f) -> areas.put(code, km2(f.geometry())));
        assertThat(areas.get("430923")).as("安化县").isBetween(4300.0, 5800.0);
        assertThat(areas.get("430922")).as("桃江县").isBetween(1700.0, 2500.0);
        assertThat(areas.get("430972")).as("高新区").isLessThan(400.0);
        assertThat(areas.get("430923"))
                .isGreaterThan(areas.values().stream()
                                .filter(a -> a < 4000)
                                .mapToDouble(a -> a)
                                .sum()
                        / 2);
    }

    private static double km2(Geometry lonLat) {
        double lat = Math.toRadians(lonLat.getCentroid().getY());
        return lonLat.getArea() * 111.32 * 111.32 * Math.cos(lat);
    }

    @Test
    void unitsNestAndTileTheOutline() {
        Map<String, Feature> counties = byCode("county");
        Map<String, Feature> townships = byCode("township");
        Map<String, Double> townshipArea = new HashMap<>();
        for (Feature t : townships.values()) {
            assertThat(t.geometry().isValid()).as(t.getString("code")).isTrue();
            Geometry county = counties.get(t.getString("county_code")).geometry();
            assertThat(county.contains(t.geometry().getInteriorPoint()))
                    .as(t.getString("code"))
                    .isTrue();
        }
        Map<String, Double> villageSum = new HashMap<>();
        for (Feature v : layer("village")) {
            assertThat(v.geometry().isValid()).as(v.getString("code")).isTrue();
            assertThat(v.geometry().getNumGeometries())
                    .as(v.getString("code") + " in one piece")
                    .isEqualTo(1);
            Geometry township = townships.get(v.getString("township_code")).geometry();
            assertThat(township.contains(v.geometry().getInteriorPoint()))
                    .as(v.getString("code"))
                    .isTrue();
            villageSum.merge(v.getString("township_code"), v.geometry().getArea(), Double::sum);
        }
        townships.forEach((code, t) -> assertThat(villageSum.get(code))
                .as("villages tile " + code)
                .isCloseTo(t.geometry().getArea(), Percentage.withPercentage(0.01)));
        double countySum = 0;
        for (Feature c : counties.values()) {
            assertThat(c.geometry().isValid()).isTrue();
            countySum += c.geometry().getArea();
            double townshipSum = townships.values().stream()
                    .filter(t -> t.getString("county_code").equals(c.getString("code")))
                    .mapToDouble(t -> t.geometry().getArea())
                    .sum();
            assertThat(townshipSum).isCloseTo(c.geometry().getArea(), Percentage.withPercentage(0.01));
        }
        assertThat(countySum).isCloseTo(city.outline().getArea(), Percentage.withPercentage(0.5));
        assertThat(YIYANG.contains(city.outline().getEnvelopeInternal())).isTrue();
        assertThat(km2(city.outline())).isBetween(12_000.0, 14_500.0);
    }

    @Test
    void naturalVillagesAndHouseholdsLieInTheirVillagesAndAddUp() {
        Map<String, PreparedGeometry> villages = new HashMap<>();
        Map<String, Feature> villageFeatures = byCode("village");
        villageFeatures.forEach((code, f) -> villages.put(code, PreparedGeometryFactory.prepare(f.geometry())));
        Map<String, Integer> households = new HashMap<>();
        Map<String, Integer> population = new HashMap<>();
        Map<String, Integer> perVillage = new HashMap<>();
        int large = 0;
        for (Feature nv : layer("natural_village")) {
            String code = nv.getString("code");
            String village = nv.getString("village_code");
            assertThat(code).matches(village + "\\d{3}");
            assertThat(villages.get(village).contains(nv.geometry())).as(code).isTrue();
            int h = (Integer) nv.get("households");
            assertThat(h).isBetween(5, 120);
            large += h >= 30 ? 1 : 0;
            households.merge(village, h, Integer::sum);
            population.merge(village, (Integer) nv.get("population"), Integer::sum);
            perVillage.merge(village, 1, Integer::sum);
        }
        assertThat(large).isGreaterThan(20);
        assertThat(perVillage).hasSize(1446);
        assertThat(perVillage.values()).allMatch(n -> n >= 1 && n <= 3);
        villageFeatures.forEach((code, v) -> {
            assertThat(v.get("households")).as(code).isEqualTo(households.get(code));
            assertThat(v.get("population")).as(code).isEqualTo(population.get(code));
        });

        Map<String, Integer> nvPopulation = new HashMap<>();
        Map<String, Integer> nvHouseholds = new HashMap<>();
        long count = 0;
        long toilets = 0;
        Set<String> codes = new HashSet<>();
        for (Iterator<Feature> it = city.features("household").iterator(); it.hasNext(); ) {
            Feature h = it.next();
            count++;
            String nv = h.getString("natural_village_code");
            assertThat(h.getString("code")).startsWith(nv);
            assertThat(codes.add(h.getString("code"))).isTrue();
            assertThat(villages.get(h.getString("village_code")).contains(h.geometry()))
                    .as(h.getString("code"))
                    .isTrue();
            assertThat((Integer) h.get("population")).isBetween(1, 6);
            toilets += Boolean.TRUE.equals(h.get("sanitary_toilet")) ? 1 : 0;
            nvPopulation.merge(nv, (Integer) h.get("population"), Integer::sum);
            nvHouseholds.merge(nv, 1, Integer::sum);
        }
        assertThat(count).isEqualTo(city.count("household")).isBetween(10_000L, 20_000L);
        assertThat((double) toilets / count).isBetween(0.80, 0.90);
        for (Feature nv : layer("natural_village")) {
            assertThat(nvHouseholds.get(nv.getString("code"))).isEqualTo(nv.get("households"));
            assertThat(nvPopulation.get(nv.getString("code"))).isEqualTo(nv.get("population"));
        }
    }

    @Test
    void thePlansFlagsInTheirNumbers() {
        List<Feature> villages = layer("village");
        assertThat(villages.stream().filter(v -> Boolean.TRUE.equals(v.get("poverty_exited"))))
                .hasSize(297);
        List<Feature> key = villages.stream()
                .filter(v -> Boolean.TRUE.equals(v.get("key_support")))
                .toList();
        List<Feature> demo = villages.stream()
                .filter(v -> Boolean.TRUE.equals(v.get("demonstration")))
                .toList();
        assertThat(key).hasSize(103);
        assertThat(demo).hasSize(104);
        assertThat(key.stream()
                        .filter(v -> v.getString("code").startsWith("430923"))
                        .count())
                .isGreaterThan(70);
        assertThat(demo.stream()
                        .filter(v -> v.getString("code").startsWith("430903"))
                        .count())
                .isGreaterThan(60);
        assertThat(villages)
                .filteredOn(v -> ((Double) v.get("collective_income")) < 1)
                .isNotEmpty();
        assertThat(villages)
                .filteredOn(v -> Boolean.FALSE.equals(v.get("has_cultural_centre")))
                .isNotEmpty();
        Map<String, Long> urbanRural = villages.stream()
                .collect(Collectors.groupingBy(v -> v.getString("urban_rural_code"), Collectors.counting()));
        assertThat(urbanRural.keySet()).contains("111", "112", "121", "210", "220");
        assertThat(urbanRural.get("220")).isGreaterThan(villages.size() / 2);
    }

    @Test
    void everyValueFitsTheCatalogue() {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        assertThat(city.layerIds())
                .containsExactlyElementsOf(
                        catalogue.sourceLayers().stream().map(LayerDef::id).toList());
        for (LayerDef layer : catalogue.sourceLayers()) {
            assertThat(city.count(layer.id())).as(layer.id()).isPositive();
            Set<String> keys = new HashSet<>();
            city.features(layer.id()).forEach(f -> {
                assertThat(layer.fields().stream().map(FieldDef::name).toList())
                        .containsAll(f.attributes().keySet());
                for (FieldDef field : layer.fields()) {
                    Object v = f.get(field.name());
                    if (field.required()) {
                        assertThat(v).as(layer.id() + "." + field.name()).isNotNull();
                    }
                    if (v == null) {
                        continue;
                    }
                    switch (field.type()) {
                        case TEXT -> assertThat(v).isInstanceOf(String.class);
                        case CODE ->
                            assertThat(field.codeList().byValue((String) v))
                                    .as(layer.id() + "." + field.name() + "=" + v)
                                    .isPresent();
                        case INTEGER -> assertThat(v).isInstanceOf(Integer.class);
                        case DECIMAL -> assertThat(v).isInstanceOf(Double.class);
                        case BOOLEAN -> assertThat(v).isInstanceOf(Boolean.class);
                        case DATE -> assertThat(v).isInstanceOf(LocalDate.class);
                    }
                }
                if (layer.keyField() != null) {
                    assertThat(keys.add(f.getString(layer.keyField())))
                            .as(layer.id() + " key " + f.getString(layer.keyField()))
                            .isTrue();
                }
                if (layer.geometry().hasGeometry()) {
                    Geometry g = f.geometry();
                    assertThat(g).isNotNull();
                    assertThat(YIYANG.contains(g.getEnvelopeInternal()))
                            .as(layer.id())
                            .isTrue();
                    if (!(g instanceof Point)) {
                        assertThat(g.isValid()).as(layer.id() + " valid").isTrue();
                    }
                } else {
                    assertThat(f.geometry()).isNull();
                }
            });
        }
    }

    @Test
    void roadNetworkIsConnectedExceptTheDeliberateGaps() {
        List<Feature> roads = layer("road");
        Map<Coordinate, Integer> node = new HashMap<>();
        int[] parent = new int[roads.size() * 2];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        // union-find over the roads: roads sharing an end point are connected
        int[] roadNode = new int[roads.size()];
        for (int i = 0; i < roads.size(); i++) {
            Coordinate[] cs = roads.get(i).geometry().getCoordinates();
            int a = node.computeIfAbsent(cs[0], k -> node.size());
            int b = node.computeIfAbsent(cs[cs.length - 1], k -> node.size());
            union(parent, a, b);
            roadNode[i] = a;
        }
        Map<Integer, List<String>> components = new HashMap<>();
        for (int i = 0; i < roads.size(); i++) {
            components
                    .computeIfAbsent(find(parent, roadNode[i]), k -> new ArrayList<>())
                    .add(roads.get(i).getString("code"));
        }
        List<String> main = components.values().stream()
                .max((x, y) -> Integer.compare(x.size(), y.size()))
                .orElseThrow();
        Set<String> outside = roads.stream()
                .map(f -> f.getString("code"))
                .filter(c -> !main.contains(c))
                .collect(Collectors.toSet());
        assertThat(outside).isEqualTo(city.disconnectedRoads());
        assertThat(city.isolatedRoadFragments()).hasSize(RoadLayout.ISOLATED_FRAGMENTS);
        assertThat(city.brokenRoadLinks()).hasSize(RoadLayout.BROKEN_LINKS);
        assertThat(components).hasSize(1 + RoadLayout.ISOLATED_FRAGMENTS + RoadLayout.BROKEN_LINKS);
        Map<String, Feature> byCode = byCode("road");
        for (String code : city.isolatedRoadFragments()) {
            assertThat(byCode.get(code).get("hardened")).isEqualTo(true);
        }
        for (Feature r : roads) {
            String surface = r.getString("surface");
            assertThat(r.get("hardened"))
                    .as(r.getString("code"))
                    .isEqualTo(surface.equals("asphalt") || surface.equals("cement"));
        }
        assertThat(roads)
                .filteredOn(r -> Boolean.TRUE.equals(r.get("bus_route")))
                .isNotEmpty();
        assertThat(layer("road_inspection"))
                .filteredOn(i -> "blocked".equals(i.get("status")))
                .isNotEmpty()
                .anyMatch(i -> i.get("closed_on") != null)
                .anyMatch(i -> i.get("closed_on") == null);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    @Test
    void largeNaturalVillagesWithoutHardenedRoadExist() {
        STRtree hardened = new STRtree();
        for (Feature r : layer("road")) {
            if (Boolean.TRUE.equals(r.get("hardened"))) {
                hardened.insert(r.geometry().getEnvelopeInternal(), r.geometry());
            }
        }
        double metre = 1 / 111_320.0;
        long unserved = layer("natural_village").stream()
                .filter(nv -> (Integer) nv.get("households") >= 30)
                .filter(nv -> {
                    Envelope e = nv.geometry().getEnvelopeInternal();
                    e.expandBy(150 * metre);
                    @SuppressWarnings("unchecked")
                    List<Geometry> near = hardened.query(e);
                    return near.stream().noneMatch(g -> g.isWithinDistance(nv.geometry(), 100 * metre));
                })
                .count();
        assertThat(unserved).isPositive();
    }

    @Test
    void servicesHaveGaps() {
        Set<String> plants = layer("sewage_facility").stream()
                .filter(f -> f.get("kind").equals("township_plant"))
                .map(f -> f.getString("township_code"))
                .collect(Collectors.toSet());
        assertThat(layer("township"))
                .filteredOn(t -> !plants.contains(t.getString("code"))
                        && !t.getString("name").endsWith("街道"))
                .isNotEmpty();
        assertThat(layer("sewage_facility"))
                .extracting(f -> f.getString("status"))
                .contains("operating", "stopped", "building");
        Set<String> courier = layer("courier_point").stream()
                .map(f -> f.getString("village_code"))
                .collect(Collectors.toSet());
        assertThat((double) courier.size() / 1446).isBetween(0.78, 0.92);
        Set<String> tested = layer("water_quality_test").stream()
                .map(f -> f.getString("water_work_code"))
                .collect(Collectors.toSet());
        List<Feature> works = layer("water_work");
        assertThat(works).filteredOn(w -> !tested.contains(w.getString("code"))).isNotEmpty();
        assertThat(works).filteredOn(w -> w.get("kind").equals("integrated")).hasSize(8);
        assertThat(works)
                .filteredOn(w -> w.get("kind").equals("large") && Boolean.FALSE.equals(w.get("disinfection")))
                .isNotEmpty();
        assertThat(layer("water_quality_test"))
                .extracting(f -> f.getString("result"))
                .contains("pass", "fail");
        List<Feature> cold = layer("cold_chain_site");
        assertThat(cold).filteredOn(f -> f.get("tier").equals("county")).hasSize(7);
        assertThat(cold).filteredOn(f -> f.get("tier").equals("township")).hasSizeBetween(55, 80);
        assertThat(cold).filteredOn(f -> f.get("tier").equals("village")).hasSizeBetween(600, 820);
        assertThat(layer("bus_stop").stream()
                        .map(f -> f.getString("village_code"))
                        .distinct()
                        .count())
                .isBetween(1000L, 1400L);
    }

    @Test
    void plansCoverEveryRuralVillageOnceAtEveryStage() {
        List<Feature> plans = layer("village_plan");
        Map<String, Feature> villages = byCode("village");
        Map<String, Integer> planned = new HashMap<>();
        for (Feature p : plans) {
            List<String> codes = VillageCodes.parse(p.getString("village_codes"));
            assertThat(codes.size()).isBetween(1, 3);
            double sum = 0;
            for (String c : codes) {
                planned.merge(c, 1, Integer::sum);
                Feature v = villages.get(c);
                assertThat(CodeLists.URBAN_RURAL.has(v.getString("urban_rural_code"), CodeTrait.URBAN))
                        .isFalse();
                sum += v.geometry().getArea();
                assertThat(p.geometry().contains(v.geometry().getInteriorPoint()))
                        .isTrue();
            }
            assertThat(p.geometry().getArea()).isCloseTo(sum, Percentage.withPercentage(0.1));
            assertThat(p.getString("period")).isEqualTo("2021—2035年");
            boolean inForce = CodeLists.PLAN_STATUS.has(p.getString("status"), CodeTrait.IN_FORCE);
            if (inForce) {
                assertThat(p.getString("document_number")).matches(".+〔20\\d\\d〕\\d+号");
                assertThat(p.get("approved_on")).isNotNull();
                assertThat(p.getString("approving_authority")).matches(".+(人民政府|管理委员会)");
            } else {
                assertThat(p.get("approved_on")).isNull();
                assertThat(p.get("approving_authority")).isNull();
            }
            assertThat(p.get("compiling_unit") == null)
                    .isEqualTo(p.get("status").equals("not_started"));
            assertThat(p.get("due_on")).isInstanceOf(LocalDate.class);
        }
        assertThat(planned.values()).as("a village in one plan only").allMatch(n -> n == 1);
        long rural = villages.values().stream()
                .filter(v -> !CodeLists.URBAN_RURAL.has(v.getString("urban_rural_code"), CodeTrait.URBAN))
                .count();
        assertThat((double) planned.size() / rural).isGreaterThan(0.9);
        Map<String, Long> byStatus =
                plans.stream().collect(Collectors.groupingBy(p -> p.getString("status"), Collectors.counting()));
        assertThat(byStatus.keySet())
                .containsExactlyInAnyOrder("not_started", "compiling", "reviewing", "approved", "entered");
        assertThat(plans)
                .as("overdue: not in force and due before today")
                .filteredOn(p -> !CodeLists.PLAN_STATUS.has(p.getString("status"), CodeTrait.IN_FORCE)
                        && ((LocalDate) p.get("due_on")).isBefore(LocalDate.now()))
                .hasSizeGreaterThan(20);
        assertThat(plans)
                .filteredOn(p -> p.getString("compiling_unit") != null)
                .allMatch(p -> p.getString("compiling_unit").endsWith("（合成）"));
    }

    @Test
    void someParcelsBreakTheThreeZonesAndLinesAndThePlansInForceDoNot() {
        Map<String, Feature> plans = byCode("village_plan");
        Map<String, List<Feature>> parcels = layer("plan_land_use").stream()
                .collect(Collectors.groupingBy(f -> f.getString("plan_code") + "/" + f.getString("state")));
        assertThat(parcels).hasSize(2 * (Planning.PLANS_WITH_LAND_USE + Planning.PLANS_WITH_CONFLICTS));
        parcels.forEach((key, fs) -> {
            Geometry plan = plans.get(key.split("/")[0]).geometry();
            double area = fs.stream().mapToDouble(f -> f.geometry().getArea()).sum();
            assertThat(area).as(key).isCloseTo(plan.getArea(), Percentage.withPercentage(1));
            assertThat(fs).extracting(f -> f.getString("land_use_code")).contains("060101");
        });
        List<Constraint> constraints = new ArrayList<>();
        layer("basic_farmland")
                .forEach(f -> constraints.add(
                        new Constraint(f.getString("code"), ConstraintLayer.BASIC_FARMLAND, f.geometry())));
        layer("ecological_redline")
                .forEach(f -> constraints.add(
                        new Constraint(f.getString("code"), ConstraintLayer.ECOLOGICAL_REDLINE, f.geometry())));
        layer("town_development_boundary")
                .forEach(f -> constraints.add(
                        new Constraint(f.getString("code"), ConstraintLayer.TOWN_DEVELOPMENT_BOUNDARY, f.geometry())));
        ConflictCheck check = ConflictCheck.of(constraints);
        Map<String, List<PlanParcel>> byPlan = new TreeMap<>();
        int n = 0;
        for (Feature f : layer("plan_land_use")) {
            byPlan.computeIfAbsent(f.getString("plan_code"), k -> new ArrayList<>())
                    .add(new PlanParcel(
                            "p" + n++,
                            f.getString("land_use_code"),
                            f.get("state").equals("planned") ? ParcelState.PLANNED : ParcelState.CURRENT,
                            f.geometry()));
        }
        Map<ConflictKind, Set<String>> stagesByKind = new HashMap<>();
        int inForceWithParcels = 0;
        for (Map.Entry<String, List<PlanParcel>> e : byPlan.entrySet()) {
            String status = plans.get(e.getKey()).getString("status");
            List<Conflict> conflicts = check.run(e.getValue());
            if (CodeLists.PLAN_STATUS.has(status, CodeTrait.IN_FORCE)) {
                inForceWithParcels++;
                assertThat(conflicts).as(e.getKey()).isEmpty();
            }
            conflicts.forEach(c ->
                    stagesByKind.computeIfAbsent(c.kind(), k -> new TreeSet<>()).add(status));
        }
        assertThat(inForceWithParcels).isEqualTo(Planning.PLANS_WITH_LAND_USE);
        assertThat(stagesByKind.get(ConflictKind.BASIC_FARMLAND)).containsExactly("reviewing");
        assertThat(stagesByKind.get(ConflictKind.ECOLOGICAL_REDLINE)).containsExactly("compiling");
        assertThat(stagesByKind.get(ConflictKind.OUTSIDE_TOWN_BOUNDARY)).containsExactly("compiling");
    }

    @Test
    void constraintLayersWhereTheyBelong() {
        Map<String, Feature> counties = byCode("county");
        Map<String, Double> farmland = new HashMap<>();
        for (Feature f : layer("basic_farmland")) {
            farmland.merge(f.getString("county_code"), f.geometry().getArea(), Double::sum);
            assertThat(counties.get(f.getString("county_code"))
                            .geometry()
                            .contains(f.geometry().getInteriorPoint()))
                    .isTrue();
        }
        double lowland = farmland.getOrDefault("430921", 0.0) + farmland.getOrDefault("430981", 0.0);
        assertThat(lowland).isGreaterThan(3 * farmland.getOrDefault("430923", 0.0));
        Geometry anhua = counties.get("430923").geometry();
        double redInAnhua = layer("ecological_redline").stream()
                .mapToDouble(f -> f.geometry().intersection(anhua).getArea())
                .sum();
        assertThat(redInAnhua / anhua.getArea()).isBetween(0.05, 0.5);
        Geometry towns = GF.buildGeometry(layer("town_development_boundary").stream()
                        .map(Feature::geometry)
                        .toList())
                .union();
        for (Feature f : layer("basic_farmland")) {
            assertThat(f.geometry().intersection(towns).getArea()).isLessThan(1e-9);
        }
        Set<String> withBoundary = layer("town_development_boundary").stream()
                .map(f -> f.getString("township_code"))
                .collect(Collectors.toSet());
        assertThat(withBoundary).contains("430923121", "430902005", "430921125");
    }

    /**
     * The facility data exercise every rule of the facility analyses (issue 13), for asOf = 2026-12-01: works of
     * every state, tested within six months, overdue and failed; sewage facilities over capacity at 0.08 m³ a person
     * a day and others well within; cold-chain sites of every tier, some naming another unit than the one they
     * stand in; sanitary toilets near the plan's 90 %.
     */
    @Test
    void facilityDataExerciseEveryRule() {
        List<Feature> works = layer("water_work");
        Map<Object, Long> states = works.stream()
                .collect(Collectors.groupingBy(
                        w -> String.valueOf(w.get("status")), TreeMap::new, Collectors.counting()));
        assertThat(states.keySet()).containsExactly("building", "null", "operating", "stopped");
        assertThat(states.get("operating")).isGreaterThan(works.size() * 7L / 10);
        assertThat(states.get("building")).isBetween(1L, 2L);
        Map<String, LocalDate> latest = new HashMap<>();
        Map<String, String> latestResult = new HashMap<>();
        layer("water_quality_test").forEach(t -> {
            String code = t.getString("water_work_code");
            LocalDate on = (LocalDate) t.get("tested_on");
            if (!latest.containsKey(code) || !on.isBefore(latest.get(code))) {
                latest.put(code, on);
                latestResult.put(code, t.getString("result"));
            }
        });
        assertThat(latest.values()).allMatch(d -> d.isBefore(LocalDate.of(2026, 12, 1)));
        long withOwnDate =
                works.stream().filter(w -> w.get("last_tested_on") != null).count();
        assertThat((double) withOwnDate / works.size()).isBetween(0.2, 0.45);
        long laterThanRecords = works.stream()
                .filter(w -> w.get("last_tested_on") instanceof LocalDate d
                        && (!latest.containsKey(w.getString("code")) || d.isAfter(latest.get(w.getString("code")))))
                .count();
        assertThat(laterThanRecords).isPositive();
        int recent = 0;
        int overdue = 0;
        int failed = 0;
        for (Feature w : works) {
            if ("building".equals(w.get("status"))) {
                continue;
            }
            LocalDate last = latest.get(w.getString("code"));
            String result = latestResult.get(w.getString("code"));
            if (w.get("last_tested_on") instanceof LocalDate own && (last == null || own.isAfter(last))) {
                last = own;
                result = w.getString("last_test_result");
            }
            if (last == null || last.isBefore(LocalDate.of(2026, 6, 1))) {
                overdue++;
            } else if ("fail".equals(result)) {
                failed++;
            } else {
                recent++;
            }
        }
        assertThat(recent).isGreaterThan(overdue + failed);
        assertThat(overdue).isGreaterThan(works.size() / 20);
        assertThat(failed).isPositive();

        Map<String, Geometry> areas = new HashMap<>();
        layer("sewage_service_area").forEach(a -> areas.put(a.getString("facility_code"), a.geometry()));
        List<Feature> naturalVillages = layer("natural_village");
        STRtree index = new STRtree();
        naturalVillages.forEach(n -> index.insert(n.geometry().getEnvelopeInternal(), n));
        int over = 0;
        int within = 0;
        for (Feature f : layer("sewage_facility")) {
            Geometry area = areas.get(f.getString("code"));
            if (area == null || f.get("capacity_m3d") == null) {
                continue;
            }
            PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
            int people = 0;
            for (Object o : index.query(area.getEnvelopeInternal())) {
                Feature n = (Feature) o;
                if (inside.covers(n.geometry())) {
                    people += (Integer) n.get("population");
                }
            }
            if (people * 0.08 > (Double) f.get("capacity_m3d")) {
                over++;
            } else {
                within++;
            }
        }
        assertThat(over).isGreaterThan(10);
        assertThat(within).isGreaterThan(over * 2);

        List<Feature> sites = layer("cold_chain_site");
        assertThat(sites).extracting(f -> f.getString("tier")).contains("county", "township", "village");
        Map<String, PreparedGeometry> villages = new HashMap<>();
        layer("village").forEach(v -> villages.put(v.getString("code"), PreparedGeometryFactory.prepare(v.geometry())));
        long elsewhere = sites.stream()
                .filter(f -> f.getString("village_code") != null)
                .filter(f -> !villages.get(f.getString("village_code")).covers(f.geometry()))
                .count();
        assertThat(elsewhere).isBetween(5L, 60L);
        Map<String, PreparedGeometry> townships = new HashMap<>();
        layer("township")
                .forEach(t -> townships.put(t.getString("code"), PreparedGeometryFactory.prepare(t.geometry())));
        assertThat(sites.stream()
                        .filter(f -> "township".equals(f.get("tier")))
                        .filter(f ->
                                !townships.get(f.getString("township_code")).covers(f.geometry())))
                .isNotEmpty();

        List<Feature> households = layer("household");
        double toilets = households.stream()
                        .filter(h -> Boolean.TRUE.equals(h.get("sanitary_toilet")))
                        .count()
                / (double) households.size();
        assertThat(toilets).isBetween(0.85, 0.92);
        assertThat(households).extracting(h -> h.getString("poverty_status")).contains("none", "exited", "monitored");
    }

    @Test
    void fullScaleHasTheSizeOfRuralYiyang() {
        DemoCity full = new DemoCityGenerator(SEED, DemoScale.FULL).generate();
        assertThat(full.count("household")).isBetween(300_000L, 450_000L);
        Map<String, Long> perVillage = full.features("natural_village")
                .collect(Collectors.groupingBy(f -> f.getString("village_code"), Collectors.counting()));
        assertThat(perVillage).hasSize(1446);
        assertThat(perVillage.values()).allMatch(n -> n >= 6 && n <= 12);
        assertThat(full.count("village")).isEqualTo(1446);
        assertThat(full.features("village")
                        .map(f -> f.geometry())
                        .toList()
                        .get(100)
                        .equalsExact(layer("village").get(100).geometry()))
                .as("same boundaries at both scales")
                .isTrue();
    }
}
