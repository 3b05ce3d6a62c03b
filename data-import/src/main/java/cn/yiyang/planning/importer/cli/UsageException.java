package cn.yiyang.planning.importer.cli;

import java.util.List;

/** A command line that cannot be run: the message key of the cli bundle and its arguments. */
final class UsageException extends Exception {

    private final String key;
    private final transient List<Object> args;

    UsageException(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = List.of(args);
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.toArray();
    }
}
