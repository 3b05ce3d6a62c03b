package cn.yiyang.planning.geo.plan;

import cn.yiyang.planning.geo.plan.ProblemKind.Severity;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One problem {@link ParcelCheck} found.
 *
 * @param kind what is wrong
 * @param parcelIds the parcels concerned: one for an invalid or outside parcel, the pair (in input order) for an
 *     overlap, none for a gap or an invalid plan boundary
 * @param state the state whose parcels overlap or leave a gap; the parcel's state otherwise, {@code null} for the
 *     plan boundary
 * @param geometryError why the geometry is invalid, for {@link ProblemKind#INVALID_GEOMETRY}; {@code null}
 *     otherwise
 * @param area the area outside, overlapping or uncovered; zero for an invalid geometry
 * @param location where to show the problem in lon/lat: the point JTS reports for an invalid geometry, otherwise a
 *     point inside the problem's area
 * @param extent the area outside, overlapping or uncovered, in lon/lat (the location for an invalid geometry)
 */
public record ParcelProblem(
        ProblemKind kind,
        List<String> parcelIds,
        ParcelState state,
        GeometryError geometryError,
        AreaFigure area,
        Point location,
        Geometry extent) {

    /** Copies the ids. */
    public ParcelProblem {
        parcelIds = List.copyOf(parcelIds);
    }

    /** @return the kind's severity */
    public Severity severity() {
        return kind.severity();
    }
}
