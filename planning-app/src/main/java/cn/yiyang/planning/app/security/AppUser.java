package cn.yiyang.planning.app.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A signed-in user as the features' permission checks ({@link Permissions}) see it: the name that goes into
 * their records (an import, a 销号), and the roles that decide what the user may do (which layers to import
 * into, whether to close register entries). Features make it from Spring Security's authentication with one of
 * the {@code of} methods and never look at authorities themselves.
 *
 * @param name     the user name
 * @param roles    the user's roles
 * @param counties the county codes the user is limited to (an account's or a token's counties); empty: every county
 */
public record AppUser(String name, Set<Role> roles, Set<String> counties) {

    /** A user of every county. */
    public AppUser(String name, Set<Role> roles) {
        this(name, roles, Set.of());
    }

    public AppUser {
        Objects.requireNonNull(name, "name");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        counties = Set.copyOf(new TreeSet<>(counties));
    }

    /**
     * The user from Spring Security's authorities ({@code ROLE_ADMIN}, {@code ROLE_TRANSPORT} …, and
     * {@code COUNTY_430921} … for the counties it is limited to); unknown authorities are ignored.
     */
    public static AppUser of(String name, Collection<? extends GrantedAuthority> authorities) {
        Set<String> counties = new TreeSet<>();
        for (GrantedAuthority a : authorities) {
            String authority = a.getAuthority();
            if (authority != null && authority.startsWith(SignInAccount.COUNTY)) {
                counties.add(authority.substring(SignInAccount.COUNTY.length()));
            }
        }
        return new AppUser(name, Role.of(authorities), counties);
    }

    /** The user of a REST or tile request. */
    public static AppUser of(Authentication authentication) {
        return of(authentication.getName(), authentication.getAuthorities());
    }

    /** The user of a page. */
    public static AppUser of(AuthenticationContext context) {
        return of(context.getPrincipalName().orElse("anonymous"), context.getGrantedAuthorities());
    }

    /** The roles as the 403 message shows them, e.g. {@code LEADER}. */
    public String roleNames() {
        return roles.isEmpty()
                ? "-"
                : String.join(", ", roles.stream().sorted().map(Role::name).toList());
    }
}
