package cn.yiyang.planning.layers.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One audit entry.
 *
 * @param id        its id (the chain's order); null before it is stored
 * @param at        when (milliseconds)
 * @param user      who: an account's name, {@code token:<client>}, or the name tried at a failed sign-in
 * @param address   the client's address, or null (work the app started itself)
 * @param action    what, e.g. {@code sign-in}, {@code sign-in-failed}, {@code feature-update}, {@code import},
 *                  {@code account-create}
 * @param layer     the layer written, or null
 * @param feature   the feature written, or null
 * @param detail    more, in a line (a version, a count, a reason), or null
 * @param prevHash  the previous entry's hash; null before it is stored
 * @param hash      this entry's hash; null before it is stored
 */
public record AuditEntry(
        Long id,
        Instant at,
        String user,
        String address,
        String action,
        String layer,
        String feature,
        String detail,
        String prevHash,
        String hash) {

    public AuditEntry {
        // milliseconds: what every store keeps, so that the hash of a read entry is the hash of the written one
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
    }

    /** A new entry, before it is stored. */
    public static AuditEntry of(
            Instant at, String user, String address, String action, String layer, String feature, String detail) {
        return new AuditEntry(null, at, user, address, action, layer, feature, detail, null, null);
    }
}
