package cn.yiyang.planning.geo.crs;

import cn.yiyang.planning.geo.geom.CoordinateMapping;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Transforms coordinates and JTS geometries from one supported {@link Crs} to another.
 *
 * <p>Every transformation goes through CGCS2000 lon/lat: source → lon/lat → target. Projected CRSs are handled
 * by proj4j with the explicit definitions of {@link Crs#proj4()}, GCJ-02 and BD-09 by their published formulas
 * (inverted by iteration to under 1e-12 degrees). CGCS2000 and WGS84 are treated as the same datum, so
 * EPSG:4490 ↔ EPSG:4326 is the identity. Axis order is always x = longitude/easting, y = latitude/northing.
 *
 * <p>Instances are immutable, cached per (source, target) pair and thread-safe.
 *
 * <pre>{@code
 * CrsTransform toGk = CrsTransform.of(Crs.CGCS2000, Crs.epsg(4546));
 * Coordinate en = toGk.transform(new Coordinate(112.35, 28.55));   // (632114.8912, 3160138.8465)
 * Polygon lonLat = toGk.inverse().transform(gkPolygon);
 * }</pre>
 */
public final class CrsTransform {

    private static final ConcurrentMap<Crs, LonLatConversion> CONVERSIONS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<List<Crs>, CrsTransform> TRANSFORMS = new ConcurrentHashMap<>();

    private final Crs source;
    private final Crs target;
    private final LonLatConversion fromSource;
    private final LonLatConversion toTarget;

    private CrsTransform(Crs source, Crs target) {
        this.source = source;
        this.target = target;
        this.fromSource = CONVERSIONS.computeIfAbsent(source, LonLatConversion::of);
        this.toTarget = CONVERSIONS.computeIfAbsent(target, LonLatConversion::of);
    }

    /**
     * @param source the CRS of the input coordinates
     * @param target the CRS of the output coordinates
     * @return the (cached) transform
     */
    public static CrsTransform of(Crs source, Crs target) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        return TRANSFORMS.computeIfAbsent(List.of(source, target), pair -> new CrsTransform(source, target));
    }

    /** @return the CRS of the input coordinates */
    public Crs source() {
        return source;
    }

    /** @return the CRS of the output coordinates */
    public Crs target() {
        return target;
    }

    /** Whether the source and target are the same CRS: every coordinate stays as it is, none is checked. */
    public boolean isIdentity() {
        return source == target;
    }

    /** @return the transform from {@link #target()} back to {@link #source()} */
    public CrsTransform inverse() {
        return of(target, source);
    }

    /**
     * @param coordinate a coordinate in the source CRS (x = longitude/easting); it is not modified
     * @return a new coordinate in the target CRS, with z and m copied unchanged
     * @throws IllegalArgumentException if a Gauss-Kruger easting cannot belong to the source CRS (wrong zone
     *     prefix, or x and y swapped), or a lon/lat source coordinate is not one (latitude first, or metres)
     */
    public Coordinate transform(Coordinate coordinate) {
        Coordinate result = coordinate.copy();
        transformInPlace(result);
        return result;
    }

    /**
     * @param geometry a geometry in the source CRS; it is not modified
     * @param <G> the geometry type, kept
     * @return a transformed copy, with its SRID set to the target's EPSG code (0 for GCJ-02 and BD-09)
     * @throws IllegalArgumentException as for {@link #transform(Coordinate)}
     */
    @SuppressWarnings("unchecked")
    public <G extends Geometry> G transform(G geometry) {
        G result = (G) geometry.copy();
        CoordinateMapping.inPlace(result, this::transformInPlace);
        result.setSRID(target.epsg().orElse(0));
        return result;
    }

    private void transformInPlace(Coordinate c) {
        if (source != target) {
            fromSource.toLonLat(c);
            toTarget.fromLonLat(c);
        }
    }

    /** @return e.g. {@code EPSG:4490 -> EPSG:4546} */
    @Override
    public String toString() {
        return source.code() + " -> " + target.code();
    }
}
