package cn.yiyang.planning.geo.plan;

import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Why a geometry is invalid: the kinds of JTS {@link TopologyValidationError}, plus the shape being wrong. */
public enum GeometryError {
    /** Not a polygon or multipolygon. */
    NOT_POLYGONAL,
    /** No coordinates at all. */
    EMPTY,
    /** A hole lies outside its shell. */
    HOLE_OUTSIDE_SHELL,
    /** A hole lies inside another hole. */
    NESTED_HOLES,
    /** Holes cut the interior into pieces. */
    DISCONNECTED_INTERIOR,
    /** Two rings cross. */
    SELF_INTERSECTION,
    /** A ring crosses itself (a bow tie). */
    RING_SELF_INTERSECTION,
    /** A polygon of a multipolygon lies inside another. */
    NESTED_SHELLS,
    /** The same ring twice. */
    DUPLICATE_RINGS,
    /** A ring with fewer than four points. */
    TOO_FEW_POINTS,
    /** A coordinate is NaN or infinite. */
    INVALID_COORDINATE,
    /** A ring does not end where it starts. */
    RING_NOT_CLOSED,
    /** A kind JTS adds later. */
    OTHER;

    /**
     * @param jts a JTS validation error
     * @return its kind
     */
    static GeometryError of(TopologyValidationError jts) {
        return switch (jts.getErrorType()) {
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> HOLE_OUTSIDE_SHELL;
            case TopologyValidationError.NESTED_HOLES -> NESTED_HOLES;
            case TopologyValidationError.DISCONNECTED_INTERIOR -> DISCONNECTED_INTERIOR;
            case TopologyValidationError.SELF_INTERSECTION -> SELF_INTERSECTION;
            case TopologyValidationError.RING_SELF_INTERSECTION -> RING_SELF_INTERSECTION;
            case TopologyValidationError.NESTED_SHELLS -> NESTED_SHELLS;
            case TopologyValidationError.DUPLICATE_RINGS -> DUPLICATE_RINGS;
            case TopologyValidationError.TOO_FEW_POINTS -> TOO_FEW_POINTS;
            case TopologyValidationError.INVALID_COORDINATE -> INVALID_COORDINATE;
            case TopologyValidationError.RING_NOT_CLOSED -> RING_NOT_CLOSED;
            default -> OTHER;
        };
    }
}
