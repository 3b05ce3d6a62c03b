package cn.yiyang.planning.layers.tiles;

/**
 * Spherical Web Mercator (EPSG:3857) formulas. CGCS2000 (EPSG:4490) longitude/latitude are taken as
 * WGS84, as PROJ does without a datum grid: the difference is below a metre, far below a tile pixel.
 */
public final class WebMercator {

    /** The sphere radius of EPSG:3857 (the WGS84 semi-major axis). */
    public static final double RADIUS = 6_378_137.0;
    /** Half the width of the square world, in metres. */
    public static final double HALF_WORLD = Math.PI * RADIUS;

    public static final double WORLD_SIZE = 2 * HALF_WORLD;
    /** The latitude where the square world ends. */
    public static final double MAX_LATITUDE = 85.05112877980659;

    private WebMercator() {}

    public static double x(double lon) {
        return Math.toRadians(lon) * RADIUS;
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * RADIUS;
    }

    public static double lon(double x) {
        return Math.toDegrees(x / RADIUS);
    }

    public static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    }
}
