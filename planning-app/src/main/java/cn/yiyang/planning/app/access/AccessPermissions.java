package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.security.Role;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;

/** Who may start road-access runs: the transport department (交通运输局) and administrators. Everyone may read. */
public final class AccessPermissions {

    private AccessPermissions() {
    }

    /** @return whether these authorities may start a run */
    public static boolean canRun(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().anyMatch(a -> ("ROLE_" + Role.TRANSPORT.name()).equals(a.getAuthority())
                || ("ROLE_" + Role.ADMIN.name()).equals(a.getAuthority()));
    }

    static void checkRun(String user, Collection<? extends GrantedAuthority> authorities) {
        if (!canRun(authorities)) {
            throw new AccessForbiddenException(user);
        }
    }
}
