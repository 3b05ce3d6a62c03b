package cn.yiyang.planning.layers.feature;

/** What a history entry records: a single-feature write, or a summary of a write of many features. */
public enum HistoryOperation {
    /** A feature was created by a single-feature write. */
    INSERT,
    /** A feature's attributes and/or geometry were changed by a single-feature write. */
    UPDATE,
    /** A feature was deleted by a single-feature write. */
    DELETE,
    /** A file import loaded the layer (summary; details: job id, mode, counts). */
    IMPORT,
    /** An analysis run reloaded a derived layer (summary; details: run id, counts). */
    ANALYSIS,
    /** A 通返不通 register entry was closed (summary; details: road code and dates). */
    REGISTER_CLOSE;

    /** Whether entries of this operation summarise a write rather than record one feature's change. */
    public boolean isSummary() {
        return this == IMPORT || this == ANALYSIS || this == REGISTER_CLOSE;
    }
}
