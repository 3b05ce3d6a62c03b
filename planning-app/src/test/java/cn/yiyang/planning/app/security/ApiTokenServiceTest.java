package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.layers.accounts.ApiToken;
import cn.yiyang.planning.layers.accounts.ApiTokenRepository;
import cn.yiyang.planning.layers.store.JdbcApiTokenRepository;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bearer tokens (embedded store): created by ADMIN and shown once, stored as a keyed hash, expiry and revocation. */
class ApiTokenServiceTest {

    private static final AppUser ADMIN = new AppUser("admin", EnumSet.of(Role.ADMIN));
    /** 2026-06-30 20:00 in Beijing. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private TestStores.TestStore store;
    private ApiTokenRepository repository;
    private ApiTokenService tokens;

    @BeforeEach
    void setUp() {
        store = TestStores.h2gis();
        repository = new JdbcApiTokenRepository(store.store());
        tokens = new ApiTokenService(repository, TokenKey.of("", dataDir), CLOCK, audit());
    }

    private AuditLog audit() {
        return new AuditLog(new JdbcAuditRepository(store.store()), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    @Test
    void aTokenSignsInWithItsOwnRolesAndCountiesAndOnlyItsKeyedHashIsStored() throws Exception {
        ApiTokenService.Created created =
                tokens.create(ADMIN, "sewage-sync", EnumSet.of(Role.SEWAGE), Set.of("430981"), null);
        assertThat(created.secret()).startsWith("yyp_").hasSize(47);
        assertThat(created.toString()).doesNotContain(created.secret());
        ApiToken stored = repository.all().getFirst();
        assertThat(stored.tokenHash())
                .hasSize(64)
                .isNotEqualTo(created.secret())
                .doesNotContain(created.secret());
        assertThat(stored.createdBy()).isEqualTo("admin");

        SignInAccount account = tokens.authenticate(created.secret()).orElseThrow();
        assertThat(account.name()).isEqualTo("token:sewage-sync");
        assertThat(account.roles()).containsExactly(Role.SEWAGE);
        assertThat(account.authorities().stream().map(Object::toString))
                .containsExactly("ROLE_SEWAGE", "COUNTY_430981");
        assertThat(tokens.authenticate(created.secret() + "x")).isEmpty();
        assertThat(tokens.authenticate("not-a-token")).isEmpty();
        assertThat(Files.exists(dataDir.resolve("token.key")))
                .as("the key kept for the next start")
                .isTrue();

        ApiTokenService restarted = new ApiTokenService(repository, TokenKey.of("", dataDir), CLOCK, audit());
        assertThat(restarted.authenticate(created.secret())).isPresent();
        ApiTokenService otherKey =
                new ApiTokenService(repository, TokenKey.of("another key, 16+ chars", dataDir), CLOCK, audit());
        assertThat(otherKey.authenticate(created.secret()))
                .as("the hash is keyed")
                .isEmpty();
    }

    @Test
    void aTokenWorksUntilTheEndOfItsLastDayInChinaAndNotOnceRevoked() {
        String today = tokens.create(ADMIN, "until-today", EnumSet.of(Role.VIEWER), Set.of(), LocalDate.of(2026, 6, 30))
                .secret();
        String yesterday = tokens.create(
                        ADMIN, "until-yesterday", EnumSet.of(Role.VIEWER), Set.of(), LocalDate.of(2026, 6, 29))
                .secret();
        assertThat(tokens.authenticate(today)).isPresent();
        assertThat(tokens.authenticate(yesterday)).isEmpty();

        long id = repository.all().stream()
                .filter(t -> t.name().equals("until-today"))
                .findFirst()
                .orElseThrow()
                .id();
        tokens.revoke(ADMIN, id);
        assertThat(tokens.authenticate(today)).isEmpty();
        assertThatThrownBy(() -> tokens.revoke(ADMIN, id))
                .isInstanceOfSatisfying(
                        AccountException.class, e -> assertThat(e.reason()).isEqualTo(AccountException.Reason.UNKNOWN));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyAdminCreatesListsAndRevokesTokens(Role role) {
        AppUser user = new AppUser("someone", EnumSet.of(role));
        long id = tokens.create(ADMIN, "kept", EnumSet.of(Role.LEADER), Set.of(), null)
                .token()
                .id();
        assertThatThrownBy(() -> tokens.create(user, "mine", EnumSet.of(Role.ADMIN), Set.of(), null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> tokens.tokens(user)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> tokens.revoke(user, id)).isInstanceOf(ForbiddenException.class);
        assertThat(repository.all()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("kept");
            assertThat(t.revokedAt()).isNull();
        });
    }
}
