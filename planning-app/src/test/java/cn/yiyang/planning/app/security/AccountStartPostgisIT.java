package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.app.PlanningApplication;
import cn.yiyang.planning.layers.accounts.Account;
import cn.yiyang.planning.layers.store.JdbcAccountRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first start on PostGIS, without demo accounts (the default there): without PLANNING_ADMIN_PASSWORD and no
 * account the app refuses to start and says what to set; with it, it creates {@code admin}.
 */
class AccountStartPostgisIT {

    @TempDir
    Path dataDir;

    /** Command-line arguments: they win over the tests' config file, which turns the demo accounts on. */
    private ConfigurableApplicationContext start(String url, String adminPassword) {
        return new SpringApplicationBuilder(PlanningApplication.class)
                .run(
                        "--server.port=0",
                        "--planning.db.url=" + url,
                        "--planning.demo.enabled=false",
                        "--planning.analyses.run-on-start=false",
                        "--planning.data-dir=" + dataDir,
                        "--planning.security.demo-accounts=auto",
                        "--planning.security.admin-password=" + adminPassword);
    }

    @Test
    void withoutAnAccountOrAnAdminPasswordTheAppRefusesToStartAndSaysWhatToSet() throws Exception {
        try (TestStores.TestStore db = TestStores.postgis()) {
            assertThatThrownBy(() -> start(db.jdbcUrl(), "").close())
                    .rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No account in the store and no demo accounts: set PLANNING_ADMIN_PASSWORD");

            try (ConfigurableApplicationContext started = start(db.jdbcUrl(), "postgis-admin-2026")) {
                assertThat(started.getBean(AccountService.class).demoAccountsActive())
                        .isFalse();
            }
            Account admin = new JdbcAccountRepository(db.store()).find("admin").orElseThrow();
            assertThat(admin.roles()).containsExactly("ADMIN");
            assertThat(admin.passwordHash()).startsWith("{bcrypt}").doesNotContain("postgis-admin-2026");
        }
    }
}
