package cn.yiyang.planning.app.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an API operation can answer beside those every operation can ({@link ApiDescription#COMMON}): on a
 * controller method, on its class (for all of its methods), or on an annotation that a feature puts on several
 * methods. Each entry is a status and the codes answered with it, e.g. {@code "404 unknown_layer unknown_feature"};
 * {@link ApiDescription} lists them in the operation's OpenAPI description. Each code is one of the README's table
 * "Problem codes" with this status ({@code ApiDescriptionH2gisIT} checks it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface ApiProblems {

    /** Entries {@code "<status> <code> <code> …"}. */
    String[] value();
}
