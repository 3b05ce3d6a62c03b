package cn.yiyang.planning.app.edit;

import cn.yiyang.planning.app.feature.InvalidFeatureException;
import java.util.List;

/**
 * A write the store accepted.
 *
 * @param id       the feature's store id (a new feature's new id)
 * @param warnings the warnings of its checks, in the UI language, some with a location of their own (a parcel's
 *                 多规合一 conflict: where it overlaps the constraint)
 */
public record SavedFeature(long id, List<InvalidFeatureException.Problem> warnings) {

    public SavedFeature {
        warnings = List.copyOf(warnings);
    }
}
