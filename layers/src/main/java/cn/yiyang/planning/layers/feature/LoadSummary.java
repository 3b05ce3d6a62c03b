package cn.yiyang.planning.layers.feature;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The summary entry a load records in the write history, in the load's own transaction
 * ({@link FeatureRepository#load(cn.yiyang.planning.layers.catalogue.LayerDef, LoadMode, java.util.Iterator,
 * LoadSummary)}): an import's IMPORT or an analysis run's ANALYSIS.
 *
 * @param operation a summary operation ({@link HistoryOperation#isSummary()})
 * @param user      who loaded
 * @param details   what to say about the load, asked for once the features are written (so that counts made
 *                  while the features streamed, such as rejected rows, are in it); the store adds {@code mode} and
 *                  {@code written}
 */
public record LoadSummary(HistoryOperation operation, String user, Supplier<Map<String, Object>> details) {

    public LoadSummary {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(details, "details");
        if (!operation.isSummary()) {
            throw new IllegalArgumentException(operation + " is not a summary operation");
        }
    }

    /** A summary with details known before the load. */
    public static LoadSummary of(HistoryOperation operation, String user, Map<String, Object> details) {
        Map<String, Object> copy = Map.copyOf(details);
        return new LoadSummary(operation, user, () -> copy);
    }
}
