package cn.yiyang.planning.app.map;

import java.util.Locale;

/** The tools of the map's editing session. */
public enum EditTool {
    /** Click a feature to show its attributes. */
    SELECT,
    /** Draw a new feature of the layer's kind. */
    DRAW,
    /** Drag vertices (shared vertices move together); Alt+click removes one. */
    MODIFY,
    /** Drag a whole feature. */
    MOVE,
    /** Click a feature to delete it. */
    DELETE,
    /** Draw a line across a polygon to cut it (the server computes the parts). */
    SPLIT,
    /** Click two adjacent polygons to merge them (the server computes the union). */
    MERGE;

    /** The name the map element knows. */
    public String clientName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
