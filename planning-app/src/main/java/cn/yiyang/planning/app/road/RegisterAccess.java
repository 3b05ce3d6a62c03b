package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may close (销号) register entries: the transport department, which owns the roads (TRANSPORT, as for
 * importing into the road layers, see {@code ImportAccess}), and ADMIN. Every signed-in user may read the
 * register.
 */
public final class RegisterAccess {

    private static final Set<Role> CLOSERS = EnumSet.of(Role.TRANSPORT, Role.ADMIN);

    private RegisterAccess() {
    }

    /** Whether the user may close entries. */
    public static boolean canClose(AppUser user) {
        return user.roles().stream().anyMatch(CLOSERS::contains);
    }

    /**
     * @throws RegisterForbiddenException when the user may not close entries
     */
    static void checkClose(AppUser user) {
        if (!canClose(user)) {
            throw new RegisterForbiddenException(user);
        }
    }
}
