package cn.yiyang.planning.geo.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.access.UnitRollup.Count;
import cn.yiyang.planning.geo.plan.PlanCoverage.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCoverageTest {

    // two counties; county A has townships A1 (3 rural villages + 1 urban community) and A2 (2 rural villages),
    // county B has township B1 (2 rural villages); one village has no known township.
    private static final UnitRollup.Units UNITS = new UnitRollup.Units(
            "430900",
            "益阳市",
            List.of(new County("430901", "甲县"), new County("430902", "乙县")),
            List.of(
                    new Township("430901001", "甲一镇", "430901", null),
                    new Township("430901002", "甲二乡", "430901", null),
                    new Township("430902001", "乙一镇", "430902", null)),
            List.of(
                    village("430901001201", "430901001", true, false, true),
                    village("430901001202", "430901001", true, true, true),
                    village("430901001203", "430901001", false, false, true),
                    village("430901001001", "430901001", false, false, false),
                    village("430901002201", "430901002", false, true, true),
                    village("430901002202", "430901002", false, false, true),
                    village("430902001201", "430902001", true, false, true),
                    village("430902001202", "430902001", false, false, true),
                    village("430999999201", "430999999", false, false, true)));

    private static Village village(String code, String township, boolean key, boolean demo, boolean rural) {
        return new Village(code, "村" + code.substring(9), township, key, demo, rural, null);
    }

    private static final List<Plan> PLANS = List.of(
            // approved, two villages written with a Chinese enumeration comma and spaces
            Plan.of("P1", true, " 430901001201、430901001202 "),
            // entered, naming the urban community (not counted) and a village again (counted once)
            Plan.of("P2", true, "430901001001；430901001202"),
            // compiling: covers nothing yet
            Plan.of("P3", false, "430901002201,430901002202"),
            // approved, the village without a known township and an unknown code
            Plan.of("P4", true, "430999999201 430000000000"),
            Plan.of("P5", true, "430902001201，430902001201"));

    @Test
    void villagesCountOnceWhenCoveredByAPlanInForceAndUrbanUnitsNotAtAll() {
        var counts = PlanCoverage.perVillage(UNITS.villages(), PLANS);
        assertThat(counts).hasSize(8).doesNotContainKey("430901001001");
        assertThat(counts.get("430901001202")).isEqualTo(new Count(1, 1));
        assertThat(counts.get("430901002201")).isEqualTo(new Count(0, 1));
    }

    @Test
    void theRateRollsUpByTownshipCountyAndCityForEachGroup() {
        List<UnitIndicator> all = PlanCoverage.indicators(UNITS, PLANS);
        assertThat(all).allMatch(u -> u.indicator() == PlanIndicator.VILLAGE_PLAN_COVERAGE_RATE);
        // city: covered 201, 202, 999201 and B 201 = 4 of 8 rural villages
        assertThat(count(all, UnitLevel.CITY, "430900", UnitGroup.ALL)).isEqualTo(new Count(4, 8));
        assertThat(one(all, UnitLevel.CITY, "430900", UnitGroup.ALL).value()).isEqualTo(0.5);
        // key support: A 201, A 202, B 201 = 3 / 3; demonstration: A 202 covered, A2 201 not
        assertThat(count(all, UnitLevel.CITY, "430900", UnitGroup.KEY_SUPPORT)).isEqualTo(new Count(3, 3));
        assertThat(count(all, UnitLevel.CITY, "430900", UnitGroup.DEMONSTRATION))
                .isEqualTo(new Count(1, 2));
        assertThat(count(all, UnitLevel.COUNTY, "430901", UnitGroup.ALL)).isEqualTo(new Count(2, 5));
        assertThat(count(all, UnitLevel.COUNTY, "430902", UnitGroup.ALL)).isEqualTo(new Count(1, 2));
        assertThat(count(all, UnitLevel.COUNTY, "430902", UnitGroup.DEMONSTRATION))
                .isEqualTo(new Count(0, 0));
        assertThat(one(all, UnitLevel.COUNTY, "430902", UnitGroup.DEMONSTRATION).value())
                .isNull();
        assertThat(count(all, UnitLevel.TOWNSHIP, "430901001", UnitGroup.ALL)).isEqualTo(new Count(2, 3));
        assertThat(count(all, UnitLevel.TOWNSHIP, "430901002", UnitGroup.ALL)).isEqualTo(new Count(0, 2));
        assertThat(one(all, UnitLevel.TOWNSHIP, "430901002", UnitGroup.ALL).parentCode())
                .isEqualTo("430901");
        // a township reports a group only when it has villages of it
        assertThat(all.stream()
                        .filter(u -> u.level() == UnitLevel.TOWNSHIP && u.code().equals("430901002"))
                        .map(UnitIndicator::group))
                .containsExactly(UnitGroup.ALL, UnitGroup.DEMONSTRATION);
        assertThat(count(all, UnitLevel.VILLAGE, "430901001001", UnitGroup.ALL)).isEqualTo(Count.NONE);
        assertThat(all.stream().filter(u -> u.level() == UnitLevel.VILLAGE)).hasSize(9);
        assertThat(all.stream().filter(u -> u.level() == UnitLevel.COUNTY)).hasSize(6);
    }

    @Test
    void noPlanInForceIsZeroAndNoVillagesIsNoValue() {
        List<UnitIndicator> none = PlanCoverage.indicators(UNITS, List.of(PLANS.get(2)));
        assertThat(count(none, UnitLevel.CITY, "430900", UnitGroup.ALL)).isEqualTo(new Count(0, 8));
        List<UnitIndicator> empty =
                PlanCoverage.indicators(new UnitRollup.Units("430900", "益阳市", List.of(), List.of(), List.of()), PLANS);
        assertThat(empty).hasSize(3).allMatch(u -> u.value() == null);
    }

    @Test
    void villageCodesAreReadWhateverTheSeparator() {
        assertThat(VillageCodes.parse("430901001201,430901001202")).containsExactly("430901001201", "430901001202");
        assertThat(VillageCodes.parse("A、B，C; D；E  F\u3000G,,A")).containsExactly("A", "B", "C", "D", "E", "F", "G");
        assertThat(VillageCodes.parse(null)).isEmpty();
        assertThat(VillageCodes.parse(" 、 ")).isEmpty();
        assertThat(VillageCodes.format(List.of("A", "B"))).isEqualTo("A,B");
    }

    @Test
    void aCountNeverExceedsWhatItCounts() {
        assertThatThrownBy(() -> new Count(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Count(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static UnitIndicator one(List<UnitIndicator> all, UnitLevel level, String code, UnitGroup group) {
        return all.stream()
                .filter(u -> u.level() == level && u.code().equals(code) && u.group() == group)
                .findFirst()
                .orElseThrow();
    }

    private static Count count(List<UnitIndicator> all, UnitLevel level, String code, UnitGroup group) {
        UnitIndicator u = one(all, level, code, group);
        return new Count(u.numerator(), u.denominator());
    }
}
