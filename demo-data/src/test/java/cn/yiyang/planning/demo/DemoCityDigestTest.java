package cn.yiyang.planning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.feature.Feature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKBWriter;

/**
 * Pins the SMALL city of the default seed, feature by feature: a refactoring of the generator must give the same
 * city bit for bit (the figures in bench/RESULTS.md and the tests built on the demo city depend on it). When the
 * generator is changed on purpose, update the counts and the digest here in the same commit. The digest covers
 * every coordinate exactly, so it holds for the JDK's {@code Math} on x86-64; the counts hold on any platform.
 */
class DemoCityDigestTest {

    private static DemoCity city;

    @BeforeAll
    static void generate() {
        city = new DemoCityGenerator(DemoCityGenerator.DEFAULT_SEED, DemoScale.SMALL).generate();
    }

    @Test
    void countsOfTheSmallCity() {
        Map<String, Long> counts = new LinkedHashMap<>();
        city.layerIds().forEach(id -> counts.put(id, city.count(id)));
        assertThat(counts)
                .hasToString("{county=8, township=98, township_seat=98, village=1446, natural_village=2644, "
                        + "household=18824, village_plan=718, plan_land_use=930, road=5663, road_inspection=465, bus_stop=1161, "
                        + "water_work=230, water_service_area=230, water_pipe=1411, water_quality_test=1459, sewage_facility=409, "
                        + "sewage_service_area=282, sewage_pipe=436, cold_chain_site=803, courier_point=1348, basic_farmland=194, "
                        + "ecological_redline=24, town_development_boundary=89}");
    }

    @Test
    void digestOfTheSmallCity() throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        WKBWriter wkb = new WKBWriter(2);
        for (String id : city.layerIds()) {
            sha.update(id.getBytes(StandardCharsets.UTF_8));
            city.features(id).forEach(f -> update(sha, wkb, f));
        }
        sha.update(new TreeSet<>(city.disconnectedRoads()).toString().getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(sha.digest()))
                .isEqualTo("c164d2e28d7acac8b4a46cec0100b3ad441ea9b31da34c92000db2b756338aa1");
    }

    /** The attributes and extras in name order (so the digest does not depend on map order) and the exact WKB. */
    private static void update(MessageDigest sha, WKBWriter wkb, Feature f) {
        sha.update(new TreeMap<>(f.attributes()).toString().getBytes(StandardCharsets.UTF_8));
        sha.update(new TreeMap<>(f.extra()).toString().getBytes(StandardCharsets.UTF_8));
        if (f.geometry() != null) {
            sha.update(wkb.write(f.geometry()));
        }
        sha.update((byte) '\n');
    }
}
