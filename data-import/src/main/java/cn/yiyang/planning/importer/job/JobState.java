package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.source.Detection;
import cn.yiyang.planning.importer.source.SourceDescription;
import cn.yiyang.planning.layers.load.ImportRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The live state of one import: written by its worker thread, read by pollers through
 * {@link #snapshot()}. Counters are volatile (one writer); the rest is guarded by this object.
 */
final class JobState {

    /** Rows after which the progress of a file of unknown size reaches one half. */
    private static final double UNKNOWN_SIZE_HALF = 50_000;

    private final String id;
    private final Instant createdAt;
    private final int issueCap;

    private ImportRequest request;
    private ImportStatus status = ImportStatus.QUEUED;
    private volatile long read;
    private volatile long imported;
    private volatile long rejected;
    private volatile long issueCount;
    private volatile long total = -1;
    private final List<ImportIssue> issues = new ArrayList<>();
    private String encoding;
    private Detection encodingDetection;
    private String crs;
    private Detection crsDetection;
    private SourceDescription source;
    private FieldMapping mapping;
    private Preview preview = Preview.EMPTY;
    private String sha256;
    private long fileSize;
    private IssueCode outcome;
    private Instant finishedAt;
    private boolean done;

    JobState(String id, ImportRequest request, Instant createdAt, int issueCap) {
        this.id = id;
        this.request = request;
        this.createdAt = createdAt;
        this.issueCap = issueCap;
    }

    String id() {
        return id;
    }

    synchronized ImportRequest request() {
        return request;
    }

    synchronized ImportStatus status() {
        return status;
    }

    /** Back to QUEUED with a changed request: counts, problems, mapping and preview are cleared. */
    synchronized void requeue(ImportRequest changed) {
        request = changed;
        status = ImportStatus.QUEUED;
        read = 0;
        imported = 0;
        rejected = 0;
        issueCount = 0;
        total = -1;
        issues.clear();
        source = null;
        mapping = null;
        preview = Preview.EMPTY;
        outcome = null;
        finishedAt = null;
        done = false;
    }

    synchronized void running() {
        status = ImportStatus.RUNNING;
    }

    synchronized void file(String sha, long size) {
        this.sha256 = sha;
        this.fileSize = size;
    }

    synchronized void source(SourceDescription description) {
        this.source = description;
        this.total = description.featureCount();
        if (description.encoding() != null) {
            this.encoding = description.encoding().charset() == null
                    ? null
                    : description.encoding().charset().name();
            this.encodingDetection = description.encoding().how();
        }
    }

    synchronized void crs(String code, Detection how) {
        this.crs = code;
        this.crsDetection = how;
    }

    synchronized void mapping(FieldMapping m) {
        this.mapping = m;
    }

    synchronized void preview(Preview p) {
        this.preview = p;
    }

    void rowRead(boolean rowRejected) {
        read++;
        if (rowRejected) {
            rejected++;
        }
    }

    /** Records read so far. */
    long read() {
        return read;
    }

    /** Records rejected so far. */
    long rejected() {
        return rejected;
    }

    void imported(long n) {
        imported = n;
    }

    synchronized void issue(ImportIssue issue) {
        issueCount++;
        if (issues.size() < issueCap) {
            issues.add(issue);
        }
    }

    synchronized void settle(ImportStatus end, IssueCode why) {
        status = end;
        outcome = why;
        finishedAt = Instant.now();
    }

    /** The run is over and its record saved: wakes those waiting in {@link #awaitSettled}. */
    synchronized void done() {
        done = true;
        notifyAll();
    }

    /** Waits until the run is over and recorded, or the time is up; returns whether it is over. */
    synchronized boolean awaitSettled(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    double progress() {
        if (status().settled()) {
            return 1.0;
        }
        long n = read;
        double p = total > 0 ? (double) n / total : n / (n + UNKNOWN_SIZE_HALF);
        return Math.min(0.99, p);
    }

    synchronized ImportJob snapshot() {
        return new ImportJob(
                id,
                request.layerId(),
                status,
                progress(),
                read,
                imported,
                rejected,
                issueCount,
                List.copyOf(issues),
                encoding,
                encodingDetection,
                crs,
                crsDetection,
                source,
                mapping,
                preview,
                request,
                request.fileName(),
                sha256,
                fileSize,
                request.dryRun(),
                outcome,
                createdAt,
                finishedAt);
    }

    synchronized ImportRecord record() {
        return new ImportRecord(
                id,
                request.layerId(),
                status.name(),
                request.mode().name(),
                request.fileName(),
                sha256,
                fileSize,
                encoding,
                crs,
                read,
                imported,
                rejected,
                issueCount,
                request.dryRun(),
                request.requestedBy(),
                createdAt.atOffset(ZoneOffset.UTC),
                finishedAt == null ? null : finishedAt.atOffset(ZoneOffset.UTC),
                outcome == null ? null : outcome.name());
    }
}
