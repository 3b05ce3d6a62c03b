package cn.yiyang.planning.geo.crs;

import org.locationtech.jts.geom.Coordinate;

/**
 * Baidu's published BD-09 obfuscation of GCJ-02 lon/lat (a small rotation and scaling about the origin plus a
 * fixed offset). The usual closed-form "inverse" is only approximate, so the inverse here iterates.
 */
final class Bd09 {

    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private Bd09() {}

    /** @param c GCJ-02 lon/lat, overwritten with BD-09 lon/lat */
    static void forward(Coordinate c) {
        double z = Math.sqrt(c.x * c.x + c.y * c.y) + 0.00002 * Math.sin(c.y * X_PI);
        double theta = Math.atan2(c.y, c.x) + 0.000003 * Math.cos(c.x * X_PI);
        c.x = z * Math.cos(theta) + 0.0065;
        c.y = z * Math.sin(theta) + 0.006;
    }

    /** @param c BD-09 lon/lat, overwritten with GCJ-02 lon/lat (to under 1e-12 degrees) */
    static void inverse(Coordinate c) {
        FixedPointInverse.invert(c, Bd09::forward);
    }
}
