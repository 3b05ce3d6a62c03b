package cn.yiyang.planning.layers.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The closing (销号) of one 通返不通 register entry in the app. An entry is named by its road and the
 * date of its blocked inspection.
 *
 * @param roadCode  the road's code (layer {@code road}, field {@code code})
 * @param blockedOn the date of the blocked inspection that opened the entry
 * @param closedOn  the date the road was passable again, as the closer gave it
 * @param closedBy  the user who closed the entry
 * @param note      the closer's note, or null
 * @param createdAt when the closure was stored; null for one not yet stored
 */
public record RoadClosure(
        String roadCode,
        LocalDate blockedOn,
        LocalDate closedOn,
        String closedBy,
        String note,
        OffsetDateTime createdAt) {

    public RoadClosure {
        Objects.requireNonNull(roadCode, "roadCode");
        Objects.requireNonNull(blockedOn, "blockedOn");
        Objects.requireNonNull(closedOn, "closedOn");
        Objects.requireNonNull(closedBy, "closedBy");
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** A closure not yet stored. */
    public static RoadClosure of(
            String roadCode, LocalDate blockedOn, LocalDate closedOn, String closedBy, String note) {
        return new RoadClosure(roadCode, blockedOn, closedOn, closedBy, note, null);
    }
}
