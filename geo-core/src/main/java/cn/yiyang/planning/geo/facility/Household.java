package cn.yiyang.planning.geo.facility;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;

/**
 * A household as the facility analyses read it. It belongs to the village (and through it the township and county) of
 * its {@code villageCode}, wherever its point lies.
 *
 * @param code its code
 * @param villageCode its administrative village
 * @param population its members (0 if unknown)
 * @param povertyOrMonitored a poverty-exited (脱贫户) or monitored (监测户) household
 * @param sanitaryToilet whether it has a sanitary toilet; null when not recorded (counted as without)
 * @param lonLat where it is, CGCS2000 lon/lat
 */
public record Household(
        String code,
        String villageCode,
        int population,
        boolean povertyOrMonitored,
        Boolean sanitaryToilet,
        Coordinate lonLat) {

    public Household {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(lonLat, "lonLat");
        if (population < 0) {
            throw new IllegalArgumentException("negative population of " + code);
        }
    }
}
