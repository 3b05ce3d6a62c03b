package cn.yiyang.planning.geo.crs;

import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;

/**
 * Inverts a lon/lat mapping that is a small perturbation of the identity (GCJ-02, BD-09), for which no closed
 * form exists: iterate {@code guess -= forward(guess) - target} until the residual is under
 * {@value #TOLERANCE_DEGREES} degrees (about 0.1 µm) in both axes. The contraction per step is about 0.003,
 * so this takes four or five steps; the tight tolerance makes e.g. GCJ-02 → WGS84 → BD-09 reproduce the direct
 * published GCJ-02 → BD-09 formula to 1e-12 degrees.
 */
final class FixedPointInverse {

    /** The largest residual accepted, in degrees. */
    static final double TOLERANCE_DEGREES = 1e-12;

    private static final int MAX_ITERATIONS = 30;

    private FixedPointInverse() {}

    /**
     * @param c the mapped coordinate, overwritten with its pre-image
     * @param forward the mapping, applied in place
     * @throws ArithmeticException if the iteration does not converge (only far outside China)
     */
    static void invert(Coordinate c, Consumer<Coordinate> forward) {
        Coordinate probe = new Coordinate();
        double guessX = c.x;
        double guessY = c.y;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            probe.x = guessX;
            probe.y = guessY;
            forward.accept(probe);
            double dx = probe.x - c.x;
            double dy = probe.y - c.y;
            if (Math.abs(dx) < TOLERANCE_DEGREES && Math.abs(dy) < TOLERANCE_DEGREES) {
                c.x = guessX;
                c.y = guessY;
                return;
            }
            guessX -= dx;
            guessY -= dy;
        }
        throw new ArithmeticException("inverse did not converge for (" + c.x + ", " + c.y + ")");
    }
}
