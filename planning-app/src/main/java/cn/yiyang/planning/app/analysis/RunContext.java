package cn.yiyang.planning.app.analysis;

import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * What a run's computation is given.
 *
 * @param runId the run
 * @param user who asked for it
 * @param settings its settings
 * @param progress where it reports how far it got, 0..1 of its own work (the runner maps it onto the run's progress
 *     and stores it at most every 5 %)
 */
public record RunContext(String runId, String user, RunSettings settings, DoubleConsumer progress) {

    public RunContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
    }
}
