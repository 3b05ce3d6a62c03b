package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.system.ApiProblems;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems of a write to a stored feature that names the version it started from ({@code If-Match}): an update
 * or a delete, for the API's description.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiProblems({
    "403 forbidden",
    "404 unknown_feature",
    "409 derived_layer",
    "412 stale_version",
    "428 precondition_required"
})
@interface VersionedWrite {}
