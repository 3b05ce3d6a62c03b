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
 */
record Inspection(
        String roadCode, LocalDate inspectedOn, boolean blocked, String cause, LocalDate closedOn, long order) {

    Inspection {
        Objects.requireNonNull(roadCode, "roadCode");
        Objects.requireNonNull(inspectedOn, "inspectedOn");
    }
}
