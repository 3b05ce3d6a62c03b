package cn.yiyang.planning.geo.facility;

import static cn.yiyang.planning.geo.facility.FacilityFixtures.ll;
import static cn.yiyang.planning.geo.facility.FacilityFixtures.township;
import static cn.yiyang.planning.geo.facility.FacilityFixtures.village;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.facility.SanitationResult.Gap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Toilets in the units of {@link FacilityFixtures}: V101001 (key support) 8 with, 1 without, 1 unrecorded; V102001
 * (demonstration) 1 of 3; V104001 exactly 9 of 10 (the target); the urban community's household and one of an
 * unknown village are not counted.
 */
class SanitationAnalysisTest {

    static SanitationResult result;

    static List<Household> households(String six, int with, int without, int unrecorded) {
        List<Household> out = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < with + without + unrecorded; i++) {
            Boolean toilet = i < with ? Boolean.TRUE : i < with + without ? Boolean.FALSE : null;
            out.add(new Household(six + "-" + ++n, village(six), 3, false, toilet, ll(112.3 + i * 0.001, 28.5)));
        }
        return out;
    }

    @BeforeAll
    static void run() {
        List<Household> hh = new ArrayList<>();
        hh.addAll(households("101001", 8, 1, 1));
        hh.addAll(households("102001", 1, 2, 0));
        hh.addAll(households("104001", 9, 1, 0));
        hh.addAll(households("005001", 0, 1, 0));
        hh.addAll(households("999999", 1, 0, 0));
        result = new SanitationAnalysis(SanitationSettings.defaults()).run(hh, FacilityFixtures.units());
    }

    @Test
    void rateIsRecordedToiletsOverRuralHouseholdsWithUnrecordedCountedAsWithout() {
        assertThat(rate(UnitLevel.CITY, "430900", UnitGroup.ALL)).isEqualTo(new long[] {18, 23});
        assertThat(rate(UnitLevel.CITY, "430900", UnitGroup.KEY_SUPPORT)).isEqualTo(new long[] {8, 10});
        assertThat(rate(UnitLevel.CITY, "430900", UnitGroup.DEMONSTRATION)).isEqualTo(new long[] {1, 3});
        assertThat(rate(UnitLevel.COUNTY, "430921", UnitGroup.ALL)).isEqualTo(new long[] {18, 23});
        assertThat(rate(UnitLevel.TOWNSHIP, township("104"), UnitGroup.ALL)).isEqualTo(new long[] {9, 10});
        assertThat(rate(UnitLevel.VILLAGE, village("005001"), UnitGroup.ALL)).isEqualTo(new long[] {0, 0});
        assertThat(result.householdsWithoutVillage()).containsExactly("999999-1");
    }

    @Test
    void villagesBelowTheTargetAreListedLowestFirstAndOneAtTheTargetIsNot() {
        assertThat(result.gaps())
                .extracting(
                        Gap::villageCode,
                        Gap::severity,
                        Gap::households,
                        Gap::withToilet,
                        Gap::unrecorded,
                        Gap::missing,
                        Gap::keySupport,
                        Gap::demonstration)
                .containsExactly(
                        tuple(village("102001"), Severity.HIGH, 3, 1, 0, 2, false, true),
                        tuple(village("101001"), Severity.MEDIUM, 10, 8, 1, 1, true, false));
        assertThat(result.gaps().get(0).countyCode()).isEqualTo("430921");
    }

    @Test
    void severeShareAboveTheTargetIsRefused() {
        assertThatThrownBy(() -> new SanitationSettings(0.8, 0.9)).hasMessageContaining("severeShare");
        assertThatThrownBy(() -> new SanitationSettings(1.1, 0.7)).hasMessageContaining("targetShare");
    }

    private static long[] rate(UnitLevel level, String code, UnitGroup group) {
        UnitIndicator i = result.indicator(level, code, group).orElseThrow();
        return new long[] {i.numerator(), i.denominator()};
    }
}
