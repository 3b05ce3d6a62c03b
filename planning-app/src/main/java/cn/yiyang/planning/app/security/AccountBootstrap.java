package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.system.StartupTask;
import cn.yiyang.planning.layers.accounts.Account;
import cn.yiyang.planning.layers.accounts.AccountRepository;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first start: with no account in the store and {@code PLANNING_ADMIN_PASSWORD} set, creates {@code admin}
 * (role ADMIN) with it; with neither an account nor that password nor the demo accounts, stops the start with a
 * message saying what to set, since nobody could sign in. The password is never logged.
 */
final class AccountBootstrap implements StartupTask {

    /** The name of the account created on the first start. */
    static final String ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final DemoAccounts demo;
    private final String adminPassword;

    AccountBootstrap(AccountRepository accounts, PasswordEncoder encoder, DemoAccounts demo, String adminPassword) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.demo = demo;
        this.adminPassword = adminPassword == null ? "" : adminPassword;
    }

    @Override
    public void run() {
        if (accounts.count() > 0) {
            return;
        }
        if (!adminPassword.isBlank()) {
            if (adminPassword.length() < AccountService.MIN_PASSWORD) {
                throw new IllegalStateException("PLANNING_ADMIN_PASSWORD is shorter than " + AccountService.MIN_PASSWORD
                        + " characters: set a longer one");
            }
            accounts.add(Account.create(
                    ADMIN, encoder.encode(adminPassword), Set.of(Role.ADMIN.name()), Set.of(), "first start"));
            log.info("No account in the store: created '{}' with the password of PLANNING_ADMIN_PASSWORD", ADMIN);
            return;
        }
        if (demo.active()) {
            log.warn("No account in the store: only the DEMO accounts (one per role, the demo password) can sign in;"
                    + " they exist only with demo data on the embedded store");
            return;
        }
        throw new IllegalStateException("No account in the store and no demo accounts: set PLANNING_ADMIN_PASSWORD"
                + " (at least " + AccountService.MIN_PASSWORD + " characters) so that the first start creates the"
                + " account 'admin' with it; then sign in as admin and create the other accounts");
    }
}
