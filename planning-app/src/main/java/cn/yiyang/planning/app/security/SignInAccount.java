package cn.yiyang.planning.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An account as sign-in sees it, from the store or a demo account.
 *
 * @param name         the sign-in name
 * @param passwordHash the stored hash
 * @param roles        its roles
 * @param counties     the county codes it is limited to; empty: every county
 * @param enabled      whether it may sign in
 * @param demo         whether it is a demo account (not stored: its password cannot be changed)
 */
record SignInAccount(
        String name, String passwordHash, Set<Role> roles, Set<String> counties, boolean enabled, boolean demo) {

    /** The prefix of the authorities that name a county the account is limited to. */
    static final String COUNTY = "COUNTY_";

    /** {@code ROLE_PLANNER} … and {@code COUNTY_430902} … */
    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> out = new ArrayList<>();
        new TreeSet<>(roles).forEach(r -> out.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        new TreeSet<>(counties).forEach(c -> out.add(new SimpleGrantedAuthority(COUNTY + c)));
        return out;
    }

    /** The role names as stored, e.g. {@code PLANNER}. */
    static Set<Role> roles(Set<String> names) {
        Set<Role> out = new TreeSet<>();
        for (String n : names) {
            try {
                out.add(Role.valueOf(n.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // a role this version does not define gives nothing
            }
        }
        return out;
    }
}
