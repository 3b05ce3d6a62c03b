package cn.yiyang.planning.app.edit;

import java.util.List;

/**
 * A write the store accepted.
 *
 * @param id       the feature's store id (a new feature's new id)
 * @param warnings the warnings of its checks, in the UI language
 */
public record SavedFeature(long id, List<String> warnings) {

    public SavedFeature {
        warnings = List.copyOf(warnings);
    }
}
