package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.layers.accounts.Account;
import cn.yiyang.planning.layers.accounts.AccountRepository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts: the ones in the store, managed by ADMIN (create, disable, reset a password, assign roles and
 * counties), each user's own password, and the demo accounts while they exist. Every change by an administrator is
 * checked with {@link Permissions} ({@link Action#manageAccounts}); each change of a password, of roles or
 * counties, and each disable forgets the account's remembered HTTP Basic credentials.
 */
public class AccountService {

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD = 10;

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");

    /**
     * An account as the accounts page lists it.
     *
     * @param name     the sign-in name
     * @param roles    its roles
     * @param counties the county codes it is limited to; empty: every county
     * @param enabled  whether it may sign in
     * @param account  the stored account (times, who created it)
     */
    public record AccountRow(String name, Set<Role> roles, Set<String> counties, boolean enabled, Account account) {}

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final DemoAccounts demo;
    private final RememberedCredentials remembered;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    public AccountService(
            AccountRepository accounts,
            PasswordEncoder encoder,
            DemoAccounts demo,
            RememberedCredentials remembered,
            SignInThrottle throttle,
            AuditLog audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.encoder = encoder;
        this.demo = demo;
        this.remembered = remembered;
        this.throttle = throttle;
    }

    /** Whether the demo accounts (one per role, the demo password) may sign in. */
    public boolean demoAccountsActive() {
        return demo.active();
    }

    /** The stored accounts, by name (ADMIN). */
    public List<AccountRow> accounts(AppUser by) {
        Permissions.check(by, Action.manageAccounts());
        return accounts.all().stream().map(AccountService::row).toList();
    }

    /** The accounts and addresses refused now for too many wrong passwords (ADMIN). */
    public List<SignInThrottle.Lock> locks(AppUser by) {
        Permissions.check(by, Action.manageAccounts());
        return throttle.locks();
    }

    /** Creates an enabled account (ADMIN). */
    public void create(AppUser by, String name, String password, Set<Role> roles, Set<String> counties) {
        Permissions.check(by, Action.manageAccounts());
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            throw new AccountException(AccountException.Reason.BAD_NAME, n);
        }
        checkStrength(n, password);
        if (!accounts.add(Account.create(n, encoder.encode(password), names(roles), counties(counties), by.name()))) {
            throw new AccountException(AccountException.Reason.EXISTS, n);
        }
        log.info("Account {} created by {} (roles {})", n, by.name(), names(roles));
        audit.record(
                by.name(),
                "account-create",
                null,
                n,
                "roles " + new TreeSet<>(names(roles)) + " counties " + new TreeSet<>(counties(counties)));
    }

    /** Enables or disables an account (ADMIN); an administrator cannot disable their own. */
    public void setEnabled(AppUser by, String name, boolean enabled) {
        Permissions.check(by, Action.manageAccounts());
        if (!enabled && by.name().equals(name)) {
            throw new AccountException(AccountException.Reason.OWN_ACCOUNT, name);
        }
        if (!accounts.setEnabled(name, enabled)) {
            throw new AccountException(AccountException.Reason.UNKNOWN, name);
        }
        remembered.forget(name);
        log.info("Account {} {} by {}", name, enabled ? "enabled" : "disabled", by.name());
        audit.record(by.name(), enabled ? "account-enable" : "account-disable", null, name, null);
    }

    /** Sets a new password for an account (ADMIN). */
    public void resetPassword(AppUser by, String name, String password) {
        Permissions.check(by, Action.manageAccounts());
        checkStrength(name, password);
        if (!accounts.setPasswordHash(name, encoder.encode(password))) {
            throw new AccountException(AccountException.Reason.UNKNOWN, name);
        }
        remembered.forget(name);
        log.info("Password of account {} reset by {}", name, by.name());
        audit.record(by.name(), "account-password-reset", null, name, null);
    }

    /** Sets an account's roles and counties (ADMIN); an administrator cannot take their own ADMIN role. */
    public void assign(AppUser by, String name, Set<Role> roles, Set<String> counties) {
        Permissions.check(by, Action.manageAccounts());
        if (by.name().equals(name) && !roles.contains(Role.ADMIN)) {
            throw new AccountException(AccountException.Reason.OWN_ACCOUNT, name);
        }
        if (!accounts.setRolesAndCounties(name, names(roles), counties(counties))) {
            throw new AccountException(AccountException.Reason.UNKNOWN, name);
        }
        remembered.forget(name);
        log.info("Account {} given roles {} and counties {} by {}", name, names(roles), counties(counties), by.name());
        audit.record(
                by.name(),
                "account-assign",
                null,
                name,
                "roles " + new TreeSet<>(names(roles)) + " counties " + new TreeSet<>(counties(counties)));
    }

    /** Changes the user's own password, given the current one. */
    public void changeOwnPassword(AppUser user, String current, String password) {
        Optional<Account> account = accounts.find(user.name());
        if (account.isEmpty()) {
            throw new AccountException(
                    demo.find(user.name()).isPresent()
                            ? AccountException.Reason.DEMO_ACCOUNT
                            : AccountException.Reason.UNKNOWN,
                    user.name());
        }
        if (current == null || !encoder.matches(current, account.get().passwordHash())) {
            throw new AccountException(AccountException.Reason.WRONG_PASSWORD, user.name());
        }
        checkStrength(user.name(), password);
        accounts.setPasswordHash(user.name(), encoder.encode(password));
        remembered.forget(user.name());
        log.info("Account {} changed its password", user.name());
        audit.record(user.name(), "account-password-change", null, user.name(), null);
    }

    /** The account that signs in with this name: a stored one, else a demo account while they exist. */
    Optional<SignInAccount> signInAccount(String name) {
        Optional<Account> stored = accounts.find(name);
        if (stored.isPresent()) {
            Account a = stored.get();
            return Optional.of(new SignInAccount(
                    a.name(), a.passwordHash(), SignInAccount.roles(a.roles()), a.counties(), a.enabled(), false));
        }
        return demo.find(name);
    }

    private static void checkStrength(String name, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.equals(name)) {
            throw new AccountException(AccountException.Reason.WEAK_PASSWORD, name);
        }
    }

    private static Set<String> names(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.toSet());
    }

    private static Set<String> counties(Set<String> counties) {
        return counties.stream().map(String::strip).filter(c -> !c.isEmpty()).collect(Collectors.toSet());
    }

    private static AccountRow row(Account a) {
        return new AccountRow(a.name(), SignInAccount.roles(a.roles()), a.counties(), a.enabled(), a);
    }
}
