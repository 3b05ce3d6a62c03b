package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.layers.accounts.AccountRepository;
import cn.yiyang.planning.layers.store.JdbcAccountRepository;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checking a name and password against the stored and the demo accounts (embedded store): the throttle refuses
 * before any password check, a remembered credential costs no hash, and a change of the account forgets it.
 */
class AccountAuthenticationTest {

    private static final AppUser ADMIN = new AppUser("admin", EnumSet.of(Role.ADMIN));

    /** bcrypt, counting the password checks. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    private TestStores.TestStore store;
    private AccountRepository repository;
    private final CountingEncoder encoder = new CountingEncoder();
    private AccountService accounts;
    private AccountAuthenticationProvider provider;

    @BeforeEach
    void setUp() {
        store = TestStores.h2gis();
        repository = new JdbcAccountRepository(store.store());
        DemoAccounts demo = new DemoAccounts(true, encoder.encode("demo-password"));
        SignInThrottle throttle = new SignInThrottle(Clock.systemUTC(), Duration.ofMinutes(1), 10, 50);
        RememberedCredentials remembered = new RememberedCredentials(Clock.systemUTC(), Duration.ofMinutes(1));
        accounts = new AccountService(
                repository,
                encoder,
                demo,
                remembered,
                throttle,
                new AuditLog(new JdbcAuditRepository(store.store()), Clock.systemUTC()));
        provider = new AccountAuthenticationProvider(accounts, encoder, throttle, remembered);
        accounts.create(ADMIN, "wang.fang", "shuili-2026!", EnumSet.of(Role.WATER), Set.of("430921"));
        encoder.checks.set(0);
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    private Authentication signIn(String name, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.10");
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails(new WebAuthenticationDetails(request));
        return provider.authenticate(token);
    }

    private static List<String> authorities(Authentication a) {
        return a.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void aStoredAccountSignsInWithItsRolesAndCountiesAndItsPasswordIsStoredAsBcrypt() {
        Authentication a = signIn("wang.fang", "shuili-2026!");
        assertThat(a.isAuthenticated()).isTrue();
        assertThat(a.getName()).isEqualTo("wang.fang");
        assertThat(authorities(a)).containsExactly("ROLE_WATER", "COUNTY_430921");
        assertThat(AppUser.of(a).roles()).containsExactly(Role.WATER);
        assertThat(repository.find("wang.fang").orElseThrow().passwordHash()).startsWith("{bcrypt}$2a$");
    }

    @Test
    void theEleventhWrongPasswordWithinAMinuteIsRefusedWithoutCheckingAnyPassword() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> signIn("wang.fang", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(encoder.checks).hasValue(10);
        assertThatThrownBy(() -> signIn("wang.fang", "wrong")).isInstanceOf(SignInThrottledException.class);
        assertThatThrownBy(() -> signIn("wang.fang", "shuili-2026!"))
                .as("the right password too, until the window has passed")
                .isInstanceOf(SignInThrottledException.class);
        assertThat(encoder.checks).as("no password checked once throttled").hasValue(10);
    }

    @Test
    void aVerifiedBasicCredentialIsTakenWithoutAHashUntilThePasswordChanges() {
        signIn("wang.fang", "shuili-2026!");
        assertThat(encoder.checks).hasValue(1);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("wang.fang", "shuili-2026!").isAuthenticated()).isTrue();
        }
        assertThat(encoder.checks).as("remembered: no further hash").hasValue(1);
        assertThatThrownBy(() -> signIn("wang.fang", "shuili-2026?"))
                .as("another password is not the remembered one")
                .isInstanceOf(BadCredentialsException.class);

        accounts.resetPassword(ADMIN, "wang.fang", "new-password-2026");
        assertThatThrownBy(() -> signIn("wang.fang", "shuili-2026!")).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("wang.fang", "new-password-2026").isAuthenticated()).isTrue();
    }

    @Test
    void aDisabledAccountIsRefusedAtOnceEvenWhenItsCredentialWasRemembered() {
        signIn("wang.fang", "shuili-2026!");
        accounts.setEnabled(ADMIN, "wang.fang", false);
        assertThatThrownBy(() -> signIn("wang.fang", "shuili-2026!")).isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> signIn("wang.fang", "wrong"))
                .as("a wrong password says nothing about the account")
                .isInstanceOf(BadCredentialsException.class);
        accounts.setEnabled(ADMIN, "wang.fang", true);
        assertThat(signIn("wang.fang", "shuili-2026!").isAuthenticated()).isTrue();
    }

    @Test
    void newRolesApplyAtTheNextRequestOfARememberedCredential() {
        signIn("wang.fang", "shuili-2026!");
        accounts.assign(ADMIN, "wang.fang", EnumSet.of(Role.VIEWER), Set.of());
        assertThat(authorities(signIn("wang.fang", "shuili-2026!"))).containsExactly("ROLE_VIEWER");
    }

    @Test
    void demoAccountsSignInWhileActiveAndAStoredAccountOfTheSameNameWins() {
        assertThat(AppUser.of(signIn("leader", "demo-password")).roles()).containsExactly(Role.LEADER);
        assertThat(AppUser.of(signIn("admin", "demo-password")).roles()).containsExactlyInAnyOrder(Role.values());
        accounts.create(ADMIN, "viewer", "viewer-own-password", EnumSet.of(Role.VIEWER), Set.of());
        assertThatThrownBy(() -> signIn("viewer", "demo-password")).isInstanceOf(BadCredentialsException.class);
        assertThat(AppUser.of(signIn("viewer", "viewer-own-password")).roles()).containsExactly(Role.VIEWER);
        assertThatThrownBy(() -> signIn("nobody", "demo-password")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void withoutDemoAccountsTheDemoNamesDoNotSignIn() {
        SignInThrottle throttle = new SignInThrottle(Clock.systemUTC(), Duration.ofMinutes(1), 10, 50);
        RememberedCredentials remembered = new RememberedCredentials(Clock.systemUTC(), Duration.ofMinutes(1));
        AccountService noDemo = new AccountService(
                repository,
                encoder,
                new DemoAccounts(false, null),
                remembered,
                throttle,
                new AuditLog(new JdbcAuditRepository(store.store()), Clock.systemUTC()));
        provider = new AccountAuthenticationProvider(noDemo, encoder, throttle, remembered);
        assertThatThrownBy(() -> signIn("leader", "demo-password")).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("wang.fang", "shuili-2026!").isAuthenticated()).isTrue();
        assertThat(noDemo.demoAccountsActive()).isFalse();
    }

    @Test
    void theDemoAccountsSettingFollowsTheDemoDataAndTheStore() {
        assertThat(DemoAccounts.active("auto", true, "")).isTrue();
        assertThat(DemoAccounts.active("auto", false, "")).isFalse();
        assertThat(DemoAccounts.active("auto", true, "jdbc:postgresql://db/planning"))
                .isFalse();
        assertThat(DemoAccounts.active("true", false, "jdbc:postgresql://db/planning"))
                .isTrue();
        assertThat(DemoAccounts.active("false", true, "")).isFalse();
        assertThatThrownBy(() -> DemoAccounts.active("yes", true, "")).isInstanceOf(IllegalStateException.class);
    }
}
