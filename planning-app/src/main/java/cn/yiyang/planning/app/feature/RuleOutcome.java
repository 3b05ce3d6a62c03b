package cn.yiyang.planning.app.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link FeatureRule} answers for one write.
 *
 * @param problems its errors and warnings, in the order it found them
 * @param properties members it adds to an accepted write's answer beside the feature (e.g. a plan's conflict count),
 *     values that serialise to JSON
 */
public record RuleOutcome(List<RuleProblem> problems, Map<String, Object> properties) {

    /** Nothing to say. */
    public static final RuleOutcome NONE = new RuleOutcome(List.of(), Map.of());

    /** Copies the lists, keeping the order of the properties. */
    public RuleOutcome {
        problems = List.copyOf(problems);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The problems that refuse the write. */
    public List<RuleProblem> errors() {
        return problems.stream().filter(RuleProblem::error).toList();
    }

    /** The problems that do not. */
    public List<RuleProblem> warnings() {
        return problems.stream().filter(p -> !p.error()).toList();
    }
}
