package cn.yiyang.planning.geo.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Household;
import cn.yiyang.planning.geo.access.AccessInput.NaturalVillage;
import cn.yiyang.planning.geo.access.AccessInput.Road;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.AccessResult.GapKind;
import cn.yiyang.planning.geo.access.AccessResult.HouseholdAccess;
import cn.yiyang.planning.geo.access.AccessResult.RoadStatus;
import cn.yiyang.planning.geo.crs.GaussKrugerZone;
import cn.yiyang.planning.geo.measure.LocalProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * One hand-drawn place, in round metres of EPSG:4546 near 112.3°E 28.5°N (scale factor 1.0002, so a 51 m gap is
 * 50.99 m on the ground):
 *
 * <pre>
 *   y
 *  3020                                      H6 ·  F (3000..3200, 3000) isolated hardened fragment
 *  1500                        C4 (hardened, 2000,900..1500)
 *  1200                         · H5 = NV2 (35 households, 120 people), 30 m from C4
 *  1050  L (earth lane, 0..1500) ───── H4 10 m south of L, 40 m north of C1's end: a river between
 *  1000  L2 (earth, 0,0..0,1050)   C1 end
 *   900                         B  bridge (2000,800..900), held impassable by the register
 *   500  H9 at x=-2500           C1 (village road, 1000,0..1000,1000) · T2 seat on it
 *    80   NV1 (40 households)
 *    70   H8 (560)
 *    60                              T1 seat (1500)
 *    51   H3, 49 H2, 30 H1 (x=500)
 *     0  X1 county road (0..2000), class III, bus route; C3 (2000,0..800) hardened
 * </pre>
 */
class RoadAccessAnalysisTest {

    private static final LocalProjection LOCAL = new LocalProjection(new GaussKrugerZone(37));
    private static final GeometryFactory GF = new GeometryFactory();
    private static Coordinate origin;
    private static AccessResult result;
    private static Map<String, HouseholdAccess> houses;

    static Coordinate at(double x, double y) {
        return LOCAL.toLonLat(new Coordinate(origin.x + x, origin.y + y));
    }

    static LineString line(double... xy) {
        Coordinate[] pts = new Coordinate[xy.length / 2];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = at(xy[2 * i], xy[2 * i + 1]);
        }
        return GF.createLineString(pts);
    }

    static Road hardened(String id, boolean class3, boolean bus, boolean seed, double... xy) {
        return new Road(id, line(xy), true, true, class3, bus, seed, true);
    }

    static Road earth(String id, double... xy) {
        return new Road(id, line(xy), false, false, false, false, false, true);
    }

    static Household house(String code, String village, String nv, int people, double x, double y) {
        return new Household(code, village, nv, people, at(x, y));
    }

    static AccessInput scene() {
        Coordinate o = LOCAL.toMetres(new Coordinate(112.3, 28.5));
        origin = new Coordinate(Math.round(o.x), Math.round(o.y));
        List<Road> roads = new ArrayList<>(List.of(
                hardened("X1", true, true, true, 0, 0, 2000, 0),
                hardened("C1", false, false, false, 1000, 0, 1000, 1000),
                hardened("C3", false, false, false, 2000, 0, 2000, 800),
                new Road("B", line(2000, 800, 2000, 900), true, true, false, false, false, false),
                hardened("C4", false, false, false, 2000, 900, 2000, 1500),
                hardened("F", false, false, false, 3000, 3000, 3200, 3000),
                earth("L", 0, 1050, 1500, 1050),
                earth("L2", 0, 0, 0, 1050)));
        String v1 = "430921101001";
        String v2 = "430921101002";
        String v3 = "430921102001";
        List<Household> households = List.of(
                house("H1", v1, "NV1", 4, 500, 30),
                house("H2", v1, "NV1", 3, 500, 49),
                house("H3", v1, "NV1", 5, 500, 51),
                house("H4", v2, null, 2, 1000, 1040),
                house("H5", v2, "NV2", 6, 2030, 1200),
                house("H6", v3, "NV3", 4, 3100, 3020),
                house("H8", v1, "NV1", 1, 560, 70),
                house("H9", v2, null, 3, -2500, 500));
        List<NaturalVillage> nvs = List.of(
                new NaturalVillage("NV1", "东组", v1, 40, 150, at(500, 80)),
                new NaturalVillage("NV2", "北组", v2, 35, 120, at(2030, 1200)),
                new NaturalVillage("NV3", "外组", v3, 10, 30, at(3100, 3020)));
        List<Village> villages = List.of(
                new Village(v1, "一村", "430921101", true, false, true, null),
                new Village(v2, "二村", "430921101", false, true, true, null),
                new Village(v3, "社区", "430921102", false, false, false, null));
        List<Township> townships = List.of(
                new Township("430921101", "甲镇", "430921", at(1500, 60)),
                new Township("430921102", "乙乡", "430921", at(1000, 500)));
        return new AccessInput(
                "430900",
                "益阳市",
                roads,
                households,
                nvs,
                villages,
                townships,
                List.of(new County("430921", "南县")),
                List.of(at(2100, 150)));
    }

    @BeforeAll
    static void run() {
        AccessInput input = scene();
        List<String> stages = new ArrayList<>();
        result = new RoadAccessAnalysis(AccessSettings.defaults()).run(input, (f, stage) -> stages.add(stage));
        houses = result.households().stream().collect(Collectors.toMap(HouseholdAccess::code, Function.identity()));
        assertThat(stages).startsWith("network").endsWith("done");
    }

    @Test
    void roadsTakeTheirPartInTheNetwork() {
        assertThat(result.roadStatus())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "X1",
                        RoadStatus.NETWORK,
                        "C1",
                        RoadStatus.NETWORK,
                        "C3",
                        RoadStatus.NETWORK,
                        "B",
                        RoadStatus.IMPASSABLE,
                        "C4",
                        RoadStatus.FRAGMENT,
                        "F",
                        RoadStatus.FRAGMENT,
                        "L",
                        RoadStatus.UNHARDENED,
                        "L2",
                        RoadStatus.UNHARDENED));
        assertThat(result.fragments()).extracting(f -> f.roadIds().first()).containsExactly("C4", "F");
        assertThat(result.fragments().get(0).lengthM()).isCloseTo(600, within(0.2));
        assertThat(result.network().networkKm()).isCloseTo(3.8, within(0.001));
        assertThat(result.network().impassableRoads()).isEqualTo(1);
    }

    @Test
    void householdsWithinFiftyMetresOfTheNetworkAreServed() {
        assertThat(houses.get("H1").served()).isTrue();
        assertThat(houses.get("H1").distanceM()).isCloseTo(30, within(0.02));
        assertThat(houses.get("H2").served()).isTrue();
        assertThat(houses.get("H3").served()).isFalse();
        assertThat(houses.get("H3").distanceM()).isCloseTo(51, within(0.02));
        assertThat(houses.get("H1").networkDistanceM()).isCloseTo(30, within(0.02));
        assertThat(result.households()).allSatisfy(h -> {
            if (!Double.isNaN(h.networkDistanceM())) {
                assertThat(h.networkDistanceM()).as(h.code()).isGreaterThanOrEqualTo(h.distanceM());
            }
        });
    }

    @Test
    void aRiverDoesNotCountAsAccessAlongTheRoads() {
        HouseholdAccess h4 = houses.get("H4");
        assertThat(h4.served()).isTrue(); // 40 m in a straight line…
        assertThat(h4.distanceM()).isCloseTo(40, within(0.02));
        assertThat(h4.networkServed()).isFalse(); // …but 10 + 1,000 + 1,050 m by road
        assertThat(h4.networkDistanceM()).isCloseTo(2060, within(0.5));
    }

    @Test
    void aBrokenBridgeCutsOffTheRoadBeyondIt() {
        HouseholdAccess h5 = houses.get("H5");
        assertThat(h5.served()).isFalse();
        assertThat(h5.distanceM()).isCloseTo(Math.hypot(30, 400), within(0.1));
        assertThat(h5.networkDistanceM()).isNaN(); // C4 leads nowhere without B
        assertThat(h5.nearestNetwork().distance(at(2000, 800))).isLessThan(1e-7);
    }

    @Test
    void anIsolatedFragmentServesNobody() {
        HouseholdAccess h6 = houses.get("H6");
        assertThat(h6.served()).isFalse();
        assertThat(h6.distanceM()).isCloseTo(Math.hypot(1100, 2220), within(0.6));
    }

    @Test
    void cityIndicatorsAreHandCountable() {
        assertThat(value(AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE, UnitGroup.ALL))
                .containsExactly(3L, 8L);
        assertThat(value(AccessIndicator.HOUSEHOLD_ROAD_ACCESS_POPULATION_RATE, UnitGroup.ALL))
                .containsExactly(9L, 28L);
        assertThat(value(AccessIndicator.HOUSEHOLD_NETWORK_ACCESS_RATE, UnitGroup.ALL))
                .containsExactly(2L, 8L);
        assertThat(value(AccessIndicator.LARGE_NATURAL_VILLAGE_HARDENED_ROAD_RATE, UnitGroup.ALL))
                .containsExactly(1L, 2L);
        assertThat(value(AccessIndicator.TOWNSHIP_CLASS3_ROAD_RATE, UnitGroup.ALL))
                .containsExactly(1L, 2L);
        assertThat(value(AccessIndicator.VILLAGE_BUS_SERVICE_RATE, UnitGroup.ALL))
                .containsExactly(1L, 2L);
        assertThat(value(AccessIndicator.RURAL_ACCESS_INDEX, UnitGroup.ALL)).containsExactly(21L, 24L);
        assertThat(result.indicator(AccessIndicator.RURAL_ACCESS_INDEX, UnitLevel.CITY, "430900", UnitGroup.ALL)
                        .orElseThrow()
                        .value())
                .isEqualTo(0.875);
    }

    @Test
    void keySupportAndDemonstrationVillagesAreTheirOwnGroups() {
        assertThat(value(AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE, UnitGroup.KEY_SUPPORT))
                .containsExactly(2L, 4L);
        assertThat(value(AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE, UnitGroup.DEMONSTRATION))
                .containsExactly(1L, 3L);
        assertThat(result.indicator(
                        AccessIndicator.TOWNSHIP_CLASS3_ROAD_RATE, UnitLevel.CITY, "430900", UnitGroup.KEY_SUPPORT))
                .isEmpty();
    }

    @Test
    void unitsRollUpVillageTownshipCounty() {
        assertThat(result.indicator(
                                AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE,
                                UnitLevel.VILLAGE,
                                "430921101001",
                                UnitGroup.ALL)
                        .orElseThrow())
                .extracting(UnitIndicator::numerator, UnitIndicator::denominator, UnitIndicator::parentCode)
                .containsExactly(2L, 4L, "430921101");
        assertThat(result.indicator(
                                AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE,
                                UnitLevel.TOWNSHIP,
                                "430921101",
                                UnitGroup.ALL)
                        .orElseThrow()
                        .value())
                .isEqualTo(3 / 7.0);
        assertThat(result.indicator(
                                AccessIndicator.TOWNSHIP_CLASS3_ROAD_RATE, UnitLevel.COUNTY, "430921", UnitGroup.ALL)
                        .orElseThrow()
                        .value())
                .isEqualTo(0.5);
        assertThat(result.indicator(
                                AccessIndicator.VILLAGE_BUS_SERVICE_RATE,
                                UnitLevel.VILLAGE,
                                "430921102001",
                                UnitGroup.ALL)
                        .orElseThrow()
                        .value())
                .isNull(); // an urban community: not counted
        assertThat(result.indicator(
                        AccessIndicator.TOWNSHIP_CLASS3_ROAD_RATE, UnitLevel.VILLAGE, "430921101001", UnitGroup.ALL))
                .isEmpty();
    }

    @Test
    void naturalVillagesHaveTheirOwnCounts() {
        assertThat(result.indicator(
                                AccessIndicator.HOUSEHOLD_ROAD_ACCESS_RATE,
                                UnitLevel.NATURAL_VILLAGE,
                                "NV1",
                                UnitGroup.ALL)
                        .orElseThrow())
                .extracting(UnitIndicator::numerator, UnitIndicator::denominator, UnitIndicator::parentCode)
                .containsExactly(2L, 4L, "430921101001"); // H1, H2 of H1, H2, H3, H8
        assertThat(result.indicator(
                                AccessIndicator.LARGE_NATURAL_VILLAGE_HARDENED_ROAD_RATE,
                                UnitLevel.NATURAL_VILLAGE,
                                "NV2",
                                UnitGroup.ALL)
                        .orElseThrow())
                .extracting(UnitIndicator::numerator, UnitIndicator::denominator)
                .containsExactly(0L, 1L);
        assertThat(result.indicator(
                                AccessIndicator.LARGE_NATURAL_VILLAGE_HARDENED_ROAD_RATE,
                                UnitLevel.NATURAL_VILLAGE,
                                "NV3",
                                UnitGroup.ALL)
                        .orElseThrow()
                        .value())
                .isNull(); // not large
        assertThat(result.indicator(
                        AccessIndicator.VILLAGE_BUS_SERVICE_RATE, UnitLevel.NATURAL_VILLAGE, "NV1", UnitGroup.ALL))
                .isEmpty();
    }

    @Test
    void gapsAreRankedByPeoplePerKilometreOfRoadToBuild() {
        assertThat(result.gaps())
                .extracting(g -> g.memberCodes().get(0))
                .containsExactly("NV2", "H3", "H5", "H6", "H9");
        AccessResult.Gap nv2 = result.gaps().get(0);
        assertThat(nv2.kind()).isEqualTo(GapKind.NATURAL_VILLAGE);
        assertThat(nv2.rank()).isEqualTo(1);
        assertThat(nv2.roadKm()).isCloseTo((Math.hypot(30, 400) - 100) / 1000, within(1e-4));
        assertThat(nv2.peoplePerKm()).isCloseTo(120 / 0.30112, within(0.2));
        assertThat(nv2.townshipCode()).isEqualTo("430921101");
        assertThat(nv2.countyCode()).isEqualTo("430921");
        AccessResult.Gap cluster = result.gaps().get(1);
        assertThat(cluster.kind()).isEqualTo(GapKind.HOUSEHOLD_CLUSTER);
        assertThat(cluster.memberCodes()).containsExactly("H3", "H8"); // 63 m apart: one cluster
        assertThat(cluster.population()).isEqualTo(6);
        assertThat(cluster.roadKm()).isCloseTo(0.001, within(1e-4));
        assertThat(cluster.peoplePerKm()).isCloseTo(120, within(1e-9)); // 6 people / the 0.05 km floor
        assertThat(cluster.naturalVillageCode()).isEqualTo("NV1");
        assertThat(result.gaps().get(4).networkDistanceM()).isCloseTo(3000, within(1.0)); // H9: 2,500 + 500 m
    }

    @Test
    void naturalVillagesAndTownshipsAndBus() {
        assertThat(result.naturalVillages())
                .extracting(n -> n.large() + "/" + n.connected())
                .containsExactly("true/true", "true/false", "false/false");
        assertThat(result.townships())
                .extracting(AccessResult.TownshipAccess::class3Served)
                .containsExactly(true, false);
        assertThat(result.townships().get(1).distanceM()).isCloseTo(500, within(0.2));
        assertThat(result.villages().get(0).busServed()).isTrue(); // bus route X1 80 m from NV1
        assertThat(result.villages().get(1).busServed()).isFalse(); // the stop is 1,052 m away
        assertThat(result.villages().get(1).busStopDistanceM()).isCloseTo(Math.hypot(70, 1050), within(0.5));
    }

    @Test
    void withoutTheRegisterTheBridgeJoinsTheFarSide() {
        AccessInput input = scene();
        List<Road> roads = input.roads().stream()
                .map(r -> r.id().equals("B") ? new Road("B", r.lonLat(), true, true, false, false, false, true) : r)
                .toList();
        AccessResult open = new RoadAccessAnalysis(AccessSettings.defaults())
                .run(new AccessInput(
                        input.cityCode(),
                        input.cityName(),
                        roads,
                        input.households(),
                        input.naturalVillages(),
                        input.villages(),
                        input.townships(),
                        input.counties(),
                        input.busStops()));
        HouseholdAccess h5 = open.households().get(4);
        assertThat(h5.served()).isTrue();
        assertThat(open.roadStatus().get("C4")).isEqualTo(RoadStatus.NETWORK);
        assertThat(open.fragments()).hasSize(1);
    }

    @Test
    void aNetworkBuiltBeforeTheHouseholdsAreReadGivesTheSameResult() {
        AccessInput input = scene();
        RoadAccessAnalysis analysis = new RoadAccessAnalysis(AccessSettings.defaults());
        AccessNetwork network = analysis.network(new ArrayList<>(input.roads()));
        LocalProjection zone = AccessNetwork.projectionFor(input.roads(), input.households());
        assertThat(network.fits(input, zone, AccessSettings.defaults())).isTrue();
        assertThat(analysis.run(input, network, RoadAccessAnalysis.Progress.NONE))
                .isEqualTo(result);
    }

    @Test
    void theHouseholdsAreHandedOnOnceMeasuredBeforeTheVillagesAndGaps() {
        AccessInput input = scene();
        List<String> order = new ArrayList<>();
        List<List<HouseholdAccess>> told = new ArrayList<>();
        AccessResult r = new RoadAccessAnalysis(AccessSettings.defaults())
                .run(input, null, (f, stage) -> order.add(stage), households -> {
                    told.add(households);
                    order.add("told");
                });
        assertThat(r).isEqualTo(result);
        assertThat(told).singleElement().isEqualTo(result.households());
        assertThat(order).containsSubsequence("households", "told", "villages", "gaps");
    }

    @Test
    void aNetworkOfOtherRoadsOrSettingsOrZoneIsNotUsed() {
        AccessInput input = scene();
        AccessSettings d = AccessSettings.defaults();
        LocalProjection zone = AccessNetwork.projectionFor(input.roads(), input.households());
        AccessNetwork fewer = new RoadAccessAnalysis(d)
                .network(input.roads().subList(1, input.roads().size()));
        assertThat(fewer.fits(input, zone, d)).isFalse();
        AccessSettings notAllSeason = new AccessSettings(
                d.householdServedM(),
                d.largeVillageHouseholds(),
                d.largeVillageConnectedM(),
                d.townshipSeatM(),
                d.busStopM(),
                d.busRouteM(),
                d.ruralAccessM(),
                d.snapToleranceM(),
                d.clusterM(),
                !d.allSeasonCountsAsNetwork());
        AccessNetwork other = new RoadAccessAnalysis(notAllSeason).network(input.roads());
        assertThat(other.fits(input, zone, d)).isFalse();
        assertThat(new RoadAccessAnalysis(d).run(input, other, RoadAccessAnalysis.Progress.NONE))
                .isEqualTo(result);

        // Households far to the east move the data's centre into the next zone: the roads' network is not used.
        List<Household> east = new ArrayList<>(input.households());
        east.add(new Household("H10", "430921101001", null, 1, new Coordinate(116.5, 28.5)));
        AccessInput moved = new AccessInput(
                input.cityCode(),
                input.cityName(),
                input.roads(),
                east,
                input.naturalVillages(),
                input.villages(),
                input.townships(),
                input.counties(),
                input.busStops());
        AccessNetwork roadsZone = new RoadAccessAnalysis(d).network(input.roads());
        LocalProjection movedZone = AccessNetwork.projectionFor(moved.roads(), moved.households());
        assertThat(movedZone).isNotEqualTo(roadsZone.projection);
        assertThat(roadsZone.fits(moved, movedZone, d)).isFalse();
        assertThat(new RoadAccessAnalysis(d).run(moved, roadsZone, RoadAccessAnalysis.Progress.NONE))
                .isEqualTo(new RoadAccessAnalysis(d).run(moved));
    }

    private static List<Long> value(AccessIndicator indicator, UnitGroup group) {
        UnitIndicator u =
                result.indicator(indicator, UnitLevel.CITY, "430900", group).orElseThrow();
        return List.of(u.numerator(), u.denominator());
    }
}
