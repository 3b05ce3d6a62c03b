package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.layers.load.ImportRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * CSV downloads of an import: its record, and its problem list with the messages in the reader's
 * language. UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly; RFC 4180
 * quoting; a text cell that a spreadsheet would take for a formula (=, +, -, @) is prefixed with an
 * apostrophe.
 */
public final class ImportReport {

    /** The columns of the problem list. */
    public static final List<String> ISSUE_COLUMNS = List.of("file", "row", "field", "code", "severity", "message");
    /** The columns of the record. */
    public static final List<String> RECORD_COLUMNS = List.of(
            "id",
            "layer",
            "status",
            "mode",
            "file",
            "sha256",
            "size",
            "encoding",
            "crs",
            "read",
            "imported",
            "rejected",
            "issues",
            "dry_run",
            "requested_by",
            "created_at",
            "finished_at",
            "outcome");

    private static final char BOM = '\uFEFF';

    private ImportReport() {}

    /** Starts a problem list on {@code out}: write each problem, then {@link IssueCsv#finish()}. */
    public static IssueCsv issues(OutputStream out, Locale locale) throws IOException {
        return new IssueCsv(out, locale);
    }

    /** Writes a whole problem list. */
    public static void issues(Iterable<ImportIssue> issues, Locale locale, OutputStream out) throws IOException {
        IssueCsv csv = issues(out, locale);
        issues.forEach(csv::write);
        csv.finish();
    }

    /** Writes the record: the header and one row. */
    public static void record(ImportRecord r, Locale locale, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(BOM);
        row(w, RECORD_COLUMNS);
        row(
                w,
                List.of(
                        r.id(),
                        r.layerId(),
                        r.status(),
                        r.mode(),
                        r.fileName(),
                        nz(r.fileSha256()),
                        Long.toString(r.fileSize()),
                        nz(r.encoding()),
                        nz(r.crs()),
                        Long.toString(r.readCount()),
                        Long.toString(r.importedCount()),
                        Long.toString(r.rejectedCount()),
                        Long.toString(r.issueCount()),
                        Boolean.toString(r.dryRun()),
                        r.requestedBy(),
                        r.createdAt().toString(),
                        r.finishedAt() == null ? "" : r.finishedAt().toString(),
                        nz(r.message())));
        w.flush();
    }

    /** A problem list being written. */
    public static final class IssueCsv {
        private final Writer writer;
        private final Locale locale;

        private IssueCsv(OutputStream out, Locale locale) throws IOException {
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            this.locale = locale;
            writer.write(BOM);
            row(writer, ISSUE_COLUMNS);
        }

        /** Writes one problem. */
        public void write(ImportIssue issue) {
            try {
                row(
                        writer,
                        List.of(
                                nz(issue.file()),
                                Long.toString(issue.row()),
                                nz(issue.field()),
                                issue.code().name(),
                                issue.severity().name(),
                                issue.message(locale)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Flushes; the stream stays open. */
        public void finish() throws IOException {
            writer.flush();
        }
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        Csv.row(w, cells);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
