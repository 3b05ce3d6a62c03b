package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The user's roles may not take the action ({@link Permissions}): HTTP 403 {@code forbidden}, with a message
 * naming the action and the user's roles. Pages that catch it show {@link #message} in the page's language.
 */
public class ForbiddenException extends ProblemException {

    private final transient AppUser user;
    private final transient Action action;

    ForbiddenException(AppUser user, Action action) {
        super(
                user.name() + " (" + user.roleNames() + ") may not " + action,
                HttpStatus.FORBIDDEN,
                "forbidden",
                action.messageKey(),
                user.roleNames(),
                action.subject(),
                owners(action));
        this.user = user;
        this.action = action;
    }

    /** The departments that may take the action (besides administrators), as the message names them. */
    private static Localized owners(Action action) {
        return Localized.join(Permissions.owners(action).stream()
                .map(r -> Localized.key("security.department." + r.name()))
                .toList());
    }

    public AppUser user() {
        return user;
    }

    public Action action() {
        return action;
    }
}
