package cn.yiyang.planning.layers.analysis;

/** Where an analysis run is: QUEUED → RUNNING → SUCCEEDED | FAILED. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    /** Whether the run has ended (succeeded or failed). */
    public boolean settled() {
        return this == SUCCEEDED || this == FAILED;
    }
}
