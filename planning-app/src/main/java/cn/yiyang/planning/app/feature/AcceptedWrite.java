package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A feature write that was accepted, with the warnings its checks gave (an import row's warnings, e.g. a value that
 * disagrees with what follows from the others, then those of the {@link FeatureRule}s): written all the same, shown
 * to the caller so that it can look.
 *
 * @param feature      the feature as stored, with its new version
 * @param warnings     the row checks' warnings, in the order the checks found them
 * @param ruleWarnings the warnings of the layer's rules
 * @param properties   what the rules add to the answer beside the feature (by member name)
 */
public record AcceptedWrite(
        VersionedFeature feature,
        List<ImportIssue> warnings,
        List<RuleProblem> ruleWarnings,
        Map<String, Object> properties) {

    public AcceptedWrite {
        warnings = List.copyOf(warnings);
        ruleWarnings = List.copyOf(ruleWarnings);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A write of a layer without rules. */
    public AcceptedWrite(VersionedFeature feature, List<ImportIssue> warnings) {
        this(feature, warnings, List.of(), Map.of());
    }

    /** The warnings as the API shows them, as {@code invalid_feature}'s problems: field, code, message. */
    public List<InvalidFeatureException.Problem> warnings(Locale locale) {
        List<InvalidFeatureException.Problem> all = new ArrayList<>(InvalidFeatureException.problems(warnings, locale));
        all.addAll(InvalidFeatureException.ruleProblems(ruleWarnings, locale));
        return all;
    }
}
