package cn.yiyang.planning.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GaussKrugerZoneTest {

    @ParameterizedTest
    @CsvSource({
        "110.72, 37",
        "111.0, 37",
        "112.35, 37",
        "112.4999, 37",
        "112.5, 38",
        "112.94, 38",
        "75.0, 25",
        "135.0, 45"
    })
    void zoneOfLongitude(double longitude, int zone) {
        assertThat(GaussKrugerZone.ofLongitude(longitude).number()).isEqualTo(zone);
    }

    @Test
    void yiyangZones() {
        GaussKrugerZone zone37 = GaussKrugerZone.ofLongitude(112.0);
        assertThat(zone37.centralMeridian()).isEqualTo(111.0);
        assertThat(zone37.epsg(true)).isEqualTo(4525);
        assertThat(zone37.epsg(false)).isEqualTo(4546);
        assertThat(zone37.falseEasting(true)).isEqualTo(37_500_000.0);
        assertThat(zone37.falseEasting(false)).isEqualTo(500_000.0);
        GaussKrugerZone zone38 = GaussKrugerZone.ofLongitude(112.6);
        assertThat(zone38.centralMeridian()).isEqualTo(114.0);
        assertThat(zone38.epsg(true)).isEqualTo(4526);
        assertThat(zone38.epsg(false)).isEqualTo(4547);
        assertThat(zone38.eastingPrefix()).isEqualTo(38_000_000.0);
    }

    @Test
    void epsgRangeEnds() {
        assertThat(new GaussKrugerZone(25).epsg(true)).isEqualTo(4513);
        assertThat(new GaussKrugerZone(25).epsg(false)).isEqualTo(4534);
        assertThat(new GaussKrugerZone(45).epsg(true)).isEqualTo(4533);
        assertThat(new GaussKrugerZone(45).epsg(false)).isEqualTo(4554);
    }

    @Test
    void zoneFromPrefixedEasting() {
        assertThat(GaussKrugerZone.ofPrefixedEasting(37_632_114.89).number()).isEqualTo(37);
        assertThat(GaussKrugerZone.ofPrefixedEasting(38_412_345.6).number()).isEqualTo(38);
        assertThat(GaussKrugerZone.isPrefixedEasting(632_114.89)).isFalse();
        assertThatThrownBy(() -> GaussKrugerZone.ofPrefixedEasting(632_114.89))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no zone prefix");
        assertThatThrownBy(() -> GaussKrugerZone.ofPrefixedEasting(3_160_138.85))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesZonesOutsideChina() {
        assertThatThrownBy(() -> new GaussKrugerZone(24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GaussKrugerZone(46)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GaussKrugerZone.ofLongitude(2.35)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GaussKrugerZone.ofLongitude(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
