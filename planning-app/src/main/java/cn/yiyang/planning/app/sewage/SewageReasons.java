package cn.yiyang.planning.app.sewage;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.geo.facility.SewageMode;
import cn.yiyang.planning.geo.facility.SewageResult.Recommendation;
import cn.yiyang.planning.geo.facility.SewageSettings;
import java.util.Locale;
import java.util.Map;

/**
 * The sentence that says why a village was given its mode, built from the figures the analysis decided it by
 * ({@link Recommendation}) and the settings of the run: first what the town network offers (a plant close enough with
 * room, too far, or without room), then, when it does not connect, how clustered its untreated households are.
 */
final class SewageReasons {

    private final Messages messages;

    SewageReasons(Messages messages) {
        this.messages = messages;
    }

    /**
     * @param r the village's recommendation
     * @param settings the run's settings
     * @param plantNames facility code → name (the code stands in when a name is missing)
     * @param locale the language
     * @return the sentence
     */
    String reason(Recommendation r, SewageSettings settings, Map<String, String> plantNames, Locale locale) {
        String plant = r.plantCode() == null ? null : plantNames.getOrDefault(r.plantCode(), r.plantCode());
        double km = r.plantDistanceM() / 1000;
        if (r.mode() == SewageMode.CONNECT_TOWN) {
            return messages.get("sewage.reason.connect", locale, plant, km, r.plantSpareM3d(), r.flowM3d());
        }
        String network;
        if (plant == null) {
            network = messages.get("sewage.reason.no-plant", locale);
        } else if (r.plantDistanceM() <= settings.connectDistanceM()) {
            network = messages.get("sewage.reason.no-room", locale, plant, km, r.plantSpareM3d(), r.flowM3d());
        } else {
            network = messages.get("sewage.reason.too-far", locale, plant, km, settings.connectDistanceM() / 1000);
        }
        String key = r.mode() == SewageMode.VILLAGE_CENTRAL ? "sewage.reason.clustered" : "sewage.reason.dispersed";
        return messages.get(
                key,
                locale,
                r.untreatedHouseholds(),
                r.clusteredHouseholds(),
                r.clusteredShare(),
                r.clusters(),
                settings.minClusterHouseholds(),
                settings.clusterDistanceM(),
                settings.clusteredShare(),
                network);
    }
}
