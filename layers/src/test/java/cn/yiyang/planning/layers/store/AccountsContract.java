package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.accounts.Account;
import cn.yiyang.planning.layers.accounts.AccountRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
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

    abstract StoreKind kind();

    @BeforeAll
    void open() {
        test = TestStores.create(kind());
        accounts = new JdbcAccountRepository(test.store());
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
}
