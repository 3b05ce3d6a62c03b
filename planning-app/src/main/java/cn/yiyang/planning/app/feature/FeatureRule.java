package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;

/**
 * A rule a feature must meet beyond an import row's checks, owned by the feature package whose rule it is (a
 * plan's parcels must lie inside its boundary and not overlap …). Every Spring bean of this type is asked by
 * {@link FeatureEditService} before a create, replace or patch of a layer it {@link #appliesTo}, after the row
 * checks passed: its errors refuse the write as {@code invalid_feature} (422) beside the row problems, its
 * warnings and answer properties go with the accepted write. A rule reads what it needs itself and never writes.
 */
public interface FeatureRule {

    /** Whether this rule checks writes to the layer. */
    boolean appliesTo(LayerDef layer);

    /**
     * @param write the feature about to be written
     * @return the rule's problems and what it adds to the answer; {@link RuleOutcome#NONE} when all is well
     */
    RuleOutcome check(FeatureWrite write);

    /**
     * A feature about to be written.
     *
     * @param layer the layer
     * @param id the feature it replaces, or {@code null} for an insert
     * @param feature the feature as the layer will store it (attributes as codes, geometry in EPSG:4490)
     */
    record FeatureWrite(LayerDef layer, Long id, Feature feature) {}
}
