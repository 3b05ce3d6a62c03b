package cn.yiyang.planning.importer.cli;

import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.job.ImportJob;
import cn.yiyang.planning.importer.job.ImportRequest;
import cn.yiyang.planning.importer.job.ImportService;
import cn.yiyang.planning.importer.job.ImportSettings;
import cn.yiyang.planning.importer.job.ImportStatus;
import cn.yiyang.planning.importer.job.SourceFactory;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreException;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;

/**
 * The import command line, without its {@code main} (see {@link ImportMain}): parses the options
 * (the same as the REST API's), imports through {@link ImportService} into the store the
 * {@code --db} URL names (migrating it first), prints progress to the error stream and the
 * summary, mapping and problems to the output stream in Chinese or English, writes the problem list
 * as CSV on request, and returns the exit code.
 */
public final class ImportCommand {

    /** Loaded, or analysed, and no row rejected. */
    public static final int OK = 0;
    /** Rows were rejected, or the import failed. */
    public static final int REJECTED_OR_FAILED = 1;
    /** The import needs input (a CRS, a table, a field map). */
    public static final int NEEDS_INPUT = 2;
    /** The command line is wrong. */
    public static final int USAGE = 64;

    private static final String BUNDLE = "importer/cli";
    private static final int PROBLEMS_SHOWN = 50;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final SourceFactory sources;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param sources opens the files (the readers' SourceOpener in {@link ImportMain}; a fixture in tests)
     * @param out     where the summary and the problems go
     * @param err     where progress and errors go
     */
    public ImportCommand(SourceFactory sources, PrintStream out, PrintStream err) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Runs the command; returns the exit code. */
    public int run(String... args) {
        Locale locale = CliParser.language(args);
        ResourceBundle texts = bundle(locale);
        CliOptions options;
        try {
            options = CliParser.parse(args);
        } catch (UsageException e) {
            String problem = e.issue() != null ? e.issue().message(locale) : text(texts, e.key(), e.args());
            err.println(text(texts, "cli.usage_error", problem));
            err.println(texts.getString("cli.usage"));
            return USAGE;
        }
        if (options.help()) {
            out.println(texts.getString("cli.usage"));
            return OK;
        }
        try (SpatialStore store =
                SpatialStore.open(new StoreSettings(options.db(), options.dbUser(), options.dbPassword()))) {
            store.migrate();
            // The command line has no Spring: it makes its own small pool, and closing it waits for the import.
            try (ExecutorService workers = ImportService.newWorkers(ImportSettings.DEFAULT.concurrency());
                    ImportService service = ImportService.over(store, sources, ImportSettings.DEFAULT, workers)) {
                return run(service, options, texts);
            }
        } catch (StoreException e) {
            err.println(text(texts, "cli.store_failed", e.getMessage()));
            return REJECTED_OR_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return REJECTED_OR_FAILED;
        }
    }

    private int run(ImportService service, CliOptions o, ResourceBundle texts) throws InterruptedException {
        ImportRequest.Builder request = ImportRequest.builder(o.layer(), o.user())
                .encoding(o.encoding())
                .crs(o.crs())
                .table(o.table())
                .mode(o.mode())
                .fieldMap(o.fieldMap())
                .rejectPolicy(o.rejectPolicy())
                .dryRun(o.dryRun())
                .repairGeometry(o.repair());
        o.files().forEach(f -> request.file(f, f.getFileName().toString()));
        ImportJob job;
        try {
            job = service.submit(request.build());
        } catch (ImportException e) {
            err.println(text(texts, "cli.usage_error", e.issue().message(o.locale())));
            return USAGE;
        }
        NumberFormat numbers = NumberFormat.getIntegerInstance(o.locale());
        NumberFormat percent = NumberFormat.getPercentInstance(o.locale());
        long lastRead = -1;
        while (!job.status().settled()) {
            job = service.await(job.id(), PROGRESS_EVERY);
            if (!job.status().settled() && job.read() != lastRead) {
                lastRead = job.read();
                err.println(text(
                        texts,
                        "cli.progress",
                        numbers.format(job.read()),
                        percent.format(job.progress()),
                        numbers.format(job.rejected())));
            }
        }
        job = service.await(job.id(), PROGRESS_EVERY); // and its record is saved
        summary(job, o, texts, numbers);
        if (o.report() != null) {
            writeReport(service, job, o, texts);
        }
        return switch (job.status()) {
            case NEEDS_INPUT -> NEEDS_INPUT;
            case SUCCEEDED -> job.rejected() == 0 ? OK : REJECTED_OR_FAILED;
            default -> REJECTED_OR_FAILED;
        };
    }

    private void summary(ImportJob job, CliOptions o, ResourceBundle texts, NumberFormat numbers) {
        line(texts, "cli.summary.id", job.id());
        line(
                texts,
                "cli.summary.status",
                texts.getString("cli.status." + job.status().name())
                        + (job.dryRun() ? " · " + texts.getString("cli.summary.dry_run") : ""));
        line(texts, "cli.summary.layer", job.layerId());
        line(texts, "cli.summary.file", job.fileName());
        line(texts, "cli.summary.mode", o.mode().name().toLowerCase(Locale.ROOT));
        line(texts, "cli.summary.encoding", job.encoding() == null ? "-" : job.encoding());
        line(texts, "cli.summary.crs", job.crs() == null ? "-" : job.crs());
        line(texts, "cli.summary.read", numbers.format(job.read()));
        line(texts, "cli.summary.imported", numbers.format(job.imported()));
        line(texts, "cli.summary.rejected", numbers.format(job.rejected()));
        line(texts, "cli.summary.problems", numbers.format(job.issueCount()));
        if (job.mapping() != null) {
            out.println(texts.getString("cli.mapping"));
            for (FieldMapping.Entry e : job.mapping().entries()) {
                out.println("  " + e.source() + " → " + e.target() + " ("
                        + e.decision().name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        int shown = 0;
        for (ImportIssue issue : job.issues()) {
            if (shown++ == PROBLEMS_SHOWN) {
                break;
            }
            String where =
                    issue.row() > 0 ? text(texts, "cli.problem_row", issue.row()) : texts.getString("cli.problem_file");
            out.println("  " + issue.severity().name() + " " + issue.file() + " " + where
                    + (issue.field() == null ? "" : " [" + issue.field() + "]") + " "
                    + issue.code().name() + ": "
                    + issue.message(o.locale()));
        }
        long more = job.issueCount() - Math.min(job.issues().size(), PROBLEMS_SHOWN);
        if (more > 0) {
            out.println(text(texts, "cli.more_problems", numbers.format(more)));
        }
        if (job.status() == ImportStatus.NEEDS_INPUT) {
            out.println(texts.getString("cli.needs_input"));
        }
    }

    private void writeReport(ImportService service, ImportJob job, CliOptions o, ResourceBundle texts) {
        Path report = o.report();
        try {
            if (report.getParent() != null) {
                Files.createDirectories(report.getParent());
            }
            try (OutputStream stream = Files.newOutputStream(report)) {
                service.writeIssuesCsv(job.id(), o.locale(), stream);
            }
            out.println(text(texts, "cli.report_written", report));
        } catch (IOException e) {
            err.println(text(
                    texts, "cli.bad_value", "--report", report, e.getClass().getSimpleName()));
        }
    }

    private void line(ResourceBundle texts, String key, String value) {
        out.println(texts.getString(key) + ": " + value);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String text(ResourceBundle texts, String key, Object... args) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(args);
    }
}
