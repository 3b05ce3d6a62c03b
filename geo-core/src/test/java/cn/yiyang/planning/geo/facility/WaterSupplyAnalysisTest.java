package cn.yiyang.planning.geo.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.crs.GaussKrugerZone;
import cn.yiyang.planning.geo.facility.WaterInput.Main;
import cn.yiyang.planning.geo.facility.WaterInput.QualityTest;
import cn.yiyang.planning.geo.facility.WaterInput.ServiceArea;
import cn.yiyang.planning.geo.facility.WaterInput.Work;
import cn.yiyang.planning.geo.facility.WaterResult.HouseholdSupply;
import cn.yiyang.planning.geo.facility.WaterResult.Via;
import cn.yiyang.planning.geo.facility.WaterResult.WorkReport;
import cn.yiyang.planning.geo.measure.GeodesicDistance;
import cn.yiyang.planning.geo.measure.LocalProjection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A fixture with exact answers: two counties, three townships, one village each; works in service, stopped, under
 * construction, without status and dispersed; a household on a service-area edge, households 99 m and 101 m from a
 * main, tests exactly 6 months and 6 months + 1 day old, a failed latest test, a field date newer than the records,
 * a test after {@code asOf}, and a county code naming another county.
 */
class WaterSupplyAnalysisTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final LocalProjection LOCAL = new LocalProjection(new GaussKrugerZone(37));
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 7);

    private static final String T1 = "430901001";
    private static final String T2 = "430901002";
    private static final String T3 = "430902001";
    private static final String V1 = "430901001001";
    private static final String V2 = "430901002001";
    private static final String V3 = "430902001001";

    private static final UnitRollup.Units UNITS = new UnitRollup.Units(
            "430900",
            "益阳市",
            List.of(new County("430901", "甲县"), new County("430902", "乙县")),
            List.of(
                    new Township(T1, "甲一镇", "430901", null),
                    new Township(T2, "甲二镇", "430901", null),
                    new Township(T3, "乙一镇", "430902", null)),
            List.of(
                    new Village(V1, "一村", T1, true, false, true, null),
                    new Village(V2, "二村", T2, false, true, true, null),
                    new Village(V3, "三村", T3, false, false, true, null)));

    private static final UnitAreas TOWNSHIPS = new UnitAreas(Map.of(
            T1, box(112.0, 112.25, 28.0, 29.0),
            T2, box(112.25, 112.5, 28.0, 29.0),
            T3, box(112.5, 113.0, 28.0, 29.0)));
    private static final UnitAreas COUNTIES =
            new UnitAreas(Map.of("430901", box(112.0, 112.5, 28.0, 29.0), "430902", box(112.5, 113.0, 28.0, 29.0)));

    /** The main of SG4 runs north from here (metres of EPSG:4546); households lie east of it. */
    private static final Coordinate MAIN_START = LOCAL.toMetres(new Coordinate(112.3, 28.5));

    private static Geometry box(double x0, double x1, double y0, double y1) {
        return GF.toGeometry(new Envelope(x0, x1, y0, y1));
    }

    /** @return the point {@code groundM} ground metres east of the middle of SG4's main */
    private static Coordinate eastOfMain(double groundM) {
        Coordinate mid = new Coordinate(MAIN_START.x, MAIN_START.y + 500);
        double k = LOCAL.scaleFactor(LOCAL.toLonLat(mid));
        return LOCAL.toLonLat(new Coordinate(mid.x + groundM * k, mid.y));
    }

    private static Work work(
            String code,
            boolean centralised,
            boolean large,
            Boolean inService,
            Double capacity,
            Boolean disinfection,
            Boolean protection,
            LocalDate fieldTest,
            Boolean fieldPassed,
            String county,
            Coordinate at) {
        return new Work(
                code,
                code + "水厂",
                large ? "large" : centralised ? "small" : "dispersed",
                centralised,
                large,
                inService,
                capacity,
                null,
                disinfection,
                protection,
                fieldTest,
                fieldPassed,
                county,
                at);
    }

    private static Household household(String code, String village, int members, boolean poverty, Coordinate at) {
        return new Household(code, village, members, poverty, null, at);
    }

    private static WaterInput input() {
        List<Work> works = List.of(
                // large, in service, field test exactly 6 months old (newer than its records); 0.5 m³/d = 5 people
                work("SG1", true, true, true, 0.5, true, true, AS_OF.minusMonths(6), true, "430901", c(112.11, 28.6)),
                work("SG2", true, false, false, null, true, true, null, null, "430901", c(112.14, 28.6)), // stopped
                work("SG3", true, false, false, null, true, true, null, null, "430901", c(112.2, 28.6)), // building
                // no status; its county code names another county; tests 6 months + 1 day old and after asOf
                work("SG4", true, false, null, null, false, false, null, null, "430902", c(112.3, 28.4)),
                work("SG5", false, false, true, null, false, false, null, null, "430902", c(112.6, 28.6)), // dispersed
                // large, in service, disinfection not recorded, latest test failed
                work("SG6", true, true, true, 100.0, null, true, null, null, "430902", c(112.7, 28.6)),
                work("SG7", true, false, true, 10.0, true, true, null, null, "430902", c(112.8, 28.6))); // never tested
        List<ServiceArea> areas = List.of(
                new ServiceArea("SG1", box(112.10, 112.12, 28.50, 28.52)),
                new ServiceArea("SG2", box(112.13, 112.15, 28.50, 28.52)),
                new ServiceArea("SG3", box(112.16, 112.18, 28.50, 28.52)),
                new ServiceArea("SG5", box(112.55, 112.65, 28.45, 28.55)));
        Geometry main = GF.createLineString(new Coordinate[] {
            LOCAL.toLonLat(MAIN_START), LOCAL.toLonLat(new Coordinate(MAIN_START.x, MAIN_START.y + 1000))
        });
        List<Main> mains = List.of(new Main("SG4", main));
        List<QualityTest> tests = List.of(
                new QualityTest("SG1", AS_OF.minusMonths(9), true),
                new QualityTest("SG4", AS_OF.minusMonths(6).minusDays(1), true),
                new QualityTest("SG4", AS_OF.plusDays(1), true), // after asOf: not seen
                new QualityTest("SG6", AS_OF.minusMonths(4), true),
                new QualityTest("SG6", AS_OF.minusMonths(2), false),
                new QualityTest("SGX", AS_OF.minusMonths(1), true)); // names no works
        List<Household> households = List.of(
                household("H1", V1, 4, true, c(112.11, 28.51)), // inside SG1's area
                household("H2", V1, 3, false, c(112.12, 28.515)), // on the east edge of SG1's area
                household("H3", V1, 2, true, c(112.14, 28.51)), // inside the stopped SG2's area
                household("H4", V2, 5, true, eastOfMain(99)),
                household("H5", V2, 6, false, eastOfMain(101)),
                household("H6", V3, 1, true, c(112.6, 28.5)), // inside the dispersed SG5's area only
                household("H7", V1, 2, false, c(112.105, 28.505)), // inside SG1's area
                household("H8", V1, 7, false, c(112.17, 28.51))); // inside SG3's area (under construction)
        return new WaterInput(households, works, areas, mains, tests, TOWNSHIPS, COUNTIES, UNITS);
    }

    private static Coordinate c(double lon, double lat) {
        return new Coordinate(lon, lat);
    }

    private static final WaterResult RESULT = new WaterSupplyAnalysis(WaterSettings.defaults(AS_OF)).run(input());

    private static Map<String, HouseholdSupply> households() {
        return RESULT.households().stream().collect(Collectors.toMap(HouseholdSupply::code, Function.identity()));
    }

    private static Map<String, WorkReport> works() {
        return RESULT.works().stream().collect(Collectors.toMap(WorkReport::code, Function.identity()));
    }

    private static UnitIndicator indicator(FacilityIndicator i, UnitLevel level, String code, UnitGroup group) {
        return RESULT.indicator(i, level, code, group).orElseThrow();
    }

    private static void assertCount(UnitIndicator i, long numerator, long denominator) {
        assertThat(List.of(i.numerator(), i.denominator())).as(i.toString()).containsExactly(numerator, denominator);
    }

    @Test
    void householdsAreServedInsideAnAreaOrOnItsEdgeOrWithinTheDistanceOfAMainOfAWorksInService() {
        Map<String, HouseholdSupply> h = households();
        assertThat(h.get("H1").via()).isEqualTo(Via.SERVICE_AREA);
        assertThat(h.get("H1").workCode()).isEqualTo("SG1");
        assertThat(h.get("H2").via()).as("on the edge").isEqualTo(Via.SERVICE_AREA);
        assertThat(h.get("H3").via()).as("stopped works").isEqualTo(Via.NONE);
        assertThat(h.get("H8").via()).as("works under construction").isEqualTo(Via.NONE);
        assertThat(h.get("H4").via())
                .as("99 m from a main of a works without status")
                .isEqualTo(Via.MAIN);
        assertThat(h.get("H4").workCode()).isEqualTo("SG4");
        assertThat(h.get("H5").via()).as("101 m").isEqualTo(Via.NONE);
        assertThat(h.get("H5").workCode()).isNull();
        assertThat(h.get("H6").via()).as("dispersed supply is not centralised").isEqualTo(Via.NONE);
        assertThat(h.get("H7").via()).isEqualTo(Via.SERVICE_AREA);
        assertThat(h.get("H4").distanceToMainM()).isCloseTo(99, within(0.01));
        assertThat(h.get("H5").distanceToMainM()).isCloseTo(101, within(0.01));
        assertThat(h.get("H1").distanceToMainM())
                .as("not measured inside a service area")
                .isNull();
        assertThat(h.get("H3").distanceToMainM())
                .as("the stopped works' area does not count")
                .isGreaterThan(10_000);
    }

    @Test
    void distancesToMainsAreGroundMetres() {
        HouseholdSupply h4 = households().get("H4");
        Coordinate foot = LOCAL.toLonLat(new Coordinate(MAIN_START.x, MAIN_START.y + 500));
        assertThat(h4.distanceToMainM()).isCloseTo(GeodesicDistance.CGCS2000.distance(foot, h4.lonLat()), within(0.01));
    }

    @Test
    void coverageRatesByHouseholdsMembersAndPovertyHouseholdsRollUp() {
        var rate = FacilityIndicator.HOUSEHOLD_WATER_SUPPLY_RATE;
        assertCount(indicator(rate, UnitLevel.CITY, "430900", UnitGroup.ALL), 4, 8);
        assertCount(indicator(rate, UnitLevel.COUNTY, "430901", UnitGroup.ALL), 4, 7);
        assertCount(indicator(rate, UnitLevel.COUNTY, "430902", UnitGroup.ALL), 0, 1);
        assertCount(indicator(rate, UnitLevel.TOWNSHIP, T1, UnitGroup.ALL), 3, 5);
        assertCount(indicator(rate, UnitLevel.VILLAGE, V2, UnitGroup.ALL), 1, 2);
        assertCount(indicator(rate, UnitLevel.CITY, "430900", UnitGroup.KEY_SUPPORT), 3, 5);
        assertCount(indicator(rate, UnitLevel.CITY, "430900", UnitGroup.DEMONSTRATION), 1, 2);
        var people = FacilityIndicator.HOUSEHOLD_WATER_SUPPLY_POPULATION_RATE;
        assertCount(indicator(people, UnitLevel.CITY, "430900", UnitGroup.ALL), 4 + 3 + 5 + 2, 30);
        assertCount(indicator(people, UnitLevel.VILLAGE, V1, UnitGroup.ALL), 9, 18);
        var poverty = FacilityIndicator.POVERTY_HOUSEHOLD_WATER_SUPPLY_RATE;
        assertCount(indicator(poverty, UnitLevel.CITY, "430900", UnitGroup.ALL), 2, 4);
        assertCount(indicator(poverty, UnitLevel.VILLAGE, V1, UnitGroup.ALL), 1, 2);
        assertCount(indicator(poverty, UnitLevel.VILLAGE, V2, UnitGroup.ALL), 1, 1);
        assertCount(indicator(poverty, UnitLevel.COUNTY, "430902", UnitGroup.ALL), 0, 1);
    }

    @Test
    void householdsOfUrbanUnitsAreLeftOutOfTheRuralRates() {
        WaterInput in = input();
        UnitRollup.Units urbanV3 = new UnitRollup.Units(
                UNITS.cityCode(),
                UNITS.cityName(),
                UNITS.counties(),
                UNITS.townships(),
                UNITS.villages().stream()
                        .map(v -> v.code().equals(V3) ? new Village(V3, "三社区", T3, false, false, false, null) : v)
                        .toList());
        WaterResult r = new WaterSupplyAnalysis(WaterSettings.defaults(AS_OF))
                .run(new WaterInput(
                        in.households(),
                        in.works(),
                        in.serviceAreas(),
                        in.mains(),
                        in.tests(),
                        in.townships(),
                        in.counties(),
                        urbanV3));
        UnitIndicator city = r.indicators().stream()
                .filter(u -> u.indicator() == FacilityIndicator.HOUSEHOLD_WATER_SUPPLY_RATE
                        && u.level() == UnitLevel.CITY
                        && u.group() == UnitGroup.ALL)
                .findFirst()
                .orElseThrow();
        assertCount(city, 4, 7);
    }

    @Test
    void lastTestIsTheLatestOfFieldAndRecordsUpToAsOf() {
        Map<String, WorkReport> w = works();
        assertThat(w.get("SG1").lastTestedOn()).as("field newer than records").isEqualTo(AS_OF.minusMonths(6));
        assertThat(w.get("SG1").testDue()).as("exactly 6 months").isFalse();
        assertThat(w.get("SG4").lastTestedOn())
                .as("a test after asOf is not seen")
                .isEqualTo(LocalDate.of(2026, 6, 6));
        assertThat(w.get("SG4").testDue()).as("6 months + 1 day").isTrue();
        assertThat(w.get("SG6").lastTestPassed()).isFalse();
        assertThat(w.get("SG6").testDue()).as("failed").isTrue();
        assertThat(w.get("SG7").lastTestedOn()).isNull();
        assertThat(w.get("SG7").testDue()).as("never tested").isTrue();
        assertThat(w.get("SG2").testDue()).as("stopped works are not counted").isFalse();
        assertThat(w.get("SG3").serving()).isFalse();
        assertThat(w.get("SG4").serving()).as("no status counts as operating").isTrue();
    }

    @Test
    void overdueTestsCountPerTownshipTheWorksLiesInNotTheCountyItsFieldNames() {
        var overdue = FacilityIndicator.WATER_QUALITY_TEST_OVERDUE_COUNT;
        assertCount(indicator(overdue, UnitLevel.TOWNSHIP, T1, UnitGroup.ALL), 0, 1);
        assertCount(indicator(overdue, UnitLevel.TOWNSHIP, T2, UnitGroup.ALL), 1, 1);
        assertCount(indicator(overdue, UnitLevel.TOWNSHIP, T3, UnitGroup.ALL), 2, 2);
        assertCount(indicator(overdue, UnitLevel.COUNTY, "430901", UnitGroup.ALL), 1, 2);
        assertCount(indicator(overdue, UnitLevel.COUNTY, "430902", UnitGroup.ALL), 2, 2);
        assertCount(indicator(overdue, UnitLevel.CITY, "430900", UnitGroup.ALL), 3, 4);
        assertThat(works().get("SG4").countyCode()).isEqualTo("430901");
        assertThat(works().get("SG4").townshipCode()).isEqualTo(T2);
    }

    @Test
    void dutiesOfWorksInServiceWithSeverity() {
        assertThat(RESULT.duties())
                .extracting(d ->
                        d.workCode() + " " + d.duty().id() + " " + d.severity().id())
                .containsExactly(
                        "SG1 over_capacity medium",
                        "SG4 test_overdue medium",
                        "SG6 no_disinfection high",
                        "SG6 test_failed high",
                        "SG7 test_overdue medium");
        WaterDuty over = RESULT.duties().getFirst();
        assertThat(over.servedPopulation()).isEqualTo(9);
        assertThat(over.capacityPopulation()).isEqualTo(5);
        assertThat(over.townshipCode()).isEqualTo(T1);
        assertThat(over.findingCode()).isEqualTo("SG1-over_capacity");
        assertThat(works().get("SG6").capacityPopulation()).isEqualTo(1000);
        assertThat(works().get("SG4").servedHouseholds()).isEqualTo(1);
    }

    @Test
    void dataProblemsAreReported() {
        assertThat(RESULT.problems())
                .containsExactlyInAnyOrder(
                        new WaterProblem(WaterProblem.Kind.COUNTY_CODE_MISMATCH, "SG4", "430902"),
                        new WaterProblem(WaterProblem.Kind.UNKNOWN_WORK, "SGX", null));
    }

    @Test
    void aLongerDistanceOrIntervalIsASetting() {
        WaterResult r = new WaterSupplyAnalysis(new WaterSettings(AS_OF, 101.5, 6, 100)).run(input());
        assertThat(r.households().stream().filter(HouseholdSupply::served)).hasSize(5);
        WaterResult yearly = new WaterSupplyAnalysis(new WaterSettings(AS_OF, 100, 12, 100)).run(input());
        assertThat(yearly.works().stream().filter(WorkReport::testDue).map(WorkReport::code))
                .containsExactly("SG6", "SG7");
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new WaterSettings(AS_OF, 0, 6, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaterSettings(AS_OF, 100, 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaterSettings(AS_OF, 100, 6, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaterSettings(null, 100, 6, 100)).isInstanceOf(NullPointerException.class);
    }
}
