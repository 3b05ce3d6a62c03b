package cn.yiyang.planning.app.road;

import org.locationtech.jts.geom.Geometry;

/**
 * What the register shows of a road: from the {@code road} layer, with the county and township the
 * road lies in (see {@link RoadLocator}).
 *
 * @param code         the road code
 * @param name         the road name, or null
 * @param adminClass   the administrative class code (village, township …), or null
 * @param geometry     the line in EPSG:4490, or null
 * @param countyCode   the county's code, or null when the road lies in none
 * @param countyName   the county's name, or null
 * @param townshipCode the township's code, or null when the road lies in none
 * @param townshipName the township's name, or null
 * @param routeCode    the route (路线编码) the road is a segment of, or null
 */
record RoadInfo(
        String code,
        String name,
        String adminClass,
        Geometry geometry,
        String countyCode,
        String countyName,
        String townshipCode,
        String townshipName,
        String routeCode) {

    /** A road the road layer does not hold: only its code is known. */
    static RoadInfo unknown(String code) {
        return new RoadInfo(code, null, null, null, null, null, null, null, null);
    }
}
