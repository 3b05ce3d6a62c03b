package cn.yiyang.planning.geo.facility;

import static cn.yiyang.planning.geo.facility.FacilityFixtures.box;
import static cn.yiyang.planning.geo.facility.FacilityFixtures.ground;
import static cn.yiyang.planning.geo.facility.FacilityFixtures.line;
import static cn.yiyang.planning.geo.facility.FacilityFixtures.ll;
import static cn.yiyang.planning.geo.facility.FacilityFixtures.township;
import static cn.yiyang.planning.geo.facility.FacilityFixtures.village;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.facility.SewageFacility.Kind;
import cn.yiyang.planning.geo.facility.SewageResult.FacilityLoad;
import cn.yiyang.planning.geo.facility.SewageResult.Gap;
import cn.yiyang.planning.geo.facility.SewageResult.GapKind;
import cn.yiyang.planning.geo.facility.SewageResult.HouseholdTreatment;
import cn.yiyang.planning.geo.facility.SewageResult.ProblemKind;
import cn.yiyang.planning.geo.facility.SewageResult.Recommendation;
import cn.yiyang.planning.geo.facility.SewageResult.TownshipCoverage;
import cn.yiyang.planning.geo.facility.SewageResult.VillageTreatment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * The units of {@link FacilityFixtures} with these facilities (settings: 80 L, connect 3 km, clusters of at least 3
 * households linked at 100 m, centralised from a 0.6 share, listed below a 0.5 treated share, severe from 1.2):
 * <ul>
 *   <li>P1 township plant in T1 without a status (counts as operating), 20 m³/d, collection area A1 = box
 *       112.32..112.34 × 28.52..28.54, a sewer from A1's east edge to E1 (112.36, 28.53);</li>
 *   <li>P2 operating township plant exactly on the T1/T2 edge (lon 112.40), township field 102: placed in T1 (the
 *       smaller code), no capacity, no area;</li>
 *   <li>P3 operating township plant on T3's outer south edge, township field naming T1; 1.2 m³/d; area A3 = box
 *       112.31..112.33 × 28.40..28.42;</li>
 *   <li>P4 operating township plant a hair east of T4 (outside every township), 50 m³/d, no area;</li>
 *   <li>P5 township plant under construction inside T2 with an area; C2 stopped village facility in V102001 with an
 *       area;</li>
 *   <li>C3 operating village facility in V104001 whose village field names V104002, 1 m³/d for 15 people (1.2 ×);
 *       C4 operating single-household unit, 0.5 m³/d for 7 people (1.12 ×);</li>
 *   <li>a collection area naming an unknown facility WSX.</li>
 * </ul>
 */
class SewageAnalysisTest {

    static final SewageSettings SETTINGS = new SewageSettings(80, 3_000, 100, 3, 0.6, 0.5, 1.2);
    static final Coordinate E1 = ll(112.36, 28.53);
    static final Coordinate P4 = ll(112.5000001, 28.45);
    static Map<String, HouseholdTreatment> houses;
    static Map<String, VillageTreatment> villages;
    static Map<String, FacilityLoad> loads;
    static SewageResult result;

    static Household house(String code, String six, int people, Coordinate at) {
        return new Household(code, village(six), people, false, null, at);
    }

    static SewageFacility facility(
            String code, Kind kind, Boolean inService, Double capacity, String t, String v, Coordinate at) {
        return new SewageFacility(code, code + "站", kind, inService, capacity, t, v, at);
    }

    static SewageInput scene() {
        List<Household> hh = new ArrayList<>();
        hh.add(house("H1", "101001", 4, ll(112.34, 28.53))); // on A1's east edge
        hh.add(house("H2", "101001", 3, ll(112.34001, 28.53))); // 1 m outside it
        hh.add(house("H3", "101001", 5, ll(112.33, 28.525)));
        Coordinate c4 = ground(E1, 2_990, 0);
        hh.add(house("H4", "101002", 5, c4));
        hh.add(house("H5", "101002", 5, c4));
        hh.add(house("H6", "102001", 3, ll(112.42, 28.55))); // C2's area, stopped
        hh.add(house("H7", "102001", 3, ll(112.4201, 28.55)));
        hh.add(house("H8", "102001", 2, ll(112.445, 28.55))); // P5's area, under construction
        Coordinate b = ll(112.47, 28.58);
        hh.add(house("H9", "102002", 2, b)); // WSX's area
        hh.add(house("H10", "102002", 2, ground(b, 0, 101)));
        hh.add(house("H11", "102002", 2, ground(b, 0, 202)));
        hh.add(house("H12", "103001", 5, ll(112.32, 28.41))); // A3
        Coordinate u = ground(ll(112.32, 28.42), 0, 1_000);
        hh.add(house("H13", "103001", 5, u));
        hh.add(house("H14", "103001", 5, u));
        Coordinate w = ll(112.355, 28.415);
        hh.add(house("H15", "103002", 5, w));
        hh.add(house("H16", "103002", 5, w));
        hh.add(house("H17", "104001", 5, ll(112.415, 28.45)));
        hh.add(house("H18", "104001", 5, ll(112.42, 28.45)));
        hh.add(house("H19", "104001", 5, ll(112.425, 28.45)));
        hh.add(house("H20", "104001", 7, ll(112.44, 28.48)));
        Coordinate c = ground(P4, -3_010, 0);
        hh.add(house("A1", "104002", 1, ground(c, 0, -99)));
        hh.add(house("A2", "104002", 1, c));
        hh.add(house("A3", "104002", 1, ground(c, 0, 99)));
        hh.add(house("B1", "104002", 1, ground(c, 0, 500)));
        hh.add(house("B2", "104002", 1, ground(c, 0, -500)));
        hh.add(house("H21", "005001", 4, ll(112.55, 28.55)));
        hh.add(house("HX", "999999", 2, ll(112.55, 28.56)));
        List<SewageFacility> facilities = List.of(
                facility("P1", Kind.TOWNSHIP_PLANT, null, 20.0, township("101"), null, ll(112.33, 28.53)),
                facility("P2", Kind.TOWNSHIP_PLANT, true, null, township("102"), null, ll(112.40, 28.58)),
                facility("P3", Kind.TOWNSHIP_PLANT, true, 1.2, township("101"), null, ll(112.32, 28.40)),
                facility("P4", Kind.TOWNSHIP_PLANT, true, 50.0, township("104"), null, P4),
                facility("P5", Kind.TOWNSHIP_PLANT, false, 30.0, township("102"), null, ll(112.45, 28.55)),
                facility(
                        "C2", Kind.VILLAGE_CENTRAL, false, 5.0, township("102"), village("102001"), ll(112.42, 28.552)),
                facility("C3", Kind.VILLAGE_CENTRAL, true, 1.0, township("104"), village("104002"), ll(112.42, 28.452)),
                facility(
                        "C4",
                        Kind.SINGLE_HOUSEHOLD,
                        true,
                        0.5,
                        township("104"),
                        village("104001"),
                        ll(112.4401, 28.48)));
        List<SewageServiceArea> areas = List.of(
                new SewageServiceArea("P1", box(112.32, 28.52, 112.34, 28.54)),
                new SewageServiceArea("P3", box(112.31, 28.40, 112.33, 28.42)),
                new SewageServiceArea("P5", box(112.44, 28.54, 112.46, 28.56)),
                new SewageServiceArea("C2", box(112.41, 28.54, 112.43, 28.56)),
                new SewageServiceArea("C3", box(112.41, 28.44, 112.43, 28.46)),
                new SewageServiceArea("C4", box(112.439, 28.479, 112.441, 28.481)),
                new SewageServiceArea("WSX", box(112.469, 28.579, 112.471, 28.581)));
        List<SewagePipe> pipes = List.of(new SewagePipe("P1", line(ll(112.34, 28.53), E1)));
        return new SewageInput(
                hh,
                facilities,
                areas,
                pipes,
                FacilityFixtures.townshipAreas(),
                FacilityFixtures.villageAreas(),
                FacilityFixtures.units());
    }

    @BeforeAll
    static void run() {
        result = new SewageAnalysis(SETTINGS).run(scene());
        houses = result.households().stream().collect(Collectors.toMap(HouseholdTreatment::code, Function.identity()));
        villages = result.villages().stream().collect(Collectors.toMap(VillageTreatment::code, Function.identity()));
        loads = result.facilities().stream().collect(Collectors.toMap(FacilityLoad::code, Function.identity()));
    }

    @Test
    void aHouseholdOnTheEdgeOfAnOperatingFacilitysAreaIsTreatedAndOneMetreOutsideIsNot() {
        assertThat(houses.get("H1").treated()).isTrue();
        assertThat(houses.get("H1").facilityCode()).isEqualTo("P1");
        assertThat(houses.get("H2").treated()).isFalse();
        assertThat(houses.get("H3").facilityCode()).isEqualTo("P1");
        assertThat(houses.get("H1").townshipCode()).isEqualTo(township("101"));
        assertThat(houses.get("H1").countyCode()).isEqualTo("430921");
    }

    @Test
    void stoppedUnderConstructionAndUnknownFacilitiesTreatNobody() {
        assertThat(houses.get("H6").treated()).isFalse(); // C2 stopped
        assertThat(houses.get("H7").treated()).isFalse();
        assertThat(houses.get("H8").treated()).isFalse(); // P5 under construction
        assertThat(houses.get("H9").treated()).isFalse(); // WSX unknown
        assertThat(loads.get("C2").operating()).isFalse();
        assertThat(loads.get("P5").operating()).isFalse();
        assertThat(loads.get("P1").operating()).isTrue(); // no status: operating
    }

    @Test
    void urbanAndUnknownVillagesAreNotCounted() {
        assertThat(houses.get("H21").counted()).isFalse();
        assertThat(houses.get("HX").counted()).isFalse();
        assertThat(houses.get("HX").townshipCode()).isNull();
        assertThat(houses.get("H2").counted()).isTrue();
    }

    @Test
    void facilitiesArePlacedByTheirPolygonsNotTheirCodeFields() {
        assertThat(loads.get("P2").townshipCode()).isEqualTo(township("101")); // shared edge: the smaller code
        assertThat(loads.get("P3").townshipCode()).isEqualTo(township("103")); // on the outer edge
        assertThat(loads.get("P4").townshipCode()).isNull(); // just outside
        assertThat(loads.get("C3").villageCode()).isEqualTo(village("104001"));
        assertThat(result.problems())
                .extracting(p -> p.kind(), p -> p.subject(), p -> p.declared(), p -> p.found())
                .containsExactlyInAnyOrder(
                        tuple(ProblemKind.FACILITY_TOWNSHIP_MISMATCH, "P2", township("102"), township("101")),
                        tuple(ProblemKind.FACILITY_TOWNSHIP_MISMATCH, "P3", township("101"), township("103")),
                        tuple(ProblemKind.FACILITY_OUTSIDE_TOWNSHIPS, "P4", township("104"), null),
                        tuple(ProblemKind.FACILITY_VILLAGE_MISMATCH, "C3", village("104002"), village("104001")),
                        tuple(ProblemKind.SERVICE_AREA_WITHOUT_FACILITY, "WSX", null, null),
                        tuple(ProblemKind.FACILITY_WITHOUT_SERVICE_AREA, "P2", null, null),
                        tuple(ProblemKind.FACILITY_WITHOUT_SERVICE_AREA, "P4", null, null),
                        tuple(ProblemKind.FACILITY_WITHOUT_CAPACITY, "P2", null, null),
                        tuple(ProblemKind.HOUSEHOLD_WITHOUT_VILLAGE, "HX", village("999999"), null));
    }

    @Test
    void townshipsAreCoveredByAnOperatingPlantInsideThem() {
        assertThat(result.townships())
                .extracting(
                        TownshipCoverage::code,
                        TownshipCoverage::counted,
                        TownshipCoverage::covered,
                        TownshipCoverage::plantCodes,
                        TownshipCoverage::idlePlantCodes)
                .containsExactly(
                        tuple(township("101"), true, true, List.of("P1", "P2"), List.of()),
                        tuple(township("102"), true, false, List.of(), List.of("P5")),
                        tuple(township("103"), true, true, List.of("P3"), List.of()),
                        tuple(township("104"), true, false, List.of(), List.of()),
                        tuple(township("005"), false, false, List.of(), List.of()));
        assertThat(rate(FacilityIndicator.TOWNSHIP_SEWAGE_FACILITY_RATE, UnitLevel.CITY, "430900", UnitGroup.ALL))
                .isEqualTo(new long[] {2, 4});
        assertThat(rate(FacilityIndicator.TOWNSHIP_SEWAGE_FACILITY_RATE, UnitLevel.COUNTY, "430921", UnitGroup.ALL))
                .isEqualTo(new long[] {2, 4});
        assertThat(rate(
                        FacilityIndicator.TOWNSHIP_SEWAGE_FACILITY_RATE,
                        UnitLevel.TOWNSHIP,
                        township("005"),
                        UnitGroup.ALL))
                .isEqualTo(new long[] {0, 0});
    }

    @Test
    void treatmentRateCountsRuralHouseholdsWithGroups() {
        assertThat(rate(FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE, UnitLevel.CITY, "430900", UnitGroup.ALL))
                .isEqualTo(new long[] {7, 25});
        assertThat(rate(FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE, UnitLevel.CITY, "430900", UnitGroup.KEY_SUPPORT))
                .isEqualTo(new long[] {2, 3});
        assertThat(rate(
                        FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE,
                        UnitLevel.CITY,
                        "430900",
                        UnitGroup.DEMONSTRATION))
                .isEqualTo(new long[] {0, 3});
        assertThat(rate(
                        FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE,
                        UnitLevel.TOWNSHIP,
                        township("101"),
                        UnitGroup.ALL))
                .isEqualTo(new long[] {2, 5});
        assertThat(rate(
                        FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE,
                        UnitLevel.TOWNSHIP,
                        township("104"),
                        UnitGroup.ALL))
                .isEqualTo(new long[] {4, 9});
        assertThat(rate(
                        FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE,
                        UnitLevel.VILLAGE,
                        village("005001"),
                        UnitGroup.ALL))
                .isEqualTo(new long[] {0, 0});
        assertThat(villages.get(village("005001")).households()).isEqualTo(1);
    }

    @Test
    void loadsAreServedPopulationTimesPerCapitaFlowAgainstCapacity() {
        assertThat(loads.get("P1").servedHouseholds()).isEqualTo(2);
        assertThat(loads.get("P1").servedPopulation()).isEqualTo(9);
        assertThat(loads.get("P1").flowM3d()).isCloseTo(0.72, within(1e-12));
        assertThat(loads.get("P1").overCapacity()).isFalse();
        assertThat(loads.get("C3").flowM3d()).isEqualTo(1.2);
        assertThat(loads.get("C3").overCapacity()).isTrue();
        assertThat(loads.get("C4").loadRatio()).isCloseTo(1.12, within(1e-12));
        assertThat(loads.get("C4").overCapacity()).isTrue();
        assertThat(loads.get("P3").flowM3d()).isEqualTo(0.4);
        assertThat(loads.get("P3").overCapacity()).isFalse();
    }

    @Test
    void villagesAtOrAboveTheTreatedShareAreNotListed() {
        assertThat(villages.get(village("101001")).recommendation()).isNull(); // 2 of 3
        assertThat(villages.get(village("104001")).recommendation()).isNull(); // 4 of 4
        assertThat(villages.get(village("103001")).treatedHouseholds()).isEqualTo(1); // 1 of 3: listed
        assertThat(villages.get(village("103001")).recommendation()).isNotNull();
    }

    @Test
    void connectsWithin3KmOfTheTownNetworkAndNotBeyond() {
        Recommendation near = recommendation("101002"); // 2,990 m from the end of P1's sewer
        assertThat(near.mode()).isEqualTo(SewageMode.CONNECT_TOWN);
        assertThat(near.plantCode()).isEqualTo("P1");
        assertThat(near.plantDistanceM()).isCloseTo(2_990, within(0.1));
        assertThat(near.flowM3d()).isEqualTo(0.8);
        assertThat(near.plantSpareM3d()).isCloseTo(19.28, within(1e-9));
        Recommendation far = recommendation("104002"); // 3,010 m from P4, which has room
        assertThat(far.mode()).isNotEqualTo(SewageMode.CONNECT_TOWN);
        assertThat(far.plantCode()).isEqualTo("P4");
        assertThat(far.plantDistanceM()).isCloseTo(3_010, within(0.1));
        assertThat(far.plantSpareM3d()).isEqualTo(50.0);
    }

    @Test
    void aVillageThatExactlyFillsThePlantsSpareConnectsAndTheNextOneFindsNoRoom() {
        Recommendation first = recommendation("103001"); // 1 km from A3; 0.8 m³/d, P3 has 1.2 - 0.4 = 0.8 spare
        assertThat(first.mode()).isEqualTo(SewageMode.CONNECT_TOWN);
        assertThat(first.plantCode()).isEqualTo("P3");
        assertThat(first.plantDistanceM()).isCloseTo(1_000, within(1.0));
        assertThat(first.plantSpareM3d()).isCloseTo(0.8, within(1e-12));
        Recommendation second = recommendation("103002"); // 2.45 km from A3, within reach but P3 is now full
        assertThat(second.mode()).isEqualTo(SewageMode.SMALL_UNITS);
        assertThat(second.plantCode()).isEqualTo("P3");
        assertThat(second.plantDistanceM()).isBetween(2_400.0, 2_500.0);
        assertThat(second.plantSpareM3d()).isCloseTo(0, within(1e-12));
    }

    @Test
    void aClusterOfExactlyTheMinimumLinkedAt99MetresMakesTheShareForACentralFacility() {
        Recommendation r = recommendation("104002"); // A1-A2-A3 99 m apart, B1 and B2 alone: 3 of 5 = 0.6
        assertThat(r.mode()).isEqualTo(SewageMode.VILLAGE_CENTRAL);
        assertThat(r.clusters()).isEqualTo(1);
        assertThat(r.clusteredHouseholds()).isEqualTo(3);
        assertThat(r.clusteredShare()).isEqualTo(0.6);
        assertThat(r.untreatedHouseholds()).isEqualTo(5);
    }

    @Test
    void householdsFurtherThanTheLinkOrInClustersBelowTheMinimumGetSmallUnits() {
        Recommendation spread = recommendation("102002"); // 101 m apart
        assertThat(spread.mode()).isEqualTo(SewageMode.SMALL_UNITS);
        assertThat(spread.clusters()).isZero();
        assertThat(spread.plantCode()).isEqualTo("P1");
        Recommendation pair = recommendation("102001"); // a pair 10 m apart and one alone: no cluster of 3
        assertThat(pair.mode()).isEqualTo(SewageMode.SMALL_UNITS);
        assertThat(pair.clusteredHouseholds()).isZero();
        assertThat(pair.plantCode()).isEqualTo("P1");
        assertThat(pair.plantSpareM3d()).isCloseTo(20 - 0.72 - 0.8, within(1e-9)); // after 101002 connected
    }

    @Test
    void gapsAreListedMostSeriousFirst() {
        assertThat(result.gaps())
                .extracting(Gap::code, Gap::severity, Gap::facilityCode, Gap::households, Gap::population)
                .containsExactly(
                        tuple("township_no_plant:" + township("104"), Severity.HIGH, null, 9, 27L),
                        tuple("over_capacity:C3", Severity.HIGH, "C3", 3, 15L),
                        tuple("village_untreated:" + village("101002"), Severity.HIGH, "P1", 2, 10L),
                        tuple("village_untreated:" + village("103002"), Severity.HIGH, null, 2, 10L),
                        tuple("village_untreated:" + village("102001"), Severity.HIGH, null, 3, 8L),
                        tuple("village_untreated:" + village("102002"), Severity.HIGH, null, 3, 6L),
                        tuple("village_untreated:" + village("104002"), Severity.HIGH, null, 5, 5L),
                        tuple("township_no_plant:" + township("102"), Severity.MEDIUM, "P5", 6, 14L),
                        tuple("over_capacity:C4", Severity.MEDIUM, "C4", 1, 7L),
                        tuple("village_untreated:" + village("103001"), Severity.MEDIUM, "P3", 2, 10L));
        Gap c3 = result.gaps().get(1);
        assertThat(c3.kind()).isEqualTo(GapKind.OVER_CAPACITY);
        assertThat(c3.villageCode()).isEqualTo(village("104001"));
        assertThat(c3.countyCode()).isEqualTo("430921");
        assertThat(c3.load().loadRatio()).isEqualTo(1.2);
        Gap demo = result.gaps().get(4);
        assertThat(demo.demonstration()).isTrue();
        assertThat(demo.name()).isEqualTo("三村");
        assertThat(demo.recommendation().mode()).isEqualTo(SewageMode.SMALL_UNITS);
    }

    @Test
    void aVillageExactlyAtTheTreatedShareIsNotListedAndJustBelowItIs() {
        SewageInput in = scene();
        SewageResult atTwoThirds = new SewageAnalysis(new SewageSettings(80, 3_000, 100, 3, 0.6, 2.0 / 3, 1.2)).run(in);
        SewageResult at070 = new SewageAnalysis(new SewageSettings(80, 3_000, 100, 3, 0.6, 0.7, 1.2)).run(in);
        assertThat(villageOf(atTwoThirds, "101001").recommendation()).isNull(); // 2 of 3 treated
        assertThat(villageOf(at070, "101001").recommendation().untreatedHouseholds())
                .isEqualTo(1);
        assertThat(at070.gaps()).extracting(Gap::code).contains("village_untreated:" + village("101001"));
    }

    @Test
    void aHouseholdInTwoCollectionAreasIsTreatedByTheTownshipPlantOnly() {
        Coordinate h = ll(112.33, 28.53);
        SewageInput in = new SewageInput(
                List.of(house("H", "101001", 4, h)),
                List.of(
                        facility("A", Kind.VILLAGE_CENTRAL, true, 1.0, null, null, ll(112.331, 28.53)),
                        facility("Z", Kind.TOWNSHIP_PLANT, true, 10.0, null, null, ll(112.332, 28.53))),
                List.of(
                        new SewageServiceArea("A", box(112.32, 28.52, 112.34, 28.54)),
                        new SewageServiceArea("Z", box(112.32, 28.52, 112.35, 28.55))),
                List.of(),
                FacilityFixtures.townshipAreas(),
                FacilityFixtures.villageAreas(),
                FacilityFixtures.units());
        SewageResult r = new SewageAnalysis(SETTINGS).run(in);
        assertThat(r.households().get(0).facilityCode()).isEqualTo("Z");
        assertThat(r.facilities()).extracting(FacilityLoad::servedHouseholds).containsExactly(0, 1);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new SewageSettings(5, 3_000, 100, 30, 0.6, 0.5, 1.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("perCapitaFlowLpd");
        assertThatThrownBy(() -> new SewageSettings(80, 3_000, 100, 1, 0.6, 0.5, 1.2))
                .hasMessageContaining("minClusterHouseholds");
        assertThatThrownBy(() -> new SewageSettings(80, 3_000, 100, 30, 0.6, 0, 1.2))
                .hasMessageContaining("treatedVillageShare");
    }

    private static VillageTreatment villageOf(SewageResult r, String six) {
        return r.villages().stream()
                .filter(v -> v.code().equals(village(six)))
                .findFirst()
                .orElseThrow();
    }

    private static Recommendation recommendation(String six) {
        return villages.get(village(six)).recommendation();
    }

    private static long[] rate(FacilityIndicator indicator, UnitLevel level, String code, UnitGroup group) {
        UnitIndicator i = result.indicator(indicator, level, code, group).orElseThrow();
        return new long[] {i.numerator(), i.denominator()};
    }
}
