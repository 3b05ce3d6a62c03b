package cn.yiyang.planning.app.map;

/** What the measure tool measures on the map. */
public enum MeasureKind {
    /** A line's length, in metres. */
    LENGTH,
    /** A polygon's area, in square metres. */
    AREA
}
