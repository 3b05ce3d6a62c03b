package cn.yiyang.planning.app.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.core.GrantedAuthority;

/**
 * HTTP Basic credentials verified a short time ago, so that a machine client does not cost a password hash (about
 * 90 ms of CPU with bcrypt) per request. Keyed by an HMAC-SHA256 of name and password under a key drawn at start
 * (never stored: the map holds no password, nor anything a password can be tried against outside this process).
 * An account's entries are forgotten when its password changes or it is disabled ({@link #forget}); the rest expire
 * after {@code ttl}.
 */
public final class RememberedCredentials {

    /** An entry: whose, with which authorities, until when. */
    private record Entry(String name, List<GrantedAuthority> authorities, Instant expires) {}

    private static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public RememberedCredentials(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The authorities of a credential verified within the time to live; else empty. */
    public Optional<List<GrantedAuthority>> get(String name, String password) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        String k = hash(name, password);
        Entry e = entries.get(k);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.expires().isAfter(clock.instant())) {
            entries.remove(k, e);
            return Optional.empty();
        }
        return Optional.of(e.authorities());
    }

    /** Remembers a credential that was just verified. */
    public void remember(String name, String password, List<GrantedAuthority> authorities) {
        if (ttl.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.expires().isAfter(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(hash(name, password), new Entry(name, List.copyOf(authorities), now.plus(ttl)));
    }

    /** Forgets every credential of the account (its password changed, it was disabled or its roles changed). */
    public void forget(String name) {
        entries.values().removeIf(e -> e.name().equals(name));
    }

    private String hash(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
