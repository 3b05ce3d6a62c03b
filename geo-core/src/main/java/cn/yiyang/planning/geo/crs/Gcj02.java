package cn.yiyang.planning.geo.crs;

import org.locationtech.jts.geom.Coordinate;

/**
 * The published GCJ-02 obfuscation (as in the widely used {@code eviltransform} / {@code coordtransform} code):
 * a smooth shift of WGS84 lon/lat, computed on the Krasovsky ellipsoid, applied only inside China's rough
 * bounding box. The inverse has no closed form and is found by iteration.
 */
final class Gcj02 {

    /** Krasovsky semi-major axis used by the formula, metres. */
    static final double KRASOVSKY_A = 6378245.0;
    /** Krasovsky first eccentricity squared used by the formula. */
    static final double KRASOVSKY_EE = 0.00669342162296594323;

    private Gcj02() {}

    /**
     * @return whether a lon/lat lies outside the box in which GCJ-02 shifts coordinates (outside it,
     *     GCJ-02 equals WGS84)
     */
    static boolean isOutOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** @param c WGS84 lon/lat, overwritten with GCJ-02 lon/lat */
    static void forward(Coordinate c) {
        if (isOutOfChina(c.x, c.y)) {
            return;
        }
        double x = c.x - 105.0;
        double y = c.y - 35.0;
        double radLat = c.y / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - KRASOVSKY_EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        double dLat = (shiftLat(x, y) * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        double dLon = (shiftLon(x, y) * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        c.x += dLon;
        c.y += dLat;
    }

    /** @param c GCJ-02 lon/lat, overwritten with WGS84 lon/lat (to under 1e-12 degrees) */
    static void inverse(Coordinate c) {
        if (isOutOfChina(c.x, c.y)) {
            return;
        }
        FixedPointInverse.invert(c, Gcj02::forward);
    }

    private static double shiftLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double shiftLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
