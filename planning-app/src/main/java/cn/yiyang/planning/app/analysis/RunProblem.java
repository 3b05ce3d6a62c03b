package cn.yiyang.planning.app.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A data problem a run met and worked around (a facility whose code field names another unit than the one it lies
 * in, a feature without a shape): kept with the run, listed by the API and the page in the reader's language.
 *
 * @param code a stable lower-snake code ({@code code_mismatch} …)
 * @param layer the layer of the feature
 * @param feature the feature's code, or null
 * @param field the field concerned, or null
 * @param messageKey the message's key in the bundles ({@code analysis.problem.code-mismatch})
 * @param arguments the message's arguments (texts and numbers)
 * @param lon the longitude of the place, or null
 * @param lat the latitude of the place, or null
 */
public record RunProblem(
        String code,
        String layer,
        String feature,
        String field,
        String messageKey,
        List<Object> arguments,
        Double lon,
        Double lat) {

    public RunProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageKey, "messageKey");
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }
}
