package cn.yiyang.planning.layers.feature;

import java.util.Objects;

/**
 * A stored feature with its version, for optimistic locking: a write names the version it started from and is
 * refused when the stored one has moved on. The version is 1 when the feature is inserted (by a load or a
 * single-feature write) and is raised by one by every single-feature update and every upsert load that updates it.
 * {@link Feature} itself stays version-free, so that its many readers (tiles, tables, analyses) are unchanged.
 *
 * @param feature the feature, with its id
 * @param version its version, 1 or more
 */
public record VersionedFeature(Feature feature, long version) {

    public VersionedFeature {
        Objects.requireNonNull(feature, "feature");
        if (version < 1) {
            throw new IllegalArgumentException("a version is 1 or more, got " + version);
        }
    }

    /** The feature's id in its layer. */
    public long id() {
        return feature.id();
    }
}
