package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A write of a feature outside the counties the account or token is limited to ({@link Permissions#scope}):
 * HTTP 403 {@code out_of_scope}, the message naming the feature and the counties the user may write.
 */
public class OutOfScopeException extends ProblemException {

    /**
     * @param user    who asked
     * @param layer   the layer's title
     * @param feature the feature as the message names it (its key, or its id)
     */
    public OutOfScopeException(AppUser user, Localized layer, String feature) {
        super(
                user.name() + " (counties " + String.join(", ", user.counties()) + ") may not write " + feature,
                HttpStatus.FORBIDDEN,
                "out_of_scope",
                "api.error.out-of-scope",
                layer,
                feature,
                String.join("、", user.counties()));
    }
}
