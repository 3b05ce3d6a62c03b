package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.layers.feature.Feature;
import java.util.List;
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
 * @param early where it may hand a result layer's rows as soon as they are computed, before the rest
 *     ({@link EarlyRows})
 */
public record RunContext(String runId, String user, RunSettings settings, DoubleConsumer progress, EarlyRows early) {

    public RunContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(early, "early");
    }

    /** A context whose early rows are not written early (a computation run outside the runner). */
    public RunContext(String runId, String user, RunSettings settings, DoubleConsumer progress) {
        this(runId, user, settings, progress, EarlyRows.IGNORED);
    }

    /**
     * Takes a result layer's rows before the computation ends, so that the store can write them while it goes on
     * ({@link cn.yiyang.planning.layers.feature.FeatureRepository#stage}). They are a hint only: the computation
     * still returns every result layer's rows in its {@link RunOutput}, the same list, and the run's results are the
     * same with or without it.
     */
    @FunctionalInterface
    public interface EarlyRows {
        /** Writes nothing early. */
        EarlyRows IGNORED = (layerId, rows) -> {};

        /**
         * @param layerId one of the kind's result layers
         * @param rows all of its rows, which neither side changes any more
         */
        void accept(String layerId, List<Feature> rows);
    }
}
