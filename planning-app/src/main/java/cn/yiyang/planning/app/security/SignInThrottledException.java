package cn.yiyang.planning.app.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked by the {@link SignInThrottle}: too many wrong passwords within the window. */
public class SignInThrottledException extends AuthenticationException {

    private final Instant until;

    SignInThrottledException(Instant until) {
        super("too many failed sign-ins; refused until " + until);
        this.until = until;
    }

    /** When attempts are taken again. */
    public Instant until() {
        return until;
    }
}
