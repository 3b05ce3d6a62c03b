package cn.yiyang.planning.geo.facility;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A sewer of a facility's network (污水管网). With the plant and its collection areas it is the town network a village
 * may connect to.
 *
 * @param facilityCode the facility it drains to
 * @param lonLat its line, CGCS2000 lon/lat
 */
public record SewagePipe(String facilityCode, Geometry lonLat) {

    public SewagePipe {
        Objects.requireNonNull(lonLat, "lonLat");
    }
}
