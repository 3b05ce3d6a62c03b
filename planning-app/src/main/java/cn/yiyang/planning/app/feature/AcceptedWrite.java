package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import java.util.List;
import java.util.Locale;

/**
 * A feature write that was accepted, with the warnings its checks gave (an import row's warnings, e.g. a value that
 * disagrees with what follows from the others): written all the same, shown to the caller so that it can look.
 *
 * @param feature  the feature as stored, with its new version
 * @param warnings the warnings, in the order the checks found them
 */
public record AcceptedWrite(VersionedFeature feature, List<ImportIssue> warnings) {

    public AcceptedWrite {
        warnings = List.copyOf(warnings);
    }

    /** The warnings as the API shows them, as {@code invalid_feature}'s problems: field, code, message. */
    public List<InvalidFeatureException.Problem> warnings(Locale locale) {
        return InvalidFeatureException.problems(warnings, locale);
    }
}
