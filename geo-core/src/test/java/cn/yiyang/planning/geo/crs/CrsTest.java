package cn.yiyang.planning.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrsTest {

    private static final Pattern PARAM = Pattern.compile("\\+(\\w+)=(\\S+)");

    @Test
    void wellKnownConstants() {
        assertThat(Crs.CGCS2000.epsg()).isEqualTo(OptionalInt.of(4490));
        assertThat(Crs.CGCS2000.kind()).isEqualTo(CrsKind.GEOGRAPHIC);
        assertThat(Crs.CGCS2000.datum()).isEqualTo(DatumFamily.CGCS2000);
        assertThat(Crs.CGCS2000.nameZh()).isEqualTo("2000国家大地坐标系");
        assertThat(Crs.WGS84.epsg()).isEqualTo(OptionalInt.of(4326));
        assertThat(Crs.WEB_MERCATOR.kind()).isEqualTo(CrsKind.WEB_MERCATOR);
        assertThat(Crs.GCJ02.epsg()).isEmpty();
        assertThat(Crs.GCJ02.kind()).isEqualTo(CrsKind.OBFUSCATED);
        assertThat(Crs.BD09.proj4()).isEmpty();
        assertThat(Crs.BD09.gaussKrugerZone()).isEmpty();
    }

    @Test
    void gaussKrugerCodesForYiyang() {
        Crs zone37 = Crs.epsg(4546);
        assertThat(zone37.kind()).isEqualTo(CrsKind.PROJECTED_GK);
        assertThat(zone37.gaussKrugerZone()).contains(new GaussKrugerZone(37));
        assertThat(zone37.isZonePrefixed()).isFalse();
        assertThat(zone37.nameEn()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM 111E");
        Crs zone37Prefixed = Crs.epsg(4525);
        assertThat(zone37Prefixed.isZonePrefixed()).isTrue();
        assertThat(zone37Prefixed.proj4().orElseThrow()).contains("+lon_0=111 ", "+x_0=37500000 ");
        assertThat(Crs.epsg(4526).proj4().orElseThrow()).contains("+lon_0=114 ", "+x_0=38500000 ");
        assertThat(Crs.epsg(4547).proj4().orElseThrow()).contains("+lon_0=114 ", "+x_0=500000 ");
        assertThat(Crs.gaussKruger(new GaussKrugerZone(38), true)).isSameAs(Crs.epsg(4526));
    }

    /** Our explicit definitions must carry the registry's parameters (only tmerc becomes etmerc, see Crs). */
    @Test
    void gaussKrugerDefinitionsAndNamesAgreeWithProj4jEpsg() {
        for (int code = 4513; code <= 4554; code++) {
            Crs crs = Crs.epsg(code);
            Proj4jEpsgRegistry.Entry entry = Proj4jEpsgRegistry.get(code);
            assertThat(crs.nameEn()).as("EPSG:%d", code).isEqualTo(entry.name());
            Map<String, String> ours = params(crs.proj4().orElseThrow());
            Map<String, String> registry = params(entry.proj4());
            assertThat(ours.remove("proj")).isEqualTo("etmerc");
            assertThat(registry.remove("proj")).isEqualTo("tmerc");
            assertThat(ours).as("EPSG:%d", code).isEqualTo(registry);
        }
    }

    @Test
    void legacyCodesAreExactlyTheRegistrysBeijingAndXianCrss() {
        Map<String, DatumFamily> prefixes = Map.of(
                "Beijing 1954", DatumFamily.BEIJING1954,
                "New Beijing", DatumFamily.NEW_BEIJING1954,
                "Xian 1980", DatumFamily.XIAN1980);
        int recognised = 0;
        for (Proj4jEpsgRegistry.Entry entry : Proj4jEpsgRegistry.entries().values()) {
            String family = prefixes.keySet().stream()
                    .filter(p -> entry.name().startsWith(p))
                    .findFirst()
                    .orElse(null);
            if (family == null) {
                assertThat(LegacyCrsCodes.datumOf(entry.code()))
                        .as("EPSG:%d %s", entry.code(), entry.name())
                        .isEmpty();
            } else if (!entry.name().contains("3D") && !entry.name().contains("geocentric")) {
                assertThat(LegacyCrsCodes.datumOf(entry.code()))
                        .as("EPSG:%d %s", entry.code(), entry.name())
                        .contains(prefixes.get(family));
                recognised++;
            }
        }
        assertThat(recognised).isGreaterThan(200);
    }

    @Test
    void legacyCodesAreRefusedWithTheirDatum() {
        assertThatThrownBy(() -> Crs.parse("EPSG:2414"))
                .isInstanceOfSatisfying(LegacyDatumException.class, e -> {
                    assertThat(e.epsg()).isEqualTo(2414);
                    assertThat(e.datum()).isEqualTo(DatumFamily.BEIJING1954);
                    assertThat(e.code()).isEqualTo("EPSG:2414");
                })
                .hasMessageContaining("Beijing 1954")
                .hasMessageContaining("local transformation parameters");
        assertThat(List.of(4214, 2435, 21459))
                .allSatisfy(code -> assertThatThrownBy(() -> Crs.epsg(code))
                        .isInstanceOfSatisfying(
                                LegacyDatumException.class,
                                e -> assertThat(e.datum()).isEqualTo(DatumFamily.BEIJING1954)));
        assertThat(List.of(4610, 2361, 2383))
                .allSatisfy(code -> assertThatThrownBy(() -> Crs.epsg(code))
                        .isInstanceOfSatisfying(
                                LegacyDatumException.class,
                                e -> assertThat(e.datum()).isEqualTo(DatumFamily.XIAN1980)));
        assertThatThrownBy(() -> Crs.epsg(4795))
                .isInstanceOfSatisfying(
                        LegacyDatumException.class, e -> assertThat(e.datum()).isEqualTo(DatumFamily.NEW_BEIJING1954));
        assertThat(DatumFamily.XIAN1980.needsLocalParameters()).isTrue();
        assertThat(DatumFamily.CGCS2000.needsLocalParameters()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "EPSG:4546",
                "epsg:4546",
                " 4546 ",
                "EPSG::4546",
                "urn:ogc:def:crs:EPSG::4546",
                "urn:ogc:def:crs:EPSG:9.8.15:4546"
            })
    void parsesEpsgSpellings(String code) {
        assertThat(Crs.parse(code)).isSameAs(Crs.epsg(4546));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GCJ02", "GCJ-02", "gcj_02", " gcj02 "})
    void parsesGcj02(String code) {
        assertThat(Crs.parse(code)).isSameAs(Crs.GCJ02);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BD09", "BD-09", "bd09"})
    void parsesBd09(String code) {
        assertThat(Crs.parse(code)).isSameAs(Crs.BD09);
    }

    @Test
    void everyCodeParsesBackToItsCrs() {
        List<Crs> all = new ArrayList<>(List.of(Crs.CGCS2000, Crs.WGS84, Crs.WEB_MERCATOR, Crs.GCJ02, Crs.BD09));
        for (int code = 4513; code <= 4554; code++) {
            all.add(Crs.epsg(code));
        }
        assertThat(all).allSatisfy(crs -> assertThat(Crs.parse(crs.code())).isSameAs(crs));
        assertThat(Crs.parse("4490")).isSameAs(Crs.CGCS2000);
    }

    @Test
    void unknownAndMalformedCodesAreRefusedClearly() {
        assertThatThrownBy(() -> Crs.parse("EPSG:32649"))
                .isExactlyInstanceOf(UnsupportedCrsException.class)
                .hasMessageContaining("EPSG:32649 is not supported")
                .hasMessageContaining("EPSG:4513-4554");
        assertThatThrownBy(() -> Crs.epsg(4502)).isExactlyInstanceOf(UnsupportedCrsException.class);
        assertThatThrownBy(() -> Crs.parse("WGS84 please"))
                .isExactlyInstanceOf(UnsupportedCrsException.class)
                .hasMessageContaining("'WGS84 please' is not a CRS code");
        assertThatThrownBy(() -> Crs.parse(null)).isExactlyInstanceOf(UnsupportedCrsException.class);
    }

    private static Map<String, String> params(String proj4) {
        Map<String, String> params = new TreeMap<>();
        Matcher m = PARAM.matcher(proj4);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        return params;
    }
}
