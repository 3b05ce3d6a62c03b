package cn.yiyang.planning.layers.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain of the audit record: an entry's hash is the SHA-256 of the previous entry's hash and of its own
 * fields (time in milliseconds, user, address, action, layer, feature, detail; each with its length, so that no
 * two different entries read the same); the first entry's previous hash is 64 zeros.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String START = "0".repeat(64);

    /**
     * The first entry where the chain breaks.
     *
     * @param id     the entry's id
     * @param reason {@code prev_hash} (it does not name the entry before: one was removed or inserted) or
     *               {@code hash} (its fields were changed)
     */
    public record Break(long id, String reason) {}

    /**
     * The result of checking the chain.
     *
     * @param entries    how many entries were checked
     * @param firstBreak the first broken link; empty when the chain holds
     */
    public record Check(long entries, Optional<Break> firstBreak) {
        public boolean holds() {
            return firstBreak.isEmpty();
        }
    }

    private AuditChain() {}

    /** The hash of an entry after the one whose hash is {@code prevHash}. */
    public static String hash(String prevHash, AuditEntry e) {
        StringBuilder s = new StringBuilder(prevHash);
        for (String field : new String[] {
            Long.toString(e.at().toEpochMilli()), e.user(), e.address(), e.action(), e.layer(), e.feature(), e.detail()
        }) {
            s.append('|')
                    .append(field == null ? -1 : field.length())
                    .append(':')
                    .append(field == null ? "" : field);
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    /**
     * Checks entries in their order, continuing from {@code prevHash} (the hash before the first of them).
     *
     * @return the first break among them, or empty
     */
    public static Optional<Break> check(String prevHash, List<AuditEntry> entries) {
        String previous = prevHash;
        for (AuditEntry e : entries) {
            if (!previous.equals(e.prevHash())) {
                return Optional.of(new Break(e.id(), "prev_hash"));
            }
            if (!hash(previous, e).equals(e.hash())) {
                return Optional.of(new Break(e.id(), "hash"));
            }
            previous = e.hash();
        }
        return Optional.empty();
    }
}
