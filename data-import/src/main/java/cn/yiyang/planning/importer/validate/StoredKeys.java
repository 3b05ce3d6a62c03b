package cn.yiyang.planning.importer.validate;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.Collection;
import java.util.Set;

/**
 * Which of some key values a layer stores: how a single-feature check asks for the few keys it needs (its own key,
 * its references) instead of reading every key of the layer as an import does. Implemented by
 * {@link cn.yiyang.planning.layers.feature.FeatureRepository#existingKeys}.
 */
@FunctionalInterface
public interface StoredKeys {

    /**
     * The subset of {@code values} stored in {@code field} of {@code layer}.
     *
     * @param layer  the layer asked
     * @param field  its key field
     * @param values the values asked for
     * @return those of {@code values} that some feature of the layer has
     */
    Set<String> existing(LayerDef layer, String field, Collection<String> values);
}
