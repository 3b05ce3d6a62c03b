package cn.yiyang.planning.geo.geom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Moves every vertex of a geometry in place by an operation on its x and y, for projections,
 * rounding and tile scaling. JTS's {@link CoordinateSequenceFilter} with the boilerplate done once.
 */
public final class CoordinateMapping implements CoordinateSequenceFilter {

    /** Changes {@code c.x} and {@code c.y} in place. */
    @FunctionalInterface
    public interface Operation {
        void apply(Coordinate c);
    }

    private final Operation operation;
    private final Coordinate scratch = new Coordinate();

    private CoordinateMapping(Operation operation) {
        this.operation = operation;
    }

    /**
     * Applies {@code operation} to every vertex of {@code geometry}, changing it in place.
     *
     * @return {@code geometry}, for chaining
     */
    public static <G extends Geometry> G inPlace(G geometry, Operation operation) {
        geometry.apply(new CoordinateMapping(operation));
        return geometry;
    }

    @Override
    public void filter(CoordinateSequence seq, int i) {
        scratch.x = seq.getX(i);
        scratch.y = seq.getY(i);
        operation.apply(scratch);
        seq.setOrdinate(i, CoordinateSequence.X, scratch.x);
        seq.setOrdinate(i, CoordinateSequence.Y, scratch.y);
    }

    @Override
    public boolean isDone() {
        return false;
    }

    @Override
    public boolean isGeometryChanged() {
        return true;
    }
}
