package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The plan has no such conflict now (it was resolved, e.g. by moving the parcel, or the key is wrong): HTTP 404
 * {@code unknown_conflict}; nothing is stored.
 */
public class ConflictUnknownException extends ProblemException {

    ConflictUnknownException(String planCode, String key) {
        super(
                "plan " + planCode + " has no conflict " + key,
                HttpStatus.NOT_FOUND,
                "unknown_conflict",
                "api.error.unknown-conflict",
                key,
                planCode);
    }
}
