package cn.yiyang.planning.layers.audit;

import java.time.Instant;

/**
 * Which entries to list; a null part does not filter.
 *
 * @param user    the user, exactly
 * @param layer   the layer id
 * @param feature the feature id
 * @param action  the action, exactly
 * @param from    at or after
 * @param to      before
 * @param limit   at most so many, newest first
 */
public record AuditFilter(
        String user, String layer, String feature, String action, Instant from, Instant to, int limit) {

    /** Everything, newest first, up to {@code limit}. */
    public static AuditFilter all(int limit) {
        return new AuditFilter(null, null, null, null, null, null, limit);
    }
}
