package cn.yiyang.planning.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.app.indicator.IndicatorTestData;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.store.JdbcIndicatorEntryRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's manual indicators rolled up by the catalogue's rule, their trend by year, and the final evaluation as
 * of the end of the plan period, over an in-memory H2GIS store holding {@link DashboardTestData} and, worked out by
 * hand:
 *
 * <ul>
 *   <li>run 3 (2026-02-01, after the period): city 乡镇通三级公路 3/3;
 *   <li>返贫人口 (sum): 南县 5 (2024), 3 (2025), 0 (2026); 桃江县 4 (2025), 0 (2026);
 *   <li>文明村占比 (share of villages; 南县 has 3 villages, 桃江县 1): 南县 2/3, 桃江县 1 (2025);
 *   <li>文明乡镇占比 (share of townships; 南县 2, 桃江县 1): 南县 0.5, 桃江县 0 (2025);
 *   <li>村集体经济年收入 (mean of villages): 一村 4, 二村 8 (南洲镇), 四村 12 (茅草街镇), 六村 none (2025);
 *   <li>每千人口执业(助理)医师数 (not rolled up): 南县 2.7 (2024), 3.1 (2025), 2.5 (2026).
 * </ul>
 */
class DashboardServiceTest {

    private static final String RUN_3 = "dash-run-3";

    private DashboardFixture fixture;
    private DashboardService service;
    private Place city;
    private Place nanxian;

    @BeforeEach
    void setUp() {
        fixture = new DashboardFixture();
        fixture.run(
                RUN_3,
                Instant.parse("2026-02-01T00:00:00Z"),
                List.of(new IndicatorValue(
                        RUN_3,
                        AccessIndicator.TOWNSHIP_CLASS3_ROAD_RATE,
                        UnitLevel.CITY,
                        "430900",
                        "益阳市",
                        null,
                        UnitGroup.ALL,
                        3,
                        3,
                        0.85)));
        JdbcIndicatorEntryRepository entries = fixture.entries;
        enter(entries, "doctors_per_thousand", 2026, IndicatorTestData.NANXIAN, 2.5);
        enter(entries, "returned_to_poverty_count", 2024, IndicatorTestData.NANXIAN, 5);
        enter(entries, "returned_to_poverty_count", 2025, IndicatorTestData.NANXIAN, 3);
        enter(entries, "returned_to_poverty_count", 2025, IndicatorTestData.TAOJIANG, 4);
        enter(entries, "returned_to_poverty_count", 2026, IndicatorTestData.NANXIAN, 0);
        enter(entries, "returned_to_poverty_count", 2026, IndicatorTestData.TAOJIANG, 0);
        enter(entries, "civilized_village_rate", 2025, IndicatorTestData.NANXIAN, 2.0 / 3);
        enter(entries, "civilized_village_rate", 2025, IndicatorTestData.TAOJIANG, 1);
        enter(entries, "civilized_township_rate", 2025, IndicatorTestData.NANXIAN, 0.5);
        enter(entries, "civilized_township_rate", 2025, IndicatorTestData.TAOJIANG, 0);
        enter(entries, "village_collective_income", 2025, IndicatorTestData.YI, 4);
        enter(entries, "village_collective_income", 2025, IndicatorTestData.ER, 8);
        enter(entries, "village_collective_income", 2025, IndicatorTestData.SI, 12);
        service = fixture.services().dashboard();
        city = service.unit(null).orElseThrow();
        nanxian = service.unit(IndicatorTestData.NANXIAN).orElseThrow();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void aCountIsSummedOverTheCountiesOnlyInYearsWhereEveryCountyHasOne() {
        DashboardValue returned = value(service.headline(city, UnitGroup.ALL), "returned_to_poverty_count");
        assertThat(returned.value()).isEqualTo(0.0);
        assertThat(returned.year()).isEqualTo(2026);
        assertThat(returned.previous()).as("2025: 3 + 4").isEqualTo(7.0);
        assertThat(service.trend("returned_to_poverty_count", city, UnitGroup.ALL))
                .as("2024 lacks 桃江县, so the city has no sum that year")
                .extracting(DashboardValue::year, DashboardValue::value)
                .containsExactly(tuple(2025, 7.0), tuple(2026, 0.0));
        assertThat(service.trend("returned_to_poverty_count", nanxian, UnitGroup.ALL))
                .extracting(DashboardValue::year, DashboardValue::value, DashboardValue::met)
                .containsExactly(tuple(2024, 5.0, false), tuple(2025, 3.0, false), tuple(2026, 0.0, true));
    }

    @Test
    void aShareIsTheSumOfNumeratorsOverTheSumOfDenominators() {
        List<DashboardValue> headline = service.headline(city, UnitGroup.ALL);
        // villages: (2/3 × 3 + 1 × 1) / (3 + 1); townships: (0.5 × 2 + 0 × 1) / (2 + 1)
        assertThat(value(headline, "civilized_village_rate").value()).isCloseTo(0.75, within(1e-12));
        assertThat(value(headline, "civilized_township_rate").value()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(value(service.headline(city, UnitGroup.DEMONSTRATION), "civilized_village_rate")
                        .met())
                .as("target 65 % for the demonstration group")
                .isTrue();
    }

    @Test
    void aMeanOfVillagesIsTakenOverTheVillagesNotOverTownshipMeans() {
        assertThat(service.below("village_collective_income", nanxian, UnitGroup.ALL))
                .extracting(DashboardValue::name, DashboardValue::value)
                .containsExactly(tuple("南洲镇", 6.0), tuple("茅草街镇", 12.0));
        // (4 + 8 + 12) / 3, not (6 + 12) / 2
        assertThat(value(service.headline(nanxian, UnitGroup.ALL), "village_collective_income")
                        .value())
                .isEqualTo(8.0);
        assertThat(value(service.headline(city, UnitGroup.ALL), "village_collective_income")
                        .value())
                .isEqualTo(8.0);
        assertThat(service.atLevel(UnitLevel.TOWNSHIP, city, UnitGroup.ALL).stream()
                        .filter(v -> v.indicator().id().equals("village_collective_income")))
                .extracting(DashboardValue::code, DashboardValue::value)
                .containsExactly(tuple(IndicatorTestData.NANZHOU, 6.0), tuple(IndicatorTestData.MAOCAOJIE, 12.0));
    }

    @Test
    void anIndicatorWithoutARollUpRuleStaysAtItsEntryLevel() {
        assertThat(service.headline(city, UnitGroup.ALL))
                .noneMatch(v -> v.indicator().id().equals("doctors_per_thousand"));
        assertThat(value(service.headline(nanxian, UnitGroup.ALL), "doctors_per_thousand")
                        .value())
                .isEqualTo(2.5);
        assertThat(service.trend("doctors_per_thousand", nanxian, UnitGroup.ALL))
                .extracting(DashboardValue::year, DashboardValue::value)
                .containsExactly(tuple(2024, 2.7), tuple(2025, 3.1), tuple(2026, 2.5));
    }

    @Test
    void theFinalEvaluationTakesTheValuesAsOfThePeriodsEnd() {
        assertThat(service.periodEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(value(service.headline(city, UnitGroup.ALL), "township_class3_road_rate")
                        .value())
                .as("the latest run, after the period")
                .isEqualTo(1.0);

        List<DashboardValue> city2025 = service.evaluation(city, UnitGroup.ALL);
        DashboardValue road = value(city2025, "township_class3_road_rate");
        assertThat(road.value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(road.runId()).isEqualTo(DashboardTestData.RUN_2);
        assertThat(road.met()).isFalse();
        DashboardValue returned = value(city2025, "returned_to_poverty_count");
        assertThat(returned.value()).isEqualTo(7.0);
        assertThat(returned.year()).isEqualTo(2025);
        assertThat(returned.met()).isFalse();
        DashboardValue plans = value(city2025, "village_plan_coverage_rate");
        assertThat(plans.value()).as("the live coverage keeps no value of 2025").isNull();
        assertThat(plans.target()).isEqualTo(1.0);
        assertThat(plans.met()).isNull();

        DashboardValue doctors = value(service.evaluation(nanxian, UnitGroup.ALL), "doctors_per_thousand");
        assertThat(doctors.value()).isEqualTo(3.1);
        assertThat(doctors.year()).isEqualTo(2025);
        assertThat(doctors.met()).isTrue();
        assertThat(value(service.headline(nanxian, UnitGroup.ALL), "doctors_per_thousand")
                        .met())
                .as("the latest, 2026, is below 2.9")
                .isFalse();
    }

    private static DashboardValue value(List<DashboardValue> values, String indicator) {
        Optional<DashboardValue> v = values.stream()
                .filter(x -> x.indicator().id().equals(indicator))
                .findFirst();
        assertThat(v).as(indicator).isPresent();
        return v.get();
    }

    private static void enter(JdbcIndicatorEntryRepository entries, String id, int year, String code, double v) {
        UnitLevel level = code.length() == 6 ? UnitLevel.COUNTY : UnitLevel.VILLAGE;
        entries.save(new IndicatorEntry(id, year, level, code, v, null, "planner", null));
    }
}
