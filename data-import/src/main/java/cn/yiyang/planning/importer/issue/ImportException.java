package cn.yiyang.planning.importer.issue;

/** A problem that stops the import of a file; it carries the located, translatable issue. */
public class ImportException extends RuntimeException {

    private final transient ImportIssue issue;

    public ImportException(ImportIssue issue) {
        this(issue, null);
    }

    public ImportException(ImportIssue issue, Throwable cause) {
        super(
                issue.code() + " " + issue.file() + (issue.row() > 0 ? " row " + issue.row() : "") + " " + issue.args(),
                cause);
        this.issue = issue;
    }

    public ImportIssue issue() {
        return issue;
    }
}
