package cn.yiyang.planning.layers.catalogue;

import java.time.ZoneId;

/**
 * The area this product serves, 益阳市 (Yiyang, Hunan): its code as a unit and the time zone its dates are read
 * and shown in. The city's name is user-visible text and lives in the translations ({@code place.city}).
 */
public final class Region {

    /** The NBS code of the city, the unit above the counties in analyses and place navigation. */
    public static final String CITY_CODE = "430900";

    /** The time zone's id, as a compile-time constant for annotations such as {@code @Scheduled(zone = …)}. */
    public static final String TIME_ZONE_ID = "Asia/Shanghai";

    /** The time zone in which the plan's dates and times are read and shown (China Standard Time). */
    public static final ZoneId TIME_ZONE = ZoneId.of(TIME_ZONE_ID);

    private Region() {}
}
