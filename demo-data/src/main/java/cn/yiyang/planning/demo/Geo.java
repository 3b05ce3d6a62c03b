package cn.yiyang.planning.demo;

import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;

/**
 * Geometry in metres and the way back to degrees. The generator works in a local equirectangular
 * projection centred on 112°E, 28.7°N (x east, y north, metres; scale error under 1.5% across
 * Yiyang), on a 1 cm precision grid so that neighbouring cells share exactly the same vertices.
 * {@link #toDegrees} maps to EPSG:4490 longitude/latitude by one affine transformation, which keeps
 * shared vertices shared and nested polygons nested.
 */
final class Geo {

    /** 1 cm grid: the precision every overlay in metres snaps to. */
    static final PrecisionModel PM = new PrecisionModel(100);
    /** Factory of the metre geometries. */
    static final GeometryFactory M = new GeometryFactory(PM);

    static final double LON0 = 112.0;
    static final double LAT0 = 28.7;
    /** Metres per degree of latitude and of longitude at 28.7°N (GRS80 series). */
    static final double M_PER_DEG_Y;

    static final double M_PER_DEG_X;
    private static final AffineTransformation TO_DEGREES;

    static {
        double phi = Math.toRadians(LAT0);
        M_PER_DEG_Y = 111132.92 - 559.82 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
        M_PER_DEG_X = 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi);
        TO_DEGREES = new AffineTransformation(1 / M_PER_DEG_X, 0, LON0, 0, 1 / M_PER_DEG_Y, LAT0);
    }

    private Geo() {}

    /** Longitude/latitude to metres. */
    static Coordinate metres(double lon, double lat) {
        return new Coordinate(PM.makePrecise((lon - LON0) * M_PER_DEG_X), PM.makePrecise((lat - LAT0) * M_PER_DEG_Y));
    }

    /** A metre coordinate as longitude/latitude. */
    static Coordinate degrees(Coordinate m) {
        return new Coordinate(LON0 + m.x / M_PER_DEG_X, LAT0 + m.y / M_PER_DEG_Y);
    }

    /** A copy of a metre geometry in EPSG:4490 (x = longitude, y = latitude). */
    static Geometry toDegrees(Geometry metres) {
        if (metres instanceof Point p) {
            return LayerGeometry.FACTORY.createPoint(degrees(p.getCoordinate()));
        }
        Geometry g = LayerGeometry.FACTORY.createGeometry(metres);
        g.apply(TO_DEGREES);
        g.geometryChanged();
        return g;
    }

    static Point pointDegrees(Coordinate metres) {
        return LayerGeometry.FACTORY.createPoint(degrees(metres));
    }

    static Point point(Coordinate c) {
        return M.createPoint(c);
    }

    static Coordinate snap(double x, double y) {
        return new Coordinate(PM.makePrecise(x), PM.makePrecise(y));
    }

    static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.INTERSECTION, PM);
    }

    static Geometry difference(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.DIFFERENCE, PM);
    }

    static Geometry union(Collection<? extends Geometry> parts) {
        if (parts.isEmpty()) {
            return M.createPolygon();
        }
        return UnaryUnionNG.union(M.buildGeometry(new ArrayList<>(parts)), PM);
    }

    /**
     * The union of polygons that form a coverage (they meet along shared edges, vertex for vertex,
     * and do not overlap): fast edge matching, checked, with a snap-rounding union to fall back on.
     */
    static Geometry coverageUnion(List<? extends Geometry> cells) {
        if (cells.size() == 1) {
            return cells.get(0);
        }
        double sum = 0;
        for (Geometry c : cells) {
            sum += c.getArea();
        }
        try {
            Geometry u = CoverageUnion.union(cells.toArray(Geometry[]::new));
            if (u != null && Math.abs(u.getArea() - sum) <= 1e-6 * sum + 1 && u.isValid()) {
                return u;
            }
        } catch (RuntimeException e) {
            // not an exact coverage: fall back
        }
        return union(cells);
    }

    /** The non-empty polygons of a polygonal (or mixed) geometry. */
    static List<Polygon> polygons(Geometry g) {
        List<Polygon> out = new ArrayList<>();
        collect(g, out);
        return out;
    }

    private static void collect(Geometry g, List<Polygon> out) {
        if (g instanceof Polygon p) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        } else if (g instanceof GeometryCollection gc) {
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                collect(gc.getGeometryN(i), out);
            }
        }
    }

    /** The polygonal part of {@code g} without holes smaller than {@code minHoleArea} (noise of snapping). */
    static Geometry clean(Geometry g, double minHoleArea) {
        List<Polygon> out = new ArrayList<>();
        for (Polygon p : polygons(g)) {
            List<LinearRing> holes = new ArrayList<>();
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                LinearRing h = p.getInteriorRingN(i);
                if (Math.abs(Area.ofRing(h.getCoordinateSequence())) >= minHoleArea) {
                    holes.add(h);
                }
            }
            out.add(M.createPolygon(p.getExteriorRing(), holes.toArray(LinearRing[]::new)));
        }
        return out.size() == 1 ? out.get(0) : M.createMultiPolygon(out.toArray(Polygon[]::new));
    }

    /** The largest polygon of {@code g}. */
    static Polygon largest(Geometry g) {
        Polygon best = null;
        for (Polygon p : polygons(g)) {
            if (best == null || p.getArea() > best.getArea()) {
                best = p;
            }
        }
        return best;
    }

    /** A random point inside {@code area} (rejection sampling in its envelope), or null after 200 tries. */
    static Coordinate randomPointIn(PreparedGeometry area, Rng rng) {
        Envelope e = area.getGeometry().getEnvelopeInternal();
        for (int i = 0; i < 200; i++) {
            Coordinate c = snap(rng.uniform(e.getMinX(), e.getMaxX()), rng.uniform(e.getMinY(), e.getMaxY()));
            if (area.contains(M.createPoint(c))) {
                return c;
            }
        }
        return null;
    }

    /** A point at a distance and bearing (radians, counter-clockwise from east) from {@code c}. */
    static Coordinate offset(Coordinate c, double distance, double angle) {
        return snap(c.x + distance * Math.cos(angle), c.y + distance * Math.sin(angle));
    }

    /**
     * An irregular, star-shaped blob: {@code n} vertices around {@code centre} at radii varying
     * smoothly by {@code roughness} (0 = circle) around {@code radius}.
     */
    static Polygon blob(Coordinate centre, double radius, double roughness, int n, Rng rng) {
        int harmonics = 4;
        double[] amp = new double[harmonics];
        double[] phase = new double[harmonics];
        for (int k = 0; k < harmonics; k++) {
            amp[k] = roughness * rng.uniform(0.3, 1.0) / (k + 1);
            phase[k] = rng.uniform(0, 2 * Math.PI);
        }
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double f = 1;
            for (int k = 0; k < harmonics; k++) {
                f += amp[k] * Math.sin((k + 2) * a + phase[k]);
            }
            f = Math.max(0.25, f);
            ring[i] = offset(centre, radius * f, a);
        }
        ring[n] = ring[0];
        Polygon p = M.createPolygon(ring);
        return p.isValid() ? p : largest(p.buffer(0));
    }

    /**
     * A line from {@code a} to {@code b} that wanders sideways by up to {@code wiggle} times its
     * length, through {@code bends} intermediate vertices. The end points are exactly {@code a} and
     * {@code b}, so lines meeting at a node share it.
     */
    static LineString meander(Coordinate a, Coordinate b, double wiggle, int bends, Rng rng) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double len = Math.hypot(dx, dy);
        Coordinate[] pts = new Coordinate[bends + 2];
        pts[0] = a.copy();
        pts[bends + 1] = b.copy();
        double phase = rng.uniform(0, 2 * Math.PI);
        double amp = wiggle * len * rng.uniform(0.3, 1.0);
        for (int i = 1; i <= bends; i++) {
            double t = (double) i / (bends + 1);
            double side =
                    amp * Math.sin(Math.PI * t) * Math.sin(phase + 2.5 * Math.PI * t) + rng.uniform(-0.15, 0.15) * amp;
            pts[i] = snap(a.x + dx * t - dy / len * side, a.y + dy * t + dx / len * side);
        }
        return M.createLineString(pts);
    }

    static double distance(Coordinate a, Coordinate b) {
        double dx = a.x - b.x;
        double dy = a.y - b.y;
        return Math.sqrt(dx * dx + dy * dy);
    }
}
