package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.source.Detection;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.load.ImportIssueRecord;
import cn.yiyang.planning.layers.load.ImportRecord;
import cn.yiyang.planning.layers.load.ImportRecordRepository;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcImportRecordRepository;
import cn.yiyang.planning.layers.store.JdbcLayerLoadRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs file imports: the one entry point for the REST API, the UI and the command line.
 *
 * <pre>{@code
 * ImportJob job = service.submit(ImportRequest.builder("road", user).file(upload, "道路.zip").dryRun(true).build());
 * // poll service.find(job.id()) until job.status().settled(): show counts, mapping, issues, preview
 * service.confirm(job.id(), ImportChanges.load().withFieldMap(editedMap));   // → load, same id
 * }</pre>
 *
 * <p>Imports run on {@link ImportSettings#concurrency()} workers (QUEUED until one is free): the caller's
 * executor (the app's, managed by Spring) or, from the short constructors, a pool of the service's own that
 * {@link #close()} shuts down. Loads into the same layer never overlap. Every status change is saved in the import
 * record, and every problem in its problem list, as the import goes.
 */
public final class ImportService implements AutoCloseable {

    private final LayerCatalogue catalogue;
    private final FeatureRepository features;
    private final LayerLoadRepository loads;
    private final ImportRecordRepository records;
    private final SourceFactory sources;
    private final ImportSettings settings;
    private final Executor workers;
    /** The pool the service made itself and shuts down on close; null when the caller gave the executor. */
    private final ExecutorService ownWorkers;

    private final Map<String, JobState> jobs = new LinkedHashMap<>();
    private final Map<String, Lock> layerLocks = new ConcurrentHashMap<>();
    private final List<Consumer<String>> loadListeners = new CopyOnWriteArrayList<>();

    /**
     * A service running imports on the caller's executor, which runs at most
     * {@link ImportSettings#concurrency()} of them at a time and which the caller shuts down ({@link #close()}
     * leaves it alone).
     */
    public ImportService(
            LayerCatalogue catalogue,
            FeatureRepository features,
            LayerLoadRepository loads,
            ImportRecordRepository records,
            SourceFactory sources,
            ImportSettings settings,
            Executor workers) {
        this(catalogue, features, loads, records, sources, settings, Objects.requireNonNull(workers, "workers"), null);
    }

    /** A service with a pool of its own ({@link #newWorkers}), shut down by {@link #close()}. */
    public ImportService(
            LayerCatalogue catalogue,
            FeatureRepository features,
            LayerLoadRepository loads,
            ImportRecordRepository records,
            SourceFactory sources,
            ImportSettings settings) {
        this(
                catalogue,
                features,
                loads,
                records,
                sources,
                settings,
                null,
                newWorkers(Objects.requireNonNull(settings, "settings").concurrency()));
    }

    private ImportService(
            LayerCatalogue catalogue,
            FeatureRepository features,
            LayerLoadRepository loads,
            ImportRecordRepository records,
            SourceFactory sources,
            ImportSettings settings,
            Executor workers,
            ExecutorService ownWorkers) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.features = Objects.requireNonNull(features, "features");
        this.loads = Objects.requireNonNull(loads, "loads");
        this.records = Objects.requireNonNull(records, "records");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.workers = workers != null ? workers : ownWorkers;
        this.ownWorkers = ownWorkers;
    }

    /**
     * A pool for a caller that has no managed executor (the command line, tests): {@code concurrency} daemon
     * threads named {@code import-1}, {@code import-2} …; the caller shuts it down.
     */
    public static ExecutorService newWorkers(int concurrency) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The service over a store's JDBC repositories and the standard catalogue, on the caller's executor. */
    public static ImportService over(
            SpatialStore store, SourceFactory sources, ImportSettings settings, Executor workers) {
        return new ImportService(
                LayerCatalogue.standard(),
                new JdbcFeatureRepository(store),
                new JdbcLayerLoadRepository(store),
                new JdbcImportRecordRepository(store),
                sources,
                settings,
                workers);
    }

    /** The service over a store's JDBC repositories and the standard catalogue, with a pool of its own. */
    public static ImportService over(SpatialStore store, SourceFactory sources, ImportSettings settings) {
        return new ImportService(
                LayerCatalogue.standard(),
                new JdbcFeatureRepository(store),
                new JdbcLayerLoadRepository(store),
                new JdbcImportRecordRepository(store),
                sources,
                settings);
    }

    /**
     * Queues an import and returns at once (status QUEUED).
     *
     * @throws ImportException for a request that cannot run at all: an unknown layer
     *         ({@code UNKNOWN_LAYER}), a derived layer ({@code DERIVED_LAYER}), upsert into a layer without a
     *         key ({@code UPSERT_WITHOUT_KEY})
     */
    public ImportJob submit(ImportRequest request) {
        check(request);
        JobState job = new JobState(UUID.randomUUID().toString(), request, Instant.now(), settings.issuesInMemory());
        records.save(job.record());
        synchronized (jobs) {
            jobs.put(job.id(), job);
            evictSettled();
        }
        start(job);
        return job.snapshot();
    }

    /**
     * Tells the listener the id of every layer an import has loaded into, on the import's thread, once
     * the load is committed and before the import shows as succeeded (not for dry runs).
     *
     * @return call it to stop listening
     */
    public Runnable onLayerLoaded(Consumer<String> listener) {
        loadListeners.add(listener);
        return () -> loadListeners.remove(listener);
    }

    /** The import with this id: live while it is in memory, else read back from its record. */
    public Optional<ImportJob> find(String id) {
        JobState job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        if (job != null) {
            return Optional.of(job.snapshot());
        }
        return records.find(id).map(this::fromRecord);
    }

    /**
     * Runs a {@link ImportJob#confirmable() confirmable} import again, under the same id, with the
     * user's changes: after NEEDS_INPUT (the choice that was missing), after a dry run (to load:
     * {@link ImportChanges#load()}; a CRS that was only inferred counts as confirmed), or after a
     * failure. Its problems are cleared and found again.
     *
     * @throws NoSuchElementException when no import with this id is in memory
     * @throws IllegalStateException  when it is running, or already loaded
     * @throws ImportException        when the changed request cannot run (see {@link #submit})
     */
    public ImportJob confirm(String id, ImportChanges changes) {
        JobState job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        if (job == null) {
            throw new NoSuchElementException("no import " + id + " in memory");
        }
        synchronized (job) {
            ImportJob now = job.snapshot();
            if (!now.confirmable()) {
                throw new IllegalStateException("import " + id + " is " + now.status() + " and cannot be confirmed");
            }
            ImportChanges effective = changes;
            if (changes.crs() == null
                    && now.crsDetection() == Detection.INFERRED
                    && now.crs() != null
                    && now.request().options().crs() == null) {
                effective = changes.withCrs(Crs.parse(now.crs()));
            }
            ImportRequest changed = now.request().with(effective);
            check(changed);
            job.requeue(changed);
        }
        records.deleteIssues(id);
        records.save(job.record());
        start(job);
        return job.snapshot();
    }

    /**
     * Waits until an import is settled (or the time is up) and returns it as it then is.
     *
     * @throws NoSuchElementException when no import with this id is in memory
     */
    public ImportJob await(String id, Duration timeout) throws InterruptedException {
        JobState job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        if (job == null) {
            return find(id).orElseThrow(() -> new NoSuchElementException("no import " + id));
        }
        job.awaitSettled(timeout);
        return job.snapshot();
    }

    /** The latest import records, newest first; of one layer when {@code layerId} is not null. */
    public List<ImportRecord> recent(String layerId, int limit) {
        return records.recent(layerId, limit);
    }

    /** Up to {@code limit} problems of an import from {@code offset} on, in row order (all are stored). */
    public List<ImportIssue> issues(String id, long offset, int limit) {
        return records.issues(id, offset, limit).stream()
                .map(ImportService::toIssue)
                .flatMap(Optional::stream)
                .toList();
    }

    /** Writes an import's problem list as CSV in the language of {@code locale} (see {@link ImportReport}). */
    public void writeIssuesCsv(String id, Locale locale, OutputStream out) throws IOException {
        ImportReport.IssueCsv csv = ImportReport.issues(out, locale);
        records.forEachIssue(id, r -> toIssue(r).ifPresent(csv::write));
        csv.finish();
    }

    /** Writes an import's record (one header row and one data row) as CSV (see {@link ImportReport}). */
    public void writeRecordCsv(String id, Locale locale, OutputStream out) throws IOException {
        ImportRecord record = records.find(id).orElseThrow(() -> new NoSuchElementException("no import " + id));
        ImportReport.record(record, locale, out);
    }

    /**
     * Marks imports left QUEUED or RUNNING by a process that stopped (a restart, a kill) as FAILED
     * with {@code LOAD_FAILED}: their loads were rolled back by the store. Call once at start-up,
     * before submitting; never while another process imports into the same store.
     *
     * @return how many were marked
     */
    public int recoverInterrupted() {
        int n = 0;
        for (ImportRecord r : records.findByStatus(List.of(ImportStatus.QUEUED.name(), ImportStatus.RUNNING.name()))) {
            synchronized (jobs) {
                if (jobs.containsKey(r.id())) {
                    continue;
                }
            }
            records.addIssues(
                    r.id(),
                    List.of(new ImportIssueRecord(
                            r.id(),
                            r.fileName(),
                            0,
                            null,
                            IssueCode.LOAD_FAILED.name(),
                            IssueCode.LOAD_FAILED.severity().name(),
                            List.of())));
            records.save(new ImportRecord(
                    r.id(),
                    r.layerId(),
                    ImportStatus.FAILED.name(),
                    r.mode(),
                    r.fileName(),
                    r.fileSha256(),
                    r.fileSize(),
                    r.encoding(),
                    r.crs(),
                    r.readCount(),
                    0,
                    r.rejectedCount(),
                    r.issueCount() + 1,
                    r.dryRun(),
                    r.requestedBy(),
                    r.createdAt(),
                    Instant.now().atOffset(ZoneOffset.UTC),
                    IssueCode.LOAD_FAILED.name()));
            n++;
        }
        return n;
    }

    /**
     * Shuts down the service's own pool, if it has one: stops taking work and waits briefly for running imports;
     * an unfinished load is rolled back. A caller's executor is the caller's to shut down.
     */
    @Override
    public void close() {
        if (ownWorkers == null) {
            return;
        }
        ownWorkers.shutdown();
        try {
            if (!ownWorkers.awaitTermination(10, TimeUnit.SECONDS)) {
                ownWorkers.shutdownNow();
            }
        } catch (InterruptedException e) {
            ownWorkers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Refuses a derived layer (the results of an analysis, written by the analysis only).
     *
     * @param fileName the file the refusal names, or null
     * @throws ImportException {@code DERIVED_LAYER}
     */
    public static void checkImportable(LayerDef layer, String fileName) {
        if (layer.derived()) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.DERIVED_LAYER, layer.id()));
        }
    }

    private void check(ImportRequest request) {
        LayerDef layer = catalogue
                .find(request.layerId())
                .orElseThrow(() -> new ImportException(
                        ImportIssue.ofFile(request.fileName(), IssueCode.UNKNOWN_LAYER, request.layerId())));
        checkImportable(layer, request.fileName());
        if (request.mode() == LoadMode.UPSERT && layer.keyField() == null) {
            throw new ImportException(ImportIssue.ofFile(request.fileName(), IssueCode.UPSERT_WITHOUT_KEY, layer.id()));
        }
    }

    private void start(JobState job) {
        workers.execute(new ImportRun(
                job,
                catalogue,
                features,
                loads,
                records,
                sources,
                settings,
                layer -> layerLocks.computeIfAbsent(layer, l -> new ReentrantLock()),
                layer -> loadListeners.forEach(l -> l.accept(layer))));
    }

    /**
     * Keeps at most the configured number of jobs in memory: drops the oldest settled ones, those
     * that can no longer be confirmed first. A dropped job is still found through its record.
     */
    private void evictSettled() {
        int excess = jobs.size() - settings.jobsInMemory();
        for (boolean evenConfirmable : new boolean[] {false, true}) {
            for (Iterator<JobState> it = jobs.values().iterator(); it.hasNext() && excess > 0; ) {
                ImportJob job = it.next().snapshot();
                if (job.status().settled() && (evenConfirmable || !job.confirmable())) {
                    it.remove();
                    excess--;
                }
            }
        }
    }

    private ImportJob fromRecord(ImportRecord r) {
        List<ImportIssue> issues = new ArrayList<>(issues(r.id(), 0, settings.issuesInMemory()));
        return new ImportJob(
                r.id(),
                r.layerId(),
                ImportStatus.valueOf(r.status()),
                1.0,
                r.readCount(),
                r.importedCount(),
                r.rejectedCount(),
                r.issueCount(),
                issues,
                r.encoding(),
                null,
                r.crs(),
                null,
                null,
                null,
                Preview.EMPTY,
                null,
                r.fileName(),
                r.fileSha256(),
                r.fileSize(),
                r.dryRun(),
                r.message() == null ? null : parseCode(r.message()),
                r.createdAt().toInstant(),
                r.finishedAt() == null ? null : r.finishedAt().toInstant());
    }

    private static Optional<ImportIssue> toIssue(ImportIssueRecord r) {
        IssueCode code = parseCode(r.code());
        return code == null
                ? Optional.empty()
                : Optional.of(new ImportIssue(r.file(), r.row(), r.field(), code, r.args()));
    }

    private static IssueCode parseCode(String name) {
        try {
            return IssueCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null; // a code from a newer version
        }
    }
}
