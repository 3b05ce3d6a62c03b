package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.importer.issue.ImportIssue;
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

    InvalidFeatureException(String layerId, List<ImportIssue> issues) {
        super(
                "invalid feature for " + layerId + ": " + issues,
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid_feature",
                "api.error.invalid-feature",
                issues.size());
        this.issues = List.copyOf(issues);
        property("problems", (LocalizedProperty) this::problems);
    }

    /** The problems, in the order the checks found them (for a page showing them at their fields). */
    public List<ImportIssue> issues() {
        return issues;
    }

    /** The problems with their messages in {@code locale}. */
    public List<Problem> problems(Locale locale) {
        return problems(issues, locale);
    }

    /** Issues of a single feature as the API shows them (problems, and an accepted write's warnings). */
    static List<Problem> problems(List<ImportIssue> issues, Locale locale) {
        return issues.stream()
                .map(i -> new Problem(
                        i.field() == null ? GEOMETRY : i.field(), i.code().name(), i.message(locale)))
                .toList();
    }

    /**
     * One problem (or warning) of the feature.
     *
     * @param field   the property it concerns, or {@code geometry}
     * @param code    the import issue code ({@code UNKNOWN_CODE} …)
     * @param message the message in the caller's language
     */
    public record Problem(String field, String code, String message) {}
}
