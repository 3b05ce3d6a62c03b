package cn.yiyang.planning.layers.feature;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the write history ({@code feature_history}).
 *
 * @param id         the entry's id; later entries have higher ids
 * @param layerId    the layer written
 * @param featureId  the feature's id, or null for a summary entry
 * @param featureKey the feature's key value (see {@link cn.yiyang.planning.layers.catalogue.LayerDef#keyField()})
 *                   when the layer has a key and the feature a value, else null
 * @param version    the feature's version after the write (a delete's is the deleted version plus one), or null
 *                   for a summary entry
 * @param operation  what was done
 * @param user       who did it (a user name, or the process)
 * @param at         when
 * @param before     the feature before the write (UPDATE, DELETE), else null
 * @param after      the feature after the write (INSERT, UPDATE), else null
 * @param details    what a summary entry says (job or run id, mode, counts, dates); empty for single-feature writes
 */
public record HistoryEntry(
        long id,
        String layerId,
        Long featureId,
        String featureKey,
        Long version,
        HistoryOperation operation,
        String user,
        OffsetDateTime at,
        Feature before,
        Feature after,
        Map<String, Object> details) {

    public HistoryEntry {
        Objects.requireNonNull(layerId, "layerId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(at, "at");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
