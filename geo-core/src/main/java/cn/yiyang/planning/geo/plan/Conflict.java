package cn.yiyang.planning.geo.plan;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One 多规合一 conflict found by {@link ConflictCheck}.
 *
 * @param parcelId the planned parcel
 * @param landUseCode its code
 * @param kind the kind of conflict
 * @param constraintId the constraint feature overlapped; {@code null} for
 *     {@link ConflictKind#OUTSIDE_TOWN_BOUNDARY}, where the conflict is with the absence of a boundary
 * @param overlap the conflicting part of the parcel in lon/lat: its intersection with the farmland or red-line
 *     polygon, or its part outside every town-boundary polygon
 * @param area the overlap's ellipsoidal area (m², 亩 via {@link AreaFigure#mu()})
 * @param location a point inside the overlap, where the map shows it
 */
public record Conflict(
        String parcelId,
        String landUseCode,
        ConflictKind kind,
        String constraintId,
        Geometry overlap,
        AreaFigure area,
        Point location) {}
