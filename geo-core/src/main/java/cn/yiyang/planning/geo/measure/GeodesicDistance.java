package cn.yiyang.planning.geo.measure;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * Ground distances between lon/lat points on an ellipsoid, by Vincenty's inverse formula (1975): accurate to
 * 0.1 mm at any distance at which it converges, which is every pair of points that are not nearly antipodal
 * (so always within China). Coincident and nearly coincident points are handled exactly.
 *
 * <p>Also a spherical {@link #haversine} for quick screening (error up to about 0.5%).
 *
 * <pre>{@code
 * double metres = GeodesicDistance.CGCS2000.distance(new Coordinate(112.35, 28.55), new Coordinate(111.5, 28.4));
 * double roadMetres = GeodesicDistance.CGCS2000.length(roadLineString);
 * }</pre>
 */
public final class GeodesicDistance {

    /** Distances on the CGCS2000 (GRS80) ellipsoid. */
    public static final GeodesicDistance CGCS2000 = new GeodesicDistance(Ellipsoid.GRS80);

    /** The mean Earth radius {@code (2a + b) / 3} of GRS80 used by {@link #haversine}, metres. */
    public static final double MEAN_RADIUS = 6_371_008.7714;

    private static final int MAX_ITERATIONS = 200;
    private static final double LAMBDA_TOLERANCE = 1e-12;

    private final Ellipsoid ellipsoid;

    private GeodesicDistance(Ellipsoid ellipsoid) {
        this.ellipsoid = ellipsoid;
    }

    /**
     * @param ellipsoid the ellipsoid to measure on
     * @return a calculator for that ellipsoid
     */
    public static GeodesicDistance on(Ellipsoid ellipsoid) {
        return new GeodesicDistance(ellipsoid);
    }

    /** @return the ellipsoid measured on */
    public Ellipsoid ellipsoid() {
        return ellipsoid;
    }

    /**
     * @param from lon/lat in degrees
     * @param to lon/lat in degrees
     * @return the geodesic distance in metres
     * @throws ArithmeticException if the points are nearly antipodal (the iteration does not converge)
     */
    public double distance(Coordinate from, Coordinate to) {
        return inverse(from, to).distance();
    }

    /**
     * The length of every linear component of a lon/lat geometry (LineStrings, and the rings of polygons, so a
     * polygon's perimeter), summing the geodesic lengths of its segments.
     *
     * @param lonLat a geometry in lon/lat degrees
     * @return the length in metres; 0 for points and empty geometries
     */
    public double length(Geometry lonLat) {
        double length = 0.0;
        for (Object line : LinearComponentExtracter.getLines(lonLat)) {
            CoordinateSequence seq = ((LineString) line).getCoordinateSequence();
            for (int i = 1; i < seq.size(); i++) {
                length += distance(seq.getCoordinate(i - 1), seq.getCoordinate(i));
            }
        }
        return length;
    }

    /**
     * Solves the inverse geodesic problem (Vincenty 1975).
     *
     * @param from lon/lat in degrees
     * @param to lon/lat in degrees
     * @return the distance and azimuths
     * @throws ArithmeticException if the points are nearly antipodal (the iteration does not converge)
     */
    public GeodesicInverse inverse(Coordinate from, Coordinate to) {
        double a = ellipsoid.semiMajorAxis();
        double b = ellipsoid.semiMinorAxis();
        double f = ellipsoid.flattening();
        double bigL = Math.toRadians(normalizeDegrees(to.x - from.x));
        double tanU1 = (1 - f) * Math.tan(Math.toRadians(from.y));
        double cosU1 = 1 / Math.sqrt(1 + tanU1 * tanU1);
        double sinU1 = tanU1 * cosU1;
        double tanU2 = (1 - f) * Math.tan(Math.toRadians(to.y));
        double cosU2 = 1 / Math.sqrt(1 + tanU2 * tanU2);
        double sinU2 = tanU2 * cosU2;

        double lambda = bigL;
        double sinLambda;
        double cosLambda;
        double sinSigma;
        double cosSigma;
        double sigma;
        double cosSqAlpha;
        double cos2SigmaM;
        for (int i = 0; ; i++) {
            if (i == MAX_ITERATIONS) {
                throw new ArithmeticException(
                        "Vincenty inverse did not converge: " + from + " and " + to + " are nearly antipodal");
            }
            sinLambda = Math.sin(lambda);
            cosLambda = Math.cos(lambda);
            double p = cosU2 * sinLambda;
            double q = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
            sinSigma = Math.sqrt(p * p + q * q);
            if (sinSigma == 0) {
                return new GeodesicInverse(0.0, Double.NaN, Double.NaN);
            }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSqAlpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSqAlpha != 0 ? cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha : 0; // 0 on the equator
            double c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
            double previous = lambda;
            lambda = bigL
                    + (1 - c)
                            * f
                            * sinAlpha
                            * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            // relative: for points millimetres apart, lambda itself is ~1e-10 rad
            if (Math.abs(lambda - previous) <= LAMBDA_TOLERANCE * Math.abs(lambda)) {
                break;
            }
        }
        double uSq = cosSqAlpha * (a * a - b * b) / (b * b);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double deltaSigma = bigB
                * sinSigma
                * (cos2SigmaM
                        + bigB
                                / 4
                                * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                                        - bigB
                                                / 6
                                                * cos2SigmaM
                                                * (-3 + 4 * sinSigma * sinSigma)
                                                * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        double distance = b * bigA * (sigma - deltaSigma);
        double alpha1 = Math.atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
        double alpha2 = Math.atan2(cosU1 * sinLambda, -sinU1 * cosU2 + cosU1 * sinU2 * cosLambda);
        return new GeodesicInverse(distance, azimuthDegrees(alpha1), azimuthDegrees(alpha2));
    }

    /**
     * Great-circle distance on a sphere of radius {@link #MEAN_RADIUS}: fast, for screening only (off by up to
     * about 0.5% from the ellipsoidal distance).
     *
     * @param from lon/lat in degrees
     * @param to lon/lat in degrees
     * @return the distance in metres
     */
    public static double haversine(Coordinate from, Coordinate to) {
        double phi1 = Math.toRadians(from.y);
        double phi2 = Math.toRadians(to.y);
        double sinHalfDPhi = Math.sin((phi2 - phi1) / 2);
        double sinHalfDLambda = Math.sin(Math.toRadians(to.x - from.x) / 2);
        double h = sinHalfDPhi * sinHalfDPhi + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
        return 2 * MEAN_RADIUS * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    private static double normalizeDegrees(double degrees) {
        double d = Math.IEEEremainder(degrees, 360.0);
        return d == -180.0 ? 180.0 : d;
    }

    private static double azimuthDegrees(double radians) {
        double degrees = Math.toDegrees(radians);
        return degrees < 0 ? degrees + 360.0 : degrees;
    }
}
