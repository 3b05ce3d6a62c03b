package cn.yiyang.planning.app.road;

/** The user's roles may not close register entries (see {@link RegisterAccess}): HTTP 403. */
public class RegisterForbiddenException extends RuntimeException {

    private final transient RegisterUser user;

    RegisterForbiddenException(RegisterUser user) {
        super(user.name() + " may not close register entries");
        this.user = user;
    }

    public RegisterUser user() {
        return user;
    }
}
