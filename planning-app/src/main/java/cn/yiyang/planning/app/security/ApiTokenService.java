package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.layers.accounts.ApiToken;
import cn.yiyang.planning.layers.accounts.ApiTokenRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Bearer tokens of machine clients: created and revoked by ADMIN ({@link Action#manageAccounts}), each with its own
 * roles, counties and expiry; the token is shown once, at creation, and only its keyed hash is stored
 * ({@link TokenKey}). Checking one costs a HMAC and a lookup by that hash, not a password hash.
 */
public class ApiTokenService {

    /** The prefix of every token (so that a leaked one is recognisable in a scan). */
    public static final String PREFIX = "yyp_";

    /** The name a token's requests are recorded under: {@code token:<name>}. */
    public static final String PRINCIPAL_PREFIX = "token:";

    private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A token just created: the secret, shown this once.
     *
     * @param token  as stored
     * @param secret the bearer token to give the client
     */
    public record Created(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "Created[" + token.name() + "]";
        }
    }

    private final ApiTokenRepository tokens;
    private final TokenKey key;
    private final Clock clock;
    private final AuditLog audit;
    /**
     * Tokens looked up a short time ago, by hash, with the sign-in they give: a tile then costs a HMAC and a map
     * lookup, not a query nor building the account again; cleared on revoke.
     */
    private final Map<String, Looked> recent = new ConcurrentHashMap<>();

    /** A token as looked up at {@code at}, the account it signs in as and that account's authentication. */
    private record Looked(ApiToken token, SignInAccount account, Authentication authentication, Instant at) {

        static Looked of(ApiToken t, Instant at) {
            SignInAccount account = new SignInAccount(
                    PRINCIPAL_PREFIX + t.name(), "", SignInAccount.roles(t.roles()), t.counties(), true, false);
            List<GrantedAuthority> authorities = account.authorities();
            return new Looked(
                    t,
                    account,
                    UsernamePasswordAuthenticationToken.authenticated(
                            new User(account.name(), "", authorities), null, authorities),
                    at);
        }
    }

    /** How long a looked-up token is taken without asking the store again (revoking clears it at once). */
    private static final Duration RECENT = Duration.ofSeconds(30);

    ApiTokenService(ApiTokenRepository tokens, TokenKey key, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.tokens = tokens;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Creates a token (ADMIN).
     *
     * @param expiresOn the last day it works (China time), or null for no expiry
     */
    public Created create(AppUser by, String name, Set<Role> roles, Set<String> counties, LocalDate expiresOn) {
        Permissions.check(by, Action.manageAccounts());
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new AccountException(AccountException.Reason.BAD_NAME, n);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OffsetDateTime expires = expiresOn == null
                ? null
                : expiresOn.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime();
        ApiToken stored = tokens.add(ApiToken.create(
                n,
                key.hash(secret),
                roles.stream().map(Role::name).collect(Collectors.toSet()),
                counties.stream().map(String::strip).filter(c -> !c.isEmpty()).collect(Collectors.toSet()),
                expires,
                by.name()));
        log.info("API token {} ({}) created by {}", stored.id(), n, by.name());
        audit.record(
                by.name(),
                "token-create",
                null,
                PRINCIPAL_PREFIX + n,
                "id " + stored.id() + " roles " + stored.roles() + " counties " + stored.counties() + " expires "
                        + stored.expiresAt());
        return new Created(stored, secret);
    }

    /** Every token, newest first (ADMIN). */
    public List<ApiToken> tokens(AppUser by) {
        Permissions.check(by, Action.manageAccounts());
        return tokens.all();
    }

    /** Revokes a token (ADMIN); from the next request on it is refused. */
    public void revoke(AppUser by, long id) {
        Permissions.check(by, Action.manageAccounts());
        recent.clear();
        if (!tokens.revoke(id, by.name())) {
            throw new AccountException(AccountException.Reason.UNKNOWN, "token " + id);
        }
        recent.clear(); // again: a lookup between the first clear and the update may have kept it
        log.info("API token {} revoked by {}", id, by.name());
        audit.record(by.name(), "token-revoke", null, null, "id " + id);
    }

    /** The account a bearer token signs in as, when it is known, not revoked and not expired. */
    Optional<SignInAccount> authenticate(String secret) {
        return lookUp(secret).map(Looked::account);
    }

    /**
     * The authentication of a request bearing the token (for {@link BearerTokenFilter}), when it is known, not
     * revoked and not expired: the same object for every request of the token while it is remembered.
     */
    Optional<Authentication> authentication(String secret) {
        return lookUp(secret).map(Looked::authentication);
    }

    private Optional<Looked> lookUp(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String hash = key.hash(secret);
        Looked looked = recent.get(hash);
        if (looked == null || !looked.at().plus(RECENT).isAfter(now.toInstant())) {
            looked = tokens.findByHash(hash)
                    .map(t -> Looked.of(t, now.toInstant()))
                    .orElse(null);
            if (looked == null) {
                return Optional.empty();
            }
            recent.put(hash, looked);
        }
        return looked.token().validAt(now) ? Optional.of(looked) : Optional.empty();
    }
}
