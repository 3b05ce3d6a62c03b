package cn.yiyang.planning.app.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Problems an API operation can answer with one status, beside those every operation can ({@link
 * ApiDescription#COMMON}): on a controller method, or on its class for all of its methods. {@link ApiDescription}
 * lists them in the operation's OpenAPI description; each code is one of the README's table "Problem codes" with this
 * status ({@code ApiDescriptionH2gisIT} checks both).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(ApiProblem.List.class)
public @interface ApiProblem {

    /** The HTTP status, e.g. 404. */
    int status();

    /** The codes answered with it, e.g. {@code unknown_layer}. */
    String[] codes();

    /** The container of repeated {@link ApiProblem}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        ApiProblem[] value();
    }
}
