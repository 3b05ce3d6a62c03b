package cn.yiyang.planning.importer.job;

/** Where an import is. */
public enum ImportStatus {
    /** Waiting for a free worker. */
    QUEUED,
    /** Reading, checking and (unless a dry run) loading. */
    RUNNING,
    /**
     * Stopped before loading anything: the user must choose (a CRS, a table, a field for a required
     * field, a correct field map) and {@link ImportService#confirm confirm}.
     */
    NEEDS_INPUT,
    /** Done: loaded (rows with errors skipped and reported), or for a dry run, analysed. */
    SUCCEEDED,
    /** Nothing was loaded; the problems say why. The layer is exactly as it was. */
    FAILED;

    /** Whether the import has stopped running (it may still be confirmed, see {@link ImportJob#confirmable()}). */
    public boolean settled() {
        return this != QUEUED && this != RUNNING;
    }
}
