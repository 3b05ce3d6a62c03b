package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.geo.crs.Crs;

/**
 * The coordinate system of the file's geometries.
 *
 * @param crs      the CRS, or null when unknown
 * @param how      how it was established; {@link Detection#INFERRED} needs the user's confirmation
 * @param declared what the file said (a .prj name, an EPSG code), for messages; may be null
 */
public record DetectedCrs(Crs crs, Detection how, String declared) {

    public boolean known() {
        return crs != null;
    }
}
