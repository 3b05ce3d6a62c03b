package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.layers.accounts.Account;
import cn.yiyang.planning.layers.accounts.AccountRepository;
import cn.yiyang.planning.layers.audit.AuditEntry;
import cn.yiyang.planning.layers.audit.AuditFilter;
import cn.yiyang.planning.layers.store.JdbcAccountRepository;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Managing accounts (embedded store): ADMIN only, each refusal with its reason and nothing changed; the first start. */
class AccountServiceTest {

    private static final AppUser ADMIN = new AppUser("admin", EnumSet.of(Role.ADMIN));
    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private TestStores.TestStore store;
    private AccountRepository repository;
    private AccountService accounts;

    @BeforeEach
    void setUp() {
        store = TestStores.h2gis();
        repository = new JdbcAccountRepository(store.store());
        accounts = service(new DemoAccounts(false, null));
        accounts.create(ADMIN, "li.na", "jiaotong-2026", EnumSet.of(Role.TRANSPORT), Set.of());
    }

    private AccountService service(DemoAccounts demo) {
        return new AccountService(
                repository,
                ENCODER,
                demo,
                new RememberedCredentials(Clock.systemUTC(), Duration.ofMinutes(1)),
                new SignInThrottle(Clock.systemUTC(), Duration.ofMinutes(1), 10, 50),
                new AuditLog(new JdbcAuditRepository(store.store()), Clock.systemUTC()));
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    /** Every role but ADMIN: each account change refused with 403, the store unchanged. */
    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void everyRoleButAdminIsRefusedEveryAccountChangeAndNothingChanges(Role role) {
        AppUser user = new AppUser(role.name().toLowerCase(Locale.ROOT), EnumSet.of(role));
        Account before = repository.find("li.na").orElseThrow();
        List<Runnable> changes = List.of(
                () -> accounts.accounts(user),
                () -> accounts.locks(user),
                () -> accounts.create(user, "new.user", "a-long-password", EnumSet.of(Role.ADMIN), Set.of()),
                () -> accounts.setEnabled(user, "li.na", false),
                () -> accounts.resetPassword(user, "li.na", "another-password"),
                () -> accounts.assign(user, "li.na", EnumSet.of(Role.ADMIN), Set.of()));
        for (Runnable change : changes) {
            assertThatThrownBy(change::run)
                    .isInstanceOfSatisfying(
                            ForbiddenException.class,
                            e -> assertThat(e.httpStatus().value()).isEqualTo(403));
        }
        assertThat(repository.find("li.na").orElseThrow()).isEqualTo(before);
        assertThat(repository.find("new.user")).isEmpty();
    }

    @Test
    void adminCreatesDisablesResetsAndAssigns() {
        accounts.create(
                ADMIN, " zhao.lei ", "guihua-2026-x", EnumSet.of(Role.PLANNER, Role.APPROVER), Set.of(" 430902"));
        Account created = repository.find("zhao.lei").orElseThrow();
        assertThat(created.roles()).containsExactlyInAnyOrder("PLANNER", "APPROVER");
        assertThat(created.counties()).containsExactly("430902");
        assertThat(created.createdBy()).isEqualTo("admin");
        assertThat(ENCODER.matches("guihua-2026-x", created.passwordHash())).isTrue();

        accounts.setEnabled(ADMIN, "zhao.lei", false);
        accounts.resetPassword(ADMIN, "zhao.lei", "reset-2026-pass");
        accounts.assign(ADMIN, "zhao.lei", EnumSet.of(Role.VIEWER), Set.of("430921", "430922"));
        Account changed = repository.find("zhao.lei").orElseThrow();
        assertThat(changed.enabled()).isFalse();
        assertThat(ENCODER.matches("reset-2026-pass", changed.passwordHash())).isTrue();
        assertThat(changed.roles()).containsExactly("VIEWER");
        assertThat(changed.counties()).containsExactlyInAnyOrder("430921", "430922");
        assertThat(accounts.accounts(ADMIN).stream().map(AccountService.AccountRow::name))
                .containsExactly("li.na", "zhao.lei");

        // each change is in the audit record, by whom, on which account, chained
        JdbcAuditRepository record = new JdbcAuditRepository(store.store());
        assertThat(record.find(new AuditFilter("admin", null, "zhao.lei", null, null, null, 10))
                        .reversed())
                .extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(
                        tuple("account-create", "roles [APPROVER, PLANNER] counties [430902]"),
                        tuple("account-disable", null),
                        tuple("account-password-reset", null),
                        tuple("account-assign", "roles [VIEWER] counties [430921, 430922]"));
        assertThat(record.verify().holds()).isTrue();
        assertThat(record.find(AuditFilter.all(100)).toString()).doesNotContain("guihua-2026-x", "reset-2026-pass");
    }

    @Test
    void refusalsSayWhyAndChangeNothing() {
        assertReason(
                () -> accounts.create(ADMIN, "li.na", "jiaotong-2027", EnumSet.of(Role.ADMIN), Set.of()),
                AccountException.Reason.EXISTS,
                409);
        assertReason(
                () -> accounts.create(ADMIN, "李娜", "jiaotong-2027", EnumSet.of(Role.ADMIN), Set.of()),
                AccountException.Reason.BAD_NAME,
                422);
        assertReason(
                () -> accounts.create(ADMIN, "short.pw", "123456789", EnumSet.of(Role.ADMIN), Set.of()),
                AccountException.Reason.WEAK_PASSWORD,
                422);
        assertReason(() -> accounts.setEnabled(ADMIN, "nobody", false), AccountException.Reason.UNKNOWN, 404);
        assertReason(() -> accounts.setEnabled(ADMIN, "admin", false), AccountException.Reason.OWN_ACCOUNT, 409);
        assertReason(
                () -> accounts.assign(ADMIN, "admin", EnumSet.of(Role.PLANNER), Set.of()),
                AccountException.Reason.OWN_ACCOUNT,
                409);
        assertThat(repository.find("short.pw")).isEmpty();
        assertThat(ENCODER.matches(
                        "jiaotong-2026", repository.find("li.na").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void usersChangeTheirOwnPasswordGivenTheCurrentOne() {
        AppUser li = new AppUser("li.na", EnumSet.of(Role.TRANSPORT));
        assertReason(
                () -> accounts.changeOwnPassword(li, "wrong", "jiaotong-2027"),
                AccountException.Reason.WRONG_PASSWORD,
                422);
        assertReason(
                () -> accounts.changeOwnPassword(li, "jiaotong-2026", "short"),
                AccountException.Reason.WEAK_PASSWORD,
                422);
        accounts.changeOwnPassword(li, "jiaotong-2026", "jiaotong-2027");
        Account after = repository.find("li.na").orElseThrow();
        assertThat(ENCODER.matches("jiaotong-2027", after.passwordHash())).isTrue();
        assertThat(after.credentialVersion()).isEqualTo(2);

        AccountService withDemo = service(new DemoAccounts(true, ENCODER.encode("demo-password")));
        assertReason(
                () -> withDemo.changeOwnPassword(
                        new AppUser("leader", EnumSet.of(Role.LEADER)), "demo-password", "a-new-password"),
                AccountException.Reason.DEMO_ACCOUNT,
                409);
    }

    @Test
    void theFirstStartCreatesAdminFromTheSettingOrRefusesWithWhatToSet() throws Exception {
        try (TestStores.TestStore empty = TestStores.h2gis()) {
            AccountRepository fresh = new JdbcAccountRepository(empty.store());
            DemoAccounts none = new DemoAccounts(false, null);
            assertThatThrownBy(() -> new AccountBootstrap(fresh, ENCODER, none, "").run())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("set PLANNING_ADMIN_PASSWORD");
            assertThatThrownBy(() -> new AccountBootstrap(fresh, ENCODER, none, "short").run())
                    .hasMessageContaining("PLANNING_ADMIN_PASSWORD is shorter than 10")
                    .hasMessageNotContaining("short ");
            new AccountBootstrap(fresh, ENCODER, new DemoAccounts(true, "x"), "").run();
            assertThat(fresh.count()).as("demo accounts: nothing stored").isZero();

            new AccountBootstrap(fresh, ENCODER, none, "first-admin-password").run();
            Account admin = fresh.find("admin").orElseThrow();
            assertThat(admin.roles()).containsExactly("ADMIN");
            assertThat(ENCODER.matches("first-admin-password", admin.passwordHash()))
                    .isTrue();
            // a later start with accounts stored changes nothing, whatever the setting
            new AccountBootstrap(fresh, ENCODER, none, "another-password-x").run();
            new AccountBootstrap(fresh, ENCODER, none, "").run();
            assertThat(fresh.find("admin").orElseThrow()).isEqualTo(admin);
        }
    }

    private static void assertReason(Runnable change, AccountException.Reason reason, int status) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(AccountException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.httpStatus().value()).isEqualTo(status);
        });
    }
}
