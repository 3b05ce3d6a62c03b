package cn.yiyang.planning.layers.analysis;

import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import java.util.List;
import java.util.Optional;

/**
 * Analysis runs and their indicators ({@code analysis_run}, {@code analysis_indicator}). Each call is its
 * own transaction.
 */
public interface AnalysisRunRepository {

    /** Stores a new run; a null {@code createdAt} is stored as now. */
    void create(AnalysisRun run);

    /**
     * Stores the run's status, progress, start and finish times, data version, summary and message
     * (its id, kind, requester, creation time and settings do not change).
     *
     * @throws java.util.NoSuchElementException when there is no run with this id
     */
    void update(AnalysisRun run);

    Optional<AnalysisRun> find(String id);

    /** The latest runs of a kind (of every kind when null), newest first. */
    List<AnalysisRun> recent(String kind, int limit);

    /** The newest run of this kind that succeeded. */
    Optional<AnalysisRun> latestSucceeded(String kind);

    /**
     * Stores the indicators of a run in one transaction (batched: tens of thousands of rows are fine).
     * Values already stored for the same run, indicator, level, code and group are replaced.
     */
    void saveIndicators(String runId, List<IndicatorValue> values);

    /**
     * The indicators of a run at one level, ordered by code, indicator and group; {@code code},
     * {@code group} and {@code indicator} narrow it down when not null.
     */
    List<IndicatorValue> indicators(String runId, UnitLevel level, String code, UnitGroup group, Indicator indicator);

    /** One indicator of one unit and group over the succeeded runs of a kind, oldest first (for trends). */
    List<IndicatorValue> history(String kind, Indicator indicator, UnitLevel level, String code, UnitGroup group);

    /**
     * Deletes the values at {@code level} of the finished runs (succeeded or failed) of a kind that are older than its
     * latest {@code keep} successful ones; a run still queued or going is never touched (the runner calls it from
     * within a run, keeping one run fewer than it means to keep). It looks at most {@value #PRUNE_WINDOW} runs back
     * from the ones it keeps, since those further back were pruned when they were there: every run calls it.
     *
     * @param keep the successful runs whose values are kept, 0 or more
     * @return the values deleted
     */
    int pruneLevel(String kind, UnitLevel level, int keep);

    /** How many finished runs behind the kept ones {@link #pruneLevel} looks at. */
    int PRUNE_WINDOW = 10;

    /**
     * Marks every QUEUED or RUNNING run FAILED with the message {@value AnalysisRun#INTERRUPTED} and a
     * finish time of now: called at start-up, when no run of a previous process can still be going.
     *
     * @return how many runs it marked
     */
    int failInterrupted();
}
