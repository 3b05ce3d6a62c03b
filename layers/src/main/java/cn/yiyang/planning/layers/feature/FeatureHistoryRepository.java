package cn.yiyang.planning.layers.feature;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write history of the layers ({@code feature_history}): the entries single-feature writes record, and the
 * summary entries of imports, analysis loads and register closings.
 *
 * <p>Before and after values are stored as JSON documents {@code {"attributes": {…}, "extra": {…}, "geometry":
 * "<WKT>"}}, the geometry as WKT in EPSG:4490 (x = longitude) and dates as ISO text; they are read back as
 * {@link Feature}s typed by the catalogue.
 */
public interface FeatureHistoryRepository {

    /** The entries of one feature, newest first. */
    List<HistoryEntry> history(LayerDef layer, long featureId);

    /** The entries of a layer (single-feature and summary) at or after {@code since}, newest first, at most {@code limit}. */
    List<HistoryEntry> since(LayerDef layer, Instant since, int limit);

    /**
     * The feature as it was at {@code instant}, from the after-document of its latest entry at or before then.
     * Empty when it did not exist then: no entry yet, or its latest entry is its DELETE. Single-feature writes
     * are the only per-feature entries, so a feature only loaded by imports has no state here before its first
     * single-feature write.
     */
    Optional<VersionedFeature> asOf(LayerDef layer, long featureId, Instant instant);

    /**
     * Records a summary entry: an import's load, an analysis run's load of a derived layer, a register closing.
     *
     * @param details what to say about it (ids, mode, counts, dates), stored as JSON: strings, numbers, booleans,
     *                lists and maps; dates are stored as their ISO text
     * @return the entry as stored
     * @throws IllegalArgumentException when {@code operation} is not a summary operation
     */
    HistoryEntry recordSummary(LayerDef layer, HistoryOperation operation, String user, Map<String, Object> details);
}
