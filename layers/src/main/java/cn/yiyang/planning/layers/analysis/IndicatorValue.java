package cn.yiyang.planning.layers.analysis;

import cn.yiyang.planning.layers.catalogue.Region;
import java.util.Objects;

/**
 * One indicator of one unit and group in one run: {@code numerator / denominator}, e.g. households
 * within 50 m of the network / households.
 *
 * @param runId       the run
 * @param indicator   a stable indicator id, e.g. {@code household_road_access_rate}
 * @param level       {@code city}, {@code county}, {@code township} or {@code village}
 * @param code        the unit's code (the city is {@link Region#CITY_CODE})
 * @param name        the unit's name
 * @param parentCode  the code of the unit it lies in (null for the city)
 * @param group       {@code all}, {@code key_support} or {@code demonstration} (the villages counted)
 * @param numerator   what meets the measure
 * @param denominator what is counted
 * @param target      the target the run compared it with (a fraction 0..1), or null when there is none
 */
public record IndicatorValue(String runId, String indicator, String level, String code, String name,
                             String parentCode, String group, long numerator, long denominator, Double target) {

    public static final String CITY = "city";
    public static final String COUNTY = "county";
    public static final String TOWNSHIP = "township";
    public static final String VILLAGE = "village";
    public static final String ALL = "all";
    public static final String KEY_SUPPORT = "key_support";
    public static final String DEMONSTRATION = "demonstration";

    public IndicatorValue {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(group, "group");
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("negative count in " + indicator + " of " + code);
        }
    }

    /** {@code numerator / denominator}, or null when nothing is counted. */
    public Double value() {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
