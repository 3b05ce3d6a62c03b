package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A change of an account that cannot be made: the name taken, a bad name or password, no such account. */
public class AccountException extends ProblemException {

    /** Why. */
    public enum Reason {
        /** Another account has the name. */
        EXISTS(HttpStatus.CONFLICT, "account_exists", "accounts.error.exists"),
        /** No account has the name (or it is a demo account, which is not stored). */
        UNKNOWN(HttpStatus.NOT_FOUND, "unknown_account", "accounts.error.unknown"),
        /** A name that is not 2-64 letters, digits, dots, dashes or underscores. */
        BAD_NAME(HttpStatus.UNPROCESSABLE_ENTITY, "bad_account_name", "accounts.error.bad-name"),
        /** A password shorter than the minimum. */
        WEAK_PASSWORD(HttpStatus.UNPROCESSABLE_ENTITY, "weak_password", "accounts.error.weak-password"),
        /** The current password given to change one's own is wrong. */
        WRONG_PASSWORD(HttpStatus.UNPROCESSABLE_ENTITY, "wrong_password", "accounts.error.wrong-password"),
        /** An administrator disabling their own account or taking their own ADMIN role. */
        OWN_ACCOUNT(HttpStatus.CONFLICT, "own_account", "accounts.error.own-account"),
        /** A demo account's password cannot be changed (it is not stored). */
        DEMO_ACCOUNT(HttpStatus.CONFLICT, "demo_account", "accounts.error.demo-account");

        private final HttpStatus status;
        private final String code;
        private final String key;

        Reason(HttpStatus status, String code, String key) {
            this.status = status;
            this.code = code;
            this.key = key;
        }
    }

    private final Reason reason;

    AccountException(Reason reason, String name) {
        super(reason.code + ": " + name, reason.status, reason.code, reason.key, name, AccountService.MIN_PASSWORD);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
