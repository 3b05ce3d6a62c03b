package cn.yiyang.planning.layers.accounts;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account as stored.
 *
 * @param name              the sign-in name
 * @param passwordHash      the password as Spring Security's delegating encoder wrote it ({@code {bcrypt}...})
 * @param roles             the role names ({@code PLANNER} …)
 * @param counties          the county codes the account is limited to; empty: every county
 * @param enabled           whether the account may sign in
 * @param credentialVersion grows with each password change and each disable
 * @param createdBy         who created it
 * @param createdAt         when; null before it is stored
 * @param updatedAt         when it last changed; null before it is stored
 */
public record Account(
        String name,
        String passwordHash,
        Set<String> roles,
        Set<String> counties,
        boolean enabled,
        int credentialVersion,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = Set.copyOf(new TreeSet<>(roles));
        counties = Set.copyOf(new TreeSet<>(counties));
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** A new, enabled account, before it is stored. */
    public static Account create(
            String name, String passwordHash, Set<String> roles, Set<String> counties, String createdBy) {
        return new Account(name, passwordHash, roles, counties, true, 1, createdBy, null, null);
    }

    @Override
    public String toString() {
        // the hash stays out of logs
        return "Account[" + name + ", roles=" + new TreeSet<>(roles) + ", counties=" + new TreeSet<>(counties)
                + ", enabled=" + enabled + "]";
    }
}
