package cn.yiyang.planning.app.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The demo accounts: one per role, named after it in lower case ({@code admin}, {@code planner} …), all with the
 * demo password. They exist only while demo data are in use: setting {@code planning.security.demo-accounts}
 * {@code auto} (the default) means the demo data are enabled ({@code PLANNING_DEMO_DATA}) and the store is the
 * embedded one; {@code true} and {@code false} force it (the tests set {@code true}). Accounts in the store take
 * precedence over a demo account of the same name. Never stored: the hash is made once at start.
 *
 * @param active       whether the demo accounts may sign in
 * @param passwordHash the demo password's hash, or null when not active
 */
public record DemoAccounts(boolean active, String passwordHash) {

    /** Whether the setting ({@code auto}, {@code true}, {@code false}) makes the demo accounts exist. */
    static boolean active(String setting, boolean demoData, String dbUrl) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            case "auto", "" -> demoData && (dbUrl == null || dbUrl.isBlank());
            default ->
                throw new IllegalStateException(
                        "planning.security.demo-accounts (PLANNING_DEMO_ACCOUNTS) must be auto, true or false");
        };
    }

    /** The demo account of that name while active: ADMIN has every role, as it had before accounts were stored. */
    Optional<SignInAccount> find(String name) {
        if (!active || name == null) {
            return Optional.empty();
        }
        return Arrays.stream(Role.values())
                .filter(r -> r.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst()
                .map(r -> new SignInAccount(
                        name, passwordHash, r == Role.ADMIN ? Set.of(Role.values()) : Set.of(r), Set.of(), true, true));
    }
}
