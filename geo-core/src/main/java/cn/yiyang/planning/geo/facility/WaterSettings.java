package cn.yiyang.planning.geo.facility;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The thresholds of a water-supply analysis. Every threshold is a setting with an allowed range (the constants);
 * {@link #defaults} holds the values of the 2021-2025 plan.
 *
 * <p>The per-capita demand: SL 310-2019 《村镇供水工程技术规范》 sets the maximum-day domestic water quota of rural
 * residents by climate zone and by how households are supplied; with taps in the house in the wet centre and south
 * (Hunan) its quotas reach about 100 L per person and day. The 农村饮水安全评价准则 (T/CHES 18-2018) takes 60 L as the
 * least that counts as enough where the yearly rainfall is 800 mm or more, so a works sized on 100 L has a margin for
 * its losses and peaks. 100 L/(人·d) is the default; set the county's own quota where it has one.
 *
 * @param asOf the day the analysis is run for: tests after it are not seen, tests older than the interval before it
 *     are overdue
 * @param mainDistanceM a household is served within this ground distance, metres, of a main of a work in service
 * @param testIntervalMonths a work's last water-quality test is overdue when older than this many months before
 *     {@code asOf} (the plan: every half year)
 * @param litresPerPersonDay the per-capita demand the capacity is divided by, litres per person and day
 */
public record WaterSettings(LocalDate asOf, double mainDistanceM, int testIntervalMonths, double litresPerPersonDay) {

    /** The smallest distance to a main that may be set, metres. */
    public static final double MAIN_DISTANCE_M_MIN = 1;
    /** The largest distance to a main that may be set, metres: beyond it a house is not "at" a main. */
    public static final double MAIN_DISTANCE_M_MAX = 2_000;
    /** The shortest test interval that may be set, months. */
    public static final int TEST_INTERVAL_MONTHS_MIN = 1;
    /** The longest test interval that may be set, months. */
    public static final int TEST_INTERVAL_MONTHS_MAX = 24;
    /** The smallest per-capita demand that may be set, litres per person and day (SL 310's driest zones: 40). */
    public static final double LITRES_PER_PERSON_DAY_MIN = 20;
    /** The largest per-capita demand that may be set, litres per person and day (urban quotas stay below it). */
    public static final double LITRES_PER_PERSON_DAY_MAX = 400;

    /** Checks the ranges. */
    public WaterSettings {
        Objects.requireNonNull(asOf, "asOf");
        if (!(mainDistanceM >= MAIN_DISTANCE_M_MIN && mainDistanceM <= MAIN_DISTANCE_M_MAX)) {
            throw new IllegalArgumentException("mainDistanceM must be " + MAIN_DISTANCE_M_MIN + " to "
                    + MAIN_DISTANCE_M_MAX + " metres: " + mainDistanceM);
        }
        if (testIntervalMonths < TEST_INTERVAL_MONTHS_MIN || testIntervalMonths > TEST_INTERVAL_MONTHS_MAX) {
            throw new IllegalArgumentException("testIntervalMonths must be " + TEST_INTERVAL_MONTHS_MIN + " to "
                    + TEST_INTERVAL_MONTHS_MAX + ": " + testIntervalMonths);
        }
        if (!(litresPerPersonDay >= LITRES_PER_PERSON_DAY_MIN && litresPerPersonDay <= LITRES_PER_PERSON_DAY_MAX)) {
            throw new IllegalArgumentException("litresPerPersonDay must be " + LITRES_PER_PERSON_DAY_MIN + " to "
                    + LITRES_PER_PERSON_DAY_MAX + ": " + litresPerPersonDay);
        }
    }

    /**
     * @param asOf the day to run for (the caller's today in China time by default)
     * @return 100 m to a main, a test every 6 months, 100 L per person and day
     */
    public static WaterSettings defaults(LocalDate asOf) {
        return new WaterSettings(asOf, 100, 6, 100);
    }

    /** @return the oldest last-test date that is not overdue: {@code asOf} minus the interval */
    public LocalDate oldestCurrentTest() {
        return asOf.minusMonths(testIntervalMonths);
    }

    /**
     * @param capacityM3d a work's capacity, m³ per day
     * @return the people it supplies at the per-capita demand (rounded down)
     */
    public long capacityPopulation(double capacityM3d) {
        return (long) Math.floor(capacityM3d * 1000 / litresPerPersonDay + 1e-9);
    }
}
