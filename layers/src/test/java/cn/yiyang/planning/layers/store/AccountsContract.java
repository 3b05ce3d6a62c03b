package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.accounts.Account;
import cn.yiyang.planning.layers.accounts.AccountRepository;
import cn.yiyang.planning.layers.accounts.ApiToken;
import cn.yiyang.planning.layers.accounts.ApiTokenRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The accounts ({@code app_account}, V17) on both stores, with the same answers on each. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountsContract {

    private TestStore test;
    private AccountRepository accounts;
    private ApiTokenRepository tokens;

    abstract StoreKind kind();

    @BeforeAll
    void open() {
        test = TestStores.create(kind());
        accounts = new JdbcAccountRepository(test.store());
        tokens = new JdbcApiTokenRepository(test.store());
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    @Test
    void anAccountIsStoredOnceAndEachChangeIsKept() {
        long before = accounts.count();
        assertThat(accounts.add(Account.create(
                        "zhang.wei", "{bcrypt}$2a$10$abc", Set.of("WATER", "PLANNER"), Set.of("430902"), "admin")))
                .isTrue();
        assertThat(accounts.add(Account.create("zhang.wei", "{bcrypt}$2a$10$other", Set.of(), Set.of(), "admin")))
                .isFalse();
        assertThat(accounts.count()).isEqualTo(before + 1);

        Account stored = accounts.find("zhang.wei").orElseThrow();
        assertThat(stored.passwordHash()).isEqualTo("{bcrypt}$2a$10$abc");
        assertThat(stored.roles()).containsExactlyInAnyOrder("PLANNER", "WATER");
        assertThat(stored.counties()).containsExactly("430902");
        assertThat(stored.enabled()).isTrue();
        assertThat(stored.credentialVersion()).isEqualTo(1);
        assertThat(stored.createdBy()).isEqualTo("admin");
        assertThat(stored.createdAt()).isNotNull();

        assertThat(accounts.setPasswordHash("zhang.wei", "{bcrypt}$2a$10$new")).isTrue();
        assertThat(accounts.setEnabled("zhang.wei", false)).isTrue();
        assertThat(accounts.setRolesAndCounties("zhang.wei", Set.of("LEADER"), Set.of()))
                .isTrue();
        Account changed = accounts.find("zhang.wei").orElseThrow();
        assertThat(changed.passwordHash()).isEqualTo("{bcrypt}$2a$10$new");
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.credentialVersion()).isEqualTo(3);
        assertThat(changed.roles()).containsExactly("LEADER");
        assertThat(changed.counties()).isEmpty();

        assertThat(accounts.setEnabled("zhang.wei", true)).isTrue();
        assertThat(accounts.find("zhang.wei").orElseThrow().credentialVersion()).isEqualTo(3);
        assertThat(accounts.find("zhang.wei").orElseThrow().enabled()).isTrue();
    }

    @Test
    void changesToAnAccountThatDoesNotExistChangeNothing() {
        assertThat(accounts.find("nobody")).isEmpty();
        assertThat(accounts.setPasswordHash("nobody", "{bcrypt}x")).isFalse();
        assertThat(accounts.setEnabled("nobody", false)).isFalse();
        assertThat(accounts.setRolesAndCounties("nobody", Set.of("ADMIN"), Set.of()))
                .isFalse();
        assertThat(accounts.find("nobody")).isEmpty();
    }

    @Test
    void accountsAreListedByNameAndTheHashStaysOutOfTheirText() {
        accounts.add(Account.create("b.user", "{bcrypt}secret-hash", Set.of("LEADER"), Set.of(), "admin"));
        accounts.add(Account.create("a.user", "{bcrypt}secret-hash", Set.of("VIEWER"), Set.of(), "admin"));
        assertThat(accounts.all().stream().map(Account::name).toList())
                .isSorted()
                .contains("a.user", "b.user");
        assertThat(accounts.find("a.user").orElseThrow().toString()).doesNotContain("secret-hash");
    }

    @Test
    void aTokenIsFoundByItsHashAndRevokedOnce() {
        OffsetDateTime expires = OffsetDateTime.parse("2027-01-01T00:00:00+08:00");
        ApiToken stored = tokens.add(ApiToken.create(
                "water-export", "a".repeat(64), Set.of("WATER"), Set.of("430921", "430903"), expires, "admin"));
        assertThat(stored.id()).isNotNull();
        assertThat(stored.createdAt()).isNotNull();
        ApiToken found = tokens.findByHash("a".repeat(64)).orElseThrow();
        assertThat(found.name()).isEqualTo("water-export");
        assertThat(found.roles()).containsExactly("WATER");
        assertThat(found.counties()).containsExactlyInAnyOrder("430903", "430921");
        assertThat(found.expiresAt().toInstant()).isEqualTo(expires.toInstant());
        assertThat(found.validAt(expires.minusSeconds(1))).isTrue();
        assertThat(found.validAt(expires)).isFalse();
        assertThat(tokens.findByHash("b".repeat(64))).isEmpty();

        tokens.add(ApiToken.create("never-expires", "c".repeat(64), Set.of("VIEWER"), Set.of(), null, "admin"));
        assertThat(tokens.all().stream().map(ApiToken::name)).containsSubsequence("never-expires", "water-export");

        assertThat(tokens.revoke(stored.id(), "admin")).isTrue();
        assertThat(tokens.revoke(stored.id(), "admin")).isFalse();
        ApiToken revoked = tokens.findByHash("a".repeat(64)).orElseThrow();
        assertThat(revoked.revokedBy()).isEqualTo("admin");
        assertThat(revoked.validAt(expires.minusDays(1))).isFalse();
        assertThat(tokens.revoke(999_999, "admin")).isFalse();
    }
}
