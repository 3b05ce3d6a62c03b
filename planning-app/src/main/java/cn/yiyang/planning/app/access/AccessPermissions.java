package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.security.Role;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;

/** Who may start road-access runs: the transport department (交通运输局) and administrators. Everyone may read. */
public final class AccessPermissions {

    private AccessPermissions() {
    }

    /** @return whether these authorities may start a run */
    public static boolean canRun(Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = Role.of(authorities);
        return roles.contains(Role.TRANSPORT) || roles.contains(Role.ADMIN);
    }

    static void checkRun(String user, Collection<? extends GrantedAuthority> authorities) {
        if (!canRun(authorities)) {
            throw new AccessForbiddenException(user);
        }
    }
}
