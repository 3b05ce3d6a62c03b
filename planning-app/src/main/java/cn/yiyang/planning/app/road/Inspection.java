package cn.yiyang.planning.app.road;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the {@code road_inspection} layer as the register reads it.
 *
 * @param roadCode    the road inspected
 * @param inspectedOn the inspection date
 * @param blocked     whether the road was found impassable ({@code blocked}, 不通); else passable ({@code open}, 通)
 * @param cause       why it was impassable, or null
 * @param closedOn    the 销号 date recorded on the row, or null
 * @param order       the row's store id: orders inspections of one road on the same day
 * @param stakeFrom   the stake (桩号) the row gives, or the start of its range, or null
 * @param stakeTo     the end of the row's stake range, or null
 * @param scope       for an inspection of a segment that the row named by its route: the route, the stake and the
 *                    segments the row applied to; null when the row named the segment (or an unknown road)
 */
record Inspection(
        String roadCode,
        LocalDate inspectedOn,
        boolean blocked,
        String cause,
        LocalDate closedOn,
        long order,
        String stakeFrom,
        String stakeTo,
        RouteScope scope) {

    Inspection {
        Objects.requireNonNull(roadCode, "roadCode");
        Objects.requireNonNull(inspectedOn, "inspectedOn");
    }

    /** An inspection row that names a segment and gives no stake. */
    Inspection(String roadCode, LocalDate inspectedOn, boolean blocked, String cause, LocalDate closedOn, long order) {
        this(roadCode, inspectedOn, blocked, cause, closedOn, order, null, null, null);
    }

    /** The same row as an inspection of one segment of the route it named. */
    Inspection ofSegment(String segmentCode, RouteScope applied) {
        return new Inspection(segmentCode, inspectedOn, blocked, cause, closedOn, order, stakeFrom, stakeTo, applied);
    }
}
