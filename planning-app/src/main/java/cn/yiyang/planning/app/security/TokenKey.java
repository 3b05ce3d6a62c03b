package cn.yiyang.planning.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key under which API tokens are hashed (HMAC-SHA256, a fast keyed hash: a token is 256 random bits, so no slow
 * hash is needed, and the key keeps a copy of the table useless without it). From {@code PLANNING_TOKEN_KEY} when
 * set, else from {@code token.key} in {@code PLANNING_DATA_DIR}, created (owner-only) on first use. Never logged.
 */
final class TokenKey {

    /** One initialised MAC per thread: looking the algorithm up and keying it costs more than the hash of a token. */
    private final ThreadLocal<Mac> macs;

    private TokenKey(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    /**
     * @param configured the setting's value (any text of 16+ characters), or blank
     * @param dataDir    where the key file is kept when no key is configured
     */
    static TokenKey of(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 16) {
                throw new IllegalStateException("PLANNING_TOKEN_KEY is shorter than 16 characters: set a longer one");
            }
            return new TokenKey(configured.getBytes(StandardCharsets.UTF_8));
        }
        Path file = dataDir.resolve("token.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.writeString(file, Base64.getEncoder().encodeToString(secret));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: its own permissions apply
                }
            }
            return new TokenKey(
                    Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key file in " + dataDir, e);
        }
    }

    /** The token's keyed hash, hex. */
    String hash(String token) {
        // doFinal resets the MAC for the next token of this thread
        return HexFormat.of().formatHex(macs.get().doFinal(token.getBytes(StandardCharsets.UTF_8)));
    }
}
