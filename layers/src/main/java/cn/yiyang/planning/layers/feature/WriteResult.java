package cn.yiyang.planning.layers.feature;

/**
 * The outcome of a single-feature update or delete ({@link FeatureWriteRepository}). Expected outcomes are
 * values, not exceptions: a caller switches over the three cases.
 */
public sealed interface WriteResult {

    /**
     * The write was done.
     *
     * @param feature the feature as stored after an update, or as it was before a delete; its version is the one
     *                the write produced (a delete's history entry carries that version too)
     */
    record Written(VersionedFeature feature) implements WriteResult {}

    /**
     * The write named a version that is no longer the stored one; nothing was changed.
     *
     * @param current the feature as it is stored now, with its current version
     */
    record Stale(VersionedFeature current) implements WriteResult {}

    /** No feature with that id is stored in the layer (never was, or was deleted); nothing was changed. */
    record NotFound() implements WriteResult {}
}
