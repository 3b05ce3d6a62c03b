package cn.yiyang.planning.layers.accounts;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bearer token of a machine client as stored: never the token itself, only its keyed hash.
 *
 * @param id        the token's id; null before it is stored
 * @param name      what the client is (shown in records as {@code token:<name>})
 * @param tokenHash the keyed hash of the token (hex)
 * @param roles     the role names
 * @param counties  the county codes it is limited to; empty: every county
 * @param expiresAt when it stops working; null: never
 * @param createdBy who created it
 * @param createdAt when; null before it is stored
 * @param revokedAt when it was revoked; null while it is not
 * @param revokedBy who revoked it; null while it is not
 */
public record ApiToken(
        Long id,
        String name,
        String tokenHash,
        Set<String> roles,
        Set<String> counties,
        OffsetDateTime expiresAt,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime revokedAt,
        String revokedBy) {

    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokenHash, "tokenHash");
        roles = Set.copyOf(new TreeSet<>(roles));
        counties = Set.copyOf(new TreeSet<>(counties));
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** A new token, before it is stored. */
    public static ApiToken create(
            String name,
            String tokenHash,
            Set<String> roles,
            Set<String> counties,
            OffsetDateTime expiresAt,
            String createdBy) {
        return new ApiToken(null, name, tokenHash, roles, counties, expiresAt, createdBy, null, null, null);
    }

    /** Whether it authenticates at that time: not revoked and not expired. */
    public boolean validAt(OffsetDateTime time) {
        return revokedAt == null && (expiresAt == null || time.isBefore(expiresAt));
    }
}
