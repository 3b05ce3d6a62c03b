package cn.yiyang.planning.geo.facility;

import static cn.yiyang.planning.geo.facility.Ground.box;
import static cn.yiyang.planning.geo.facility.Ground.household;
import static cn.yiyang.planning.geo.facility.Ground.lonLat;
import static cn.yiyang.planning.geo.facility.Ground.network;
import static cn.yiyang.planning.geo.facility.Ground.road;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.facility.LogisticsInput.ColdChainSite;
import cn.yiyang.planning.geo.facility.LogisticsInput.CourierPoint;
import cn.yiyang.planning.geo.facility.LogisticsInput.Tier;
import cn.yiyang.planning.geo.facility.LogisticsResult.DataProblem;
import cn.yiyang.planning.geo.facility.LogisticsResult.Gap;
import cn.yiyang.planning.geo.facility.LogisticsResult.GapKind;
import cn.yiyang.planning.geo.facility.LogisticsResult.ProblemKind;
import cn.yiyang.planning.geo.facility.LogisticsResult.SitePurpose;
import cn.yiyang.planning.geo.facility.LogisticsResult.SuggestedSite;
import cn.yiyang.planning.geo.facility.LogisticsResult.VillageService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * A county 430999 of two townships (T1 west of x = 4,000 m, T2 east) and four villages 2 km wide (V1, V2 in T1; V3
 * and the urban V4 in T2), and an empty county 430998 east of it. A river runs north-south at x = 4,000: the west
 * road R_w (y = 500, x 0 to 3,700) and the east road R_e (x = 4,500) have no bridge between them.
 */
class LogisticsAnalysisTest {

    private static final String C = "430999";
    private static final String C_EMPTY = "430998";
    private static final String T1 = "430999001";
    private static final String T2 = "430999002";
    private static final String V1 = "430999001001";
    private static final String V2 = "430999001002";
    private static final String V3 = "430999002001";
    private static final String V4 = "430999002002";

    private static final UnitRollup.Units UNITS = new UnitRollup.Units(
            "430900",
            "益阳市",
            List.of(new County(C, "测试县"), new County(C_EMPTY, "空县")),
            List.of(new Township(T1, "一乡", C, null), new Township(T2, "二乡", C, null)),
            List.of(
                    new Village(V1, "一村", T1, false, false, true, null),
                    new Village(V2, "二村", T1, true, false, true, null),
                    new Village(V3, "三村", T2, false, false, true, null),
                    new Village(V4, "四社区", T2, false, false, false, null)));

    private static final List<ColdChainSite> SITES = List.of(
            // the county warehouse, its county field right
            site("W1", Tier.COUNTY, true, C, null, null, lonLat(1000, 1000)),
            // a township centre exactly on the corner T1, T2, V2 and V3 share: inside both, the smaller code wins
            site("C1", Tier.TOWNSHIP, true, null, null, null, lonLat(4000, 4000)),
            // T2's own centre is stopped
            site("C2", Tier.TOWNSHIP, false, C, T2, V3, lonLat(5000, 1000)),
            // V1's outlet is under construction
            site("O1", Tier.VILLAGE, false, C, T1, V1, lonLat(500, 3000)),
            // an outlet in V2 whose village field names V1: a data problem, not used
            site("O2", Tier.VILLAGE, true, C, T1, V1, lonLat(3000, 3000)),
            // V3's outlet, no status recorded (the caller reads that as operating)
            site("O3", Tier.VILLAGE, true, null, null, V3, lonLat(5000, 3000)));

    private static final List<CourierPoint> COURIERS = List.of(new CourierPoint("K1", "二村快递点", V2, lonLat(3700, 500)));

    private static final List<Household> HOUSEHOLDS = List.of(
            household("h1", V1, 3, 1900, 600),
            household("h2", V2, 4, 3000, 3000),
            household("h3", V2, 2, 2500, 1500),
            household("h4", V3, 5, 4300, 600), // 608 m from K1 in a straight line, across the river
            household("h5", V4, 1, 7000, 2000));

    private static LogisticsInput input() {
        return new LogisticsInput(
                UNITS,
                new UnitAreas(Map.of(C, box(0, 0, 8000, 4000), C_EMPTY, box(8000, 0, 10000, 4000))),
                new UnitAreas(Map.of(T1, box(0, 0, 4000, 4000), T2, box(4000, 0, 8000, 4000))),
                new UnitAreas(Map.of(
                        V1, box(0, 0, 2000, 4000),
                        V2, box(2000, 0, 4000, 4000),
                        V3, box(4000, 0, 6000, 4000),
                        V4, box(6000, 0, 8000, 4000))),
                SITES,
                COURIERS,
                HOUSEHOLDS,
                network(road("R_w", 0, 500, 3700, 500), road("R_e", 4500, 0, 4500, 4000)));
    }

    private static final LogisticsSettings WITHIN_2KM = new LogisticsSettings(2_000, 1_500, 5_000, 3, 900);

    @Test
    void countsEachTierInsideItsUnitsAndLeavesOutStoppedUnfinishedAndMisplacedSites() {
        LogisticsResult r = new LogisticsAnalysis(WITHIN_2KM).run(input());

        assertThat(r.counties())
                .extracting(c -> c.code(), c -> c.siteCodes())
                .containsExactly(tuple(C, List.of("W1")), tuple(C_EMPTY, List.of()));
        assertThat(r.townships())
                .extracting(t -> t.code(), t -> t.siteCodes())
                .containsExactly(tuple(T1, List.of("C1")), tuple(T2, List.of()));
        assertThat(r.villages())
                .extracting(VillageService::code, VillageService::outletCodes, VillageService::courierCodes)
                .containsExactly(
                        tuple(V1, List.of(), List.of()),
                        tuple(V2, List.of(), List.of("K1")),
                        tuple(V3, List.of("O3"), List.of()));
        assertThat(r.problems())
                .containsExactly(new DataProblem(
                        ProblemKind.UNIT_MISMATCH,
                        "cold_chain_site",
                        "O2",
                        "village_code",
                        V1,
                        V2,
                        lonLat(3000, 3000)));

        assertThat(value(r, FacilityIndicator.COUNTY_WAREHOUSE_RATE, UnitLevel.CITY, "430900"))
                .isEqualTo(ratio(1, 2));
        assertThat(value(r, FacilityIndicator.TOWNSHIP_COLD_CHAIN_CENTRE_RATE, UnitLevel.CITY, "430900"))
                .isEqualTo(ratio(1, 2));
        assertThat(value(r, FacilityIndicator.VILLAGE_COLD_CHAIN_OUTLET_RATE, UnitLevel.CITY, "430900"))
                .isEqualTo(ratio(1, 3));
        assertThat(value(r, FacilityIndicator.VILLAGE_COLD_CHAIN_OUTLET_RATE, UnitLevel.TOWNSHIP, T2))
                .isEqualTo(ratio(1, 1));
        assertThat(r.indicators())
                .filteredOn(i -> i.indicator() == FacilityIndicator.VILLAGE_COLD_CHAIN_OUTLET_RATE
                        && i.level() == UnitLevel.CITY
                        && i.group() == UnitGroup.KEY_SUPPORT)
                .extracting(UnitIndicator::numerator, UnitIndicator::denominator)
                .containsExactly(tuple(0L, 1L));
    }

    @Test
    void courierServiceWithinTheDistanceAlongRoadsButNotAcrossTheRiver() {
        LogisticsResult r = new LogisticsAnalysis(WITHIN_2KM).run(input());

        VillageService v1 = r.villages().get(0);
        assertThat(v1.courier()).isTrue(); // 100 m to R_w, 1,800 m along it to K1
        assertThat(v1.courierDistanceM()).isCloseTo(1900, within(0.01));
        VillageService v3 = r.villages().get(2);
        assertThat(v3.courier()).isFalse(); // its road R_e reaches no courier point
        assertThat(v3.courierDistanceM()).isNaN();
        assertThat(value(r, FacilityIndicator.VILLAGE_COURIER_SERVICE_RATE, UnitLevel.CITY, "430900"))
                .isEqualTo(ratio(2, 3));

        LogisticsResult insideOnly = new LogisticsAnalysis(LogisticsSettings.defaults()).run(input());
        assertThat(insideOnly.villages()).extracting(VillageService::courier).containsExactly(false, true, false);
        assertThat(insideOnly.villages().get(0).courierDistanceM()).isCloseTo(1900, within(0.01));
        assertThat(value(insideOnly, FacilityIndicator.VILLAGE_COURIER_SERVICE_RATE, UnitLevel.CITY, "430900"))
                .isEqualTo(ratio(1, 3));
    }

    @Test
    void listsEveryGapWithItsSeverityAndHouseholds() {
        List<Gap> gaps = new LogisticsAnalysis(WITHIN_2KM).run(input()).gaps();

        assertThat(gaps)
                .extracting(Gap::code, Gap::severity, Gap::households, Gap::population)
                .containsExactly(
                        tuple("county_no_warehouse-" + C_EMPTY, Severity.HIGH, 0, 0L),
                        tuple("township_no_centre-" + T2, Severity.MEDIUM, 2, 6L),
                        tuple("village_no_outlet-" + V1, Severity.LOW, 1, 3L),
                        tuple("village_no_outlet-" + V2, Severity.MEDIUM, 2, 6L), // a key-support village
                        tuple("village_no_courier-" + V3, Severity.HIGH, 1, 5L));
        Gap courier = gaps.get(4);
        assertThat(courier.kind()).isEqualTo(GapKind.VILLAGE_NO_COURIER);
        assertThat(courier.villageCode()).isEqualTo(V3);
        assertThat(courier.townshipCode()).isEqualTo(T2);
        assertThat(courier.countyCode()).isEqualTo(C);
        assertThat(courier.lonLat()).isEqualTo(lonLat(4300, 600)); // its one household
        assertThat(gaps.get(3).keySupport()).isTrue();
    }

    @Test
    void suggestsSitesForEachTownshipAndVillageThatLacksOne() {
        List<SuggestedSite> sites =
                new LogisticsAnalysis(WITHIN_2KM).run(input()).sites();

        assertThat(sites)
                .extracting(SuggestedSite::code, SuggestedSite::households, SuggestedSite::population)
                .containsExactly(
                        tuple("township_centre-" + T2 + "-1", 2, 6),
                        tuple("township_centre-" + T2 + "-2", 2, 6),
                        tuple("township_centre-" + T2 + "-3", 2, 6),
                        tuple("village_outlet-" + V1 + "-1", 1, 3),
                        tuple("village_outlet-" + V1 + "-2", 1, 3),
                        tuple("village_outlet-" + V2 + "-1", 1, 2), // h2 snaps to R_e, across the river
                        tuple("courier_point-" + V3 + "-1", 1, 5),
                        tuple("courier_point-" + V3 + "-2", 1, 5),
                        tuple("courier_point-" + V3 + "-3", 1, 5));
        // ties go south along R_e, alternatives at least 900 m apart on the 250 m candidate spacing
        assertAt(sites.get(0), 4500, 0);
        assertAt(sites.get(1), 4500, 1000);
        assertAt(sites.get(2), 4500, 2000);
        // R_w is one 3,700 m edge: candidates every 3,700 / 15 m; in V1 the westmost within 1,500 m of h1
        assertAt(sites.get(3), 740, 500);
        assertAt(sites.get(4), 3700.0 * 7 / 15, 500);
        assertAt(sites.get(5), 3700.0 * 9 / 15, 500);
        SuggestedSite first = sites.get(0);
        assertThat(first.purpose()).isEqualTo(SitePurpose.TOWNSHIP_CENTRE);
        assertThat(first.travelM()).isEqualTo(5_000);
        assertThat(first.villageCode()).isEqualTo(V3);
        assertThat(first.townshipCode()).isEqualTo(T2);
        assertThat(first.countyCode()).isEqualTo(C);
        assertThat(sites.get(6).travelM()).isEqualTo(2_000);

        LogisticsInput noRoads = new LogisticsInput(
                UNITS, input().counties(), input().townships(), input().villages(), SITES, COURIERS, HOUSEHOLDS, null);
        LogisticsResult without = new LogisticsAnalysis(WITHIN_2KM).run(noRoads);
        assertThat(without.sites()).isEmpty();
        assertThat(without.villages().get(0).courierDistanceM()).isNaN();
    }

    @Test
    void sitesOutsideEveryUnitOrWithoutATierAreProblemsAndCountNowhere() {
        List<ColdChainSite> sites = List.of(
                site("OUT", Tier.TOWNSHIP, true, null, null, null, lonLat(5000, 9000)),
                site("NOTIER", null, true, C, T2, V3, lonLat(5000, 2000)));
        List<CourierPoint> couriers = List.of(new CourierPoint("KOUT", "河对岸", null, lonLat(-500, 500)));
        LogisticsInput in = input();
        LogisticsResult r = new LogisticsAnalysis(WITHIN_2KM)
                .run(new LogisticsInput(
                        UNITS, in.counties(), in.townships(), in.villages(), sites, couriers, HOUSEHOLDS, in.roads()));

        assertThat(r.problems())
                .extracting(DataProblem::kind, DataProblem::layer, DataProblem::subject)
                .containsExactly(
                        tuple(ProblemKind.OUTSIDE_UNITS, "cold_chain_site", "OUT"),
                        tuple(ProblemKind.NO_TIER, "cold_chain_site", "NOTIER"),
                        tuple(ProblemKind.OUTSIDE_UNITS, "courier_point", "KOUT"));
        assertThat(r.townships()).allSatisfy(t -> assertThat(t.covered()).isFalse());
        assertThat(r.villages()).allSatisfy(v -> {
            assertThat(v.outlet()).isFalse();
            assertThat(v.courier()).isFalse();
        });
        // an unused point measures no distance either
        assertThat(r.villages().get(0).courierDistanceM()).isNaN();
    }

    private static ColdChainSite site(
            String code, Tier tier, boolean inService, String county, String township, String village, Coordinate at) {
        return new ColdChainSite(code, code, tier, inService, county, township, village, at);
    }

    private static Double value(LogisticsResult r, FacilityIndicator indicator, UnitLevel level, String code) {
        return r.indicators().stream()
                .filter(i -> i.indicator() == indicator
                        && i.level() == level
                        && i.code().equals(code)
                        && i.group() == UnitGroup.ALL)
                .findFirst()
                .orElseThrow()
                .value();
    }

    private static Double ratio(int numerator, int denominator) {
        return (double) numerator / denominator;
    }

    private static void assertAt(SuggestedSite site, double x, double y) {
        Coordinate local = Ground.local(site.lonLat());
        assertThat(local.x).as("x of " + site.code()).isCloseTo(x, within(0.01));
        assertThat(local.y).as("y of " + site.code()).isCloseTo(y, within(0.01));
    }
}
