package cn.yiyang.planning.importer.cli;

import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.job.SourceFactory;

/**
 * {@code java -cp … cn.yiyang.planning.importer.cli.ImportMain --db … --layer … --file …}: the command
 * line's entry point. All the logic is in {@link ImportCommand}; this class only wires the file
 * readers in.
 */
public final class ImportMain {

    /**
     * Opens files with the readers. Until the readers (branch import-sources, {@code SourceOpener})
     * are merged, every file is refused; after the merge this becomes {@code SourceOpener::open} (or
     * a lambda adapting it to {@link SourceFactory}).
     */
    static final SourceFactory SOURCES = (files, names, options) -> {
        throw new ImportException(ImportIssue.ofFile(names.getFirst(), IssueCode.UNSUPPORTED_FORMAT,
                "file readers not wired yet"));
    };

    private ImportMain() {
    }

    public static void main(String[] args) {
        System.exit(new ImportCommand(SOURCES, System.out, System.err).run(args));
    }
}
