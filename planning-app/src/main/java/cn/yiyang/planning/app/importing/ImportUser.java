package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.security.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who asks for an import: the name that goes into the import record, and the roles that decide
 * which layers the user may write ({@link ImportAccess}).
 *
 * @param name  the user name
 * @param roles the user's roles
 */
public record ImportUser(String name, Set<Role> roles) {

    public ImportUser {
        Objects.requireNonNull(name, "name");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The user from Spring Security's authorities ({@code ROLE_ADMIN} …); unknown authorities are ignored. */
    public static ImportUser of(String name, Collection<? extends GrantedAuthority> authorities) {
        return new ImportUser(name, Role.of(authorities));
    }

    /** The roles as the 403 message shows them, e.g. {@code LEADER}. */
    public String roleNames() {
        return roles.isEmpty() ? "-" : String.join(", ", roles.stream().sorted().map(Role::name).toList());
    }
}
