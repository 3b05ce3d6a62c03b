package cn.yiyang.planning.geo.facility;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * The collection area (污水收集范围) of a sewage facility: the households inside it are treated when the facility
 * operates.
 *
 * @param facilityCode the facility
 * @param lonLat its (multi)polygon, CGCS2000 lon/lat
 */
public record SewageServiceArea(String facilityCode, Geometry lonLat) {

    public SewageServiceArea {
        Objects.requireNonNull(lonLat, "lonLat");
    }
}
