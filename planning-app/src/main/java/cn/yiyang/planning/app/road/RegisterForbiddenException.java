package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.security.AppUser;

/** The user's roles may not close register entries (see {@link RegisterAccess}): HTTP 403. */
public class RegisterForbiddenException extends RuntimeException {

    private final transient AppUser user;

    RegisterForbiddenException(AppUser user) {
        super(user.name() + " may not close register entries");
        this.user = user;
    }

    public AppUser user() {
        return user;
    }
}
