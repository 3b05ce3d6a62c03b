package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.security.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who works with the register: the name recorded with a closing (销号) and the roles that decide
 * whether the user may close entries ({@link RegisterAccess}).
 *
 * @param name  the user name
 * @param roles the user's roles
 */
public record RegisterUser(String name, Set<Role> roles) {

    public RegisterUser {
        Objects.requireNonNull(name, "name");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The user from Spring Security's authorities ({@code ROLE_TRANSPORT} …); unknown authorities are ignored. */
    public static RegisterUser of(String name, Collection<? extends GrantedAuthority> authorities) {
        return new RegisterUser(name, Role.of(authorities));
    }

    /** The roles as the 403 message shows them, e.g. {@code LEADER}. */
    public String roleNames() {
        return roles.isEmpty() ? "-" : String.join(", ", roles.stream().sorted().map(Role::name).toList());
    }
}
