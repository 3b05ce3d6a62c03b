package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * A feature that fails the checks of an import row: HTTP 422, nothing written. Property {@code problems}: one
 * {@code {field, code, message}} per problem, the code an import's ({@code INVALID_GEOMETRY}, {@code
 * UNKNOWN_CODE} …), the message in the caller's language.
 */
public class InvalidFeatureException extends ProblemException {

    /** The field a problem without one concerns: in a single feature, only the geometry has no field. */
    static final String GEOMETRY = "geometry";

    private final transient List<ImportIssue> issues;
    private final transient List<RuleProblem> ruleProblems;

    InvalidFeatureException(String layerId, List<ImportIssue> issues) {
        this(layerId, issues, List.of());
    }

    /** With the errors of the layer's {@link FeatureRule}s after the row checks' (which passed, when there are). */
    InvalidFeatureException(String layerId, List<ImportIssue> issues, List<RuleProblem> ruleProblems) {
        super(
                "invalid feature for " + layerId + ": " + issues + ruleProblems,
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid_feature",
                "api.error.invalid-feature",
                issues.size() + ruleProblems.size());
        this.issues = List.copyOf(issues);
        this.ruleProblems = List.copyOf(ruleProblems);
        property("problems", (LocalizedProperty) this::problems);
    }

    /** The problems, in the order the checks found them (for a page showing them at their fields). */
    public List<ImportIssue> issues() {
        return issues;
    }

    /** The problems of the layer's rules (a page shows those with a location on the map). */
    public List<RuleProblem> ruleProblems() {
        return ruleProblems;
    }

    /** The problems with their messages in {@code locale}: the row checks', then the rules'. */
    public List<Problem> problems(Locale locale) {
        List<Problem> all = new ArrayList<>(problems(issues, locale));
        all.addAll(ruleProblems(ruleProblems, locale));
        return all;
    }

    /** Problems of the layer's rules as the API shows them, with their location when they have one. */
    static List<Problem> ruleProblems(List<RuleProblem> problems, Locale locale) {
        return problems.stream()
                .map(p -> new Problem(
                        p.field(),
                        p.code(),
                        p.message().in(locale),
                        p.location() == null
                                ? null
                                : List.of(p.location().getX(), p.location().getY())))
                .toList();
    }

    /** Issues of a single feature as the API shows them (problems, and an accepted write's warnings). */
    static List<Problem> problems(List<ImportIssue> issues, Locale locale) {
        return issues.stream()
                .map(i -> new Problem(
                        i.field() == null ? GEOMETRY : i.field(), i.code().name(), i.message(locale), null))
                .toList();
    }

    /**
     * One problem (or warning) of the feature.
     *
     * @param field   the property it concerns, or {@code geometry}
     * @param code    the import issue code ({@code UNKNOWN_CODE} …)
     * @param message the message in the caller's language
     * @param location where a geometry problem lies, {@code [lon, lat]} in EPSG:4490, when a rule knows it; absent
     *                 otherwise
     */
    public record Problem(
            String field,
            String code,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> location) {}
}
