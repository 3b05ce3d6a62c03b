package cn.yiyang.planning.geo.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The administrative levels indicators are reported at. */
public enum UnitLevel {
    CITY,
    COUNTY,
    TOWNSHIP,
    VILLAGE,
    NATURAL_VILLAGE;

    /** @return the id used in APIs: city, county, township, village, natural_village */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id an id as returned by {@link #id()}
     * @return the level
     */
    public static Optional<UnitLevel> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id().equals(id)).findFirst();
    }
}
