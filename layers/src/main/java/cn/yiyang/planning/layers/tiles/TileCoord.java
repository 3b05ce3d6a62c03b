package cn.yiyang.planning.layers.tiles;

import org.locationtech.jts.geom.Envelope;

/**
 * A tile of the XYZ Web Mercator grid (EPSG:3857, origin top left, y growing southwards): zoom
 * {@code z} has 2<sup>z</sup> × 2<sup>z</sup> tiles.
 *
 * @throws IllegalArgumentException when z is outside 0..{@value #MAX_ZOOM} or x, y outside the grid
 */
public record TileCoord(int z, int x, int y) {

    /** The deepest zoom a tile may be asked for. */
    public static final int MAX_ZOOM = 22;

    public TileCoord {
        if (z < 0 || z > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom " + z + " is outside 0.." + MAX_ZOOM);
        }
        long n = 1L << z;
        if (x < 0 || x >= n || y < 0 || y >= n) {
            throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " is outside the grid of zoom " + z);
        }
    }

    /** The width (and height) of a tile of this zoom, in Web Mercator metres. */
    public double size() {
        return WebMercator.WORLD_SIZE / (1L << z);
    }

    /** The tile's bounds in Web Mercator metres. */
    public Envelope mercatorEnvelope() {
        double s = size();
        double minX = -WebMercator.HALF_WORLD + x * s;
        double maxY = WebMercator.HALF_WORLD - y * s;
        return new Envelope(minX, minX + s, maxY - s, maxY);
    }

    /**
     * The tile's bounds in longitude/latitude (EPSG:4490/4326, x = longitude), grown on every side
     * by {@code margin} tile widths (0.015625 = 64 of 4096 units).
     */
    public Envelope lonLatEnvelope(double margin) {
        Envelope m = mercatorEnvelope();
        m.expandBy(size() * margin);
        double maxLimit = WebMercator.HALF_WORLD;
        return new Envelope(
                WebMercator.lon(Math.max(m.getMinX(), -maxLimit)), WebMercator.lon(Math.min(m.getMaxX(), maxLimit)),
                WebMercator.lat(Math.max(m.getMinY(), -maxLimit)), WebMercator.lat(Math.min(m.getMaxY(), maxLimit)));
    }

    /** The tile of zoom {@code z} that holds a longitude/latitude. */
    public static TileCoord containing(int z, double lon, double lat) {
        long n = 1L << z;
        double mx = WebMercator.x(lon);
        double my = WebMercator.y(lat);
        int tx = (int) Math.min(
                n - 1, Math.max(0, Math.floor((mx + WebMercator.HALF_WORLD) / WebMercator.WORLD_SIZE * n)));
        int ty = (int) Math.min(
                n - 1, Math.max(0, Math.floor((WebMercator.HALF_WORLD - my) / WebMercator.WORLD_SIZE * n)));
        return new TileCoord(z, tx, ty);
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
