package cn.yiyang.planning.geo.crs;

import org.locationtech.jts.geom.Coordinate;

/**
 * Converts, in place, between the coordinates of one CRS and the pivot of all transformations:
 * CGCS2000 (= WGS84) longitude and latitude in degrees. Implementations are thread-safe.
 */
interface LonLatConversion {

    /**
     * @param c a coordinate of this conversion's CRS, overwritten with its CGCS2000 lon/lat (x and y only)
     */
    void toLonLat(Coordinate c);

    /**
     * @param c a CGCS2000 lon/lat, overwritten with the coordinate in this conversion's CRS (x and y only)
     */
    void fromLonLat(Coordinate c);

    /** @return the conversion for a supported CRS */
    static LonLatConversion of(Crs crs) {
        return switch (crs.kind()) {
            case GEOGRAPHIC -> FormulaConversion.IDENTITY;
            case PROJECTED_GK, WEB_MERCATOR -> new ProjectedConversion(crs);
            case OBFUSCATED -> crs == Crs.GCJ02 ? FormulaConversion.GCJ02 : FormulaConversion.BD09;
        };
    }
}
