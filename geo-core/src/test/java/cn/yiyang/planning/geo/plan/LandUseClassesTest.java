package cn.yiyang.planning.geo.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LandUseClassesTest {

    @ParameterizedTest
    @CsvSource({
        "07, true, false",
        "0701, true, true",
        "0702, true, true",
        "0703, true, false",
        "070301, true, false",
        "0704, true, false",
        "0804, true, true",
        "09, true, true",
        "1001, true, true",
        "1002, true, false",
        "1101, true, true",
        "1202, true, false",
        "1301, true, false",
        "0101, false, false",
        "0601, false, false",
        "060101, false, false",
        "16, false, false",
        "17, false, false"
    })
    void defaults(String code, boolean construction, boolean townType) {
        assertThat(LandUseClasses.DEFAULT.isConstruction(code)).isEqualTo(construction);
        assertThat(LandUseClasses.DEFAULT.isTownType(code)).isEqualTo(townType);
    }
}
