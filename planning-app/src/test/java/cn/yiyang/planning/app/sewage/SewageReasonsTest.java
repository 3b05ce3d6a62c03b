package cn.yiyang.planning.app.sewage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.geo.facility.SewageMode;
import cn.yiyang.planning.geo.facility.SewageResult.Recommendation;
import cn.yiyang.planning.geo.facility.SewageSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class SewageReasonsTest {

    private final SewageReasons reasons = new SewageReasons(new Messages());
    private final SewageSettings settings = SewageSettings.defaults();
    private final Map<String, String> names = Map.of("P1", "甲镇污水处理厂");

    private static Recommendation of(SewageMode mode, String plant, double distance, double spare, int clustered) {
        return new Recommendation(mode, 50, 160, 12.8, new Coordinate(112, 28), plant, distance, spare, 2, clustered);
    }

    @Test
    void aConnectionNamesThePlantItsDistanceAndRoom() {
        Recommendation r = of(SewageMode.CONNECT_TOWN, "P1", 2_345, 100.5, 0);
        assertThat(reasons.reason(r, settings, names, Messages.ZH))
                .isEqualTo("距甲镇污水处理厂管网2.3公里，该厂余量100.5立方米/日，可接纳本村12.8立方米/日污水，宜纳入城镇污水管网");
        assertThat(reasons.reason(r, settings, names, Messages.EN))
                .isEqualTo("2.3 km from the network of 甲镇污水处理厂, whose spare capacity of 100.5 m³/d takes the"
                        + " village's 12.8 m³/d: connect to the town network");
    }

    @Test
    void aCentralFacilitySaysWhyNotTheNetworkAndHowClusteredTheVillageIs() {
        Recommendation near = of(SewageMode.VILLAGE_CENTRAL, "P1", 2_000, 3, 40);
        assertThat(reasons.reason(near, settings, names, Messages.ZH))
                .isEqualTo("甲镇污水处理厂管网距2.0公里，但余量3立方米/日不足以接纳本村12.8立方米/日污水；"
                        + "未处理的50户中40户（80%）聚居于2个不少于30户、户距100米以内的聚居点，达到60%，宜建村级集中处理设施");
        Recommendation far = of(SewageMode.SMALL_UNITS, "P9", 5_000, 300, 10);
        assertThat(reasons.reason(far, settings, names, Messages.EN))
                .isEqualTo("The nearest town network, of P9, is 5.0 km away, beyond 3 km; only 10 of 50 untreated"
                        + " households (20%) live in clusters of at least 30 households within 100 m of each other,"
                        + " below 60%: single- or multi-household units");
        Recommendation none = of(SewageMode.SMALL_UNITS, null, Double.NaN, Double.NaN, 0);
        assertThat(reasons.reason(none, settings, names, Messages.ZH)).startsWith("无已知规模的运行中乡镇污水处理厂可接入；");
    }
}
