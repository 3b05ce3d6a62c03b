package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.system.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An update or delete that started from a version which is no longer the stored one: HTTP 412, nothing changed.
 * Properties {@code currentVersion} and {@code changes}, the history entries after the caller's version (newest
 * first), so that the caller can see what changed and redo its edit.
 */
public class StaleVersionException extends ProblemException {

    private final long currentVersion;

    StaleVersionException(long expected, long currentVersion, List<FeatureJson.HistoryEntryJson> changes) {
        super(
                "version " + expected + " is stale, current " + currentVersion,
                HttpStatus.PRECONDITION_FAILED,
                "stale_version",
                "api.error.stale-version",
                String.valueOf(expected),
                String.valueOf(currentVersion));
        this.currentVersion = currentVersion;
        property("currentVersion", currentVersion);
        property("changes", List.copyOf(changes));
    }

    public long currentVersion() {
        return currentVersion;
    }
}
