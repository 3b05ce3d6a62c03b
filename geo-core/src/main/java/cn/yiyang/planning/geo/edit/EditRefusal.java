package cn.yiyang.planning.geo.edit;

import java.util.Locale;

/** Why an editing operation gave no result; {@link #code()} is the stable lower-snake name the UI translates. */
public enum EditRefusal {
    /** The shape to edit is empty, not polygonal, or invalid (self-intersecting): fix it first. */
    INVALID_POLYGON,
    /** The cutting line is empty or not a line. */
    INVALID_LINE,
    /** The line does not cross the polygon from one side to the other, so nothing is cut off. */
    LINE_DOES_NOT_CROSS,
    /** The two polygons share no edge (apart, or touching at a point only). */
    NOT_ADJACENT;

    /** The refusal's code, e.g. {@code line_does_not_cross}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
