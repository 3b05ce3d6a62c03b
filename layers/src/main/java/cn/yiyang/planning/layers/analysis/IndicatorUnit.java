package cn.yiyang.planning.layers.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The unit an indicator of the catalogue is measured in. */
public enum IndicatorUnit {
    /** A share 0..1, shown as a percentage (growth rates may be negative). */
    RATE,
    /** A count, e.g. works overdue for a test or people returned to poverty. */
    COUNT,
    /** 万元 (10,000 yuan). */
    WAN_YUAN,
    /** Per 1,000 people. */
    PER_THOUSAND;

    /** @return the id stored in {@code indicator_catalogue.unit}: rate, count, wan_yuan, per_thousand */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id an id as returned by {@link #id()}
     * @return the unit
     */
    public static Optional<IndicatorUnit> byId(String id) {
        return Arrays.stream(values()).filter(u -> u.id().equals(id)).findFirst();
    }
}
