package cn.yiyang.planning.importer.cli;

import cn.yiyang.planning.importer.issue.ImportIssue;
import java.util.List;

/**
 * A command line that cannot be run: a message key of the cli bundle and its arguments, or an
 * import problem (a CRS or encoding the importer refuses) whose own message says what is wrong.
 */
final class UsageException extends Exception {

    private final String key;
    private final transient List<Object> args;
    private final transient ImportIssue issue;

    UsageException(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = List.of(args);
        this.issue = null;
    }

    UsageException(ImportIssue issue) {
        super(issue.code().name(), null, false, false);
        this.key = null;
        this.args = List.of();
        this.issue = issue;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.toArray();
    }

    /** The import problem, or null. */
    ImportIssue issue() {
        return issue;
    }
}
