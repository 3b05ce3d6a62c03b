package cn.yiyang.planning.layers.feature;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.Optional;

/**
 * Single-feature writes with optimistic locking, each in one transaction together with its history entry
 * ({@link FeatureHistoryRepository}): the write and its record are stored together or not at all. The geometry is
 * stored as {@link cn.yiyang.planning.layers.catalogue.LayerGeometry#stored} shapes it, as loads do.
 *
 * <p>These methods check types and geometry kinds only (wrong ones throw {@link IllegalArgumentException}, as
 * loads do); the rules of an import row (validity, region, code lists, references, duplicate keys) are the caller's
 * to check first. A duplicate key that slips past the caller fails with the store's constraint violation.
 */
public interface FeatureWriteRepository {

    /** The stored feature with its version. */
    Optional<VersionedFeature> find(LayerDef layer, long id);

    /**
     * Stores a new feature (its id, if any, is ignored) and records an INSERT entry.
     *
     * @return the feature as stored, with its new id and version 1
     */
    VersionedFeature insert(LayerDef layer, Feature feature, String user);

    /**
     * Replaces the attributes, extra attributes and geometry of feature {@code id} when its stored version is
     * {@code expectedVersion}, raising the version by one, and records an UPDATE entry with before and after.
     */
    WriteResult update(LayerDef layer, long id, long expectedVersion, Feature feature, String user);

    /**
     * Deletes feature {@code id} when its stored version is {@code expectedVersion} and records a DELETE entry
     * with the feature as it was.
     */
    WriteResult delete(LayerDef layer, long id, long expectedVersion, String user);
}
