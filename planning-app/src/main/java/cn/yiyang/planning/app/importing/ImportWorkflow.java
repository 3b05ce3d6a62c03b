package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.job.ImportChanges;
import cn.yiyang.planning.importer.job.ImportJob;
import cn.yiyang.planning.importer.job.ImportRequest;
import cn.yiyang.planning.importer.job.ImportService;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.load.ImportRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Imports as the REST API and the import page use them: checks who may write into the layer, refuses at
 * once what can be seen without reading the data ({@link UploadCheck}), submits to the engine's
 * {@link ImportService}, and keeps each import's upload folder while the import may still be confirmed
 * (deleted once it has loaded, or is no longer in memory; at start-up, those left older than a day).
 */
@Service
public class ImportWorkflow {

    /** Uploads untouched this long and not held by a confirmable import are deleted. */
    static final Duration ABANDONED = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(ImportWorkflow.class);

    private final ImportService imports;
    private final UploadStore uploads;
    private final LayerCatalogue catalogue;
    private final UploadCheck check;
    private final AuditLog audit;
    /** Import id → its upload folder, while the import may be confirmed. */
    private final Map<String, Path> held = new ConcurrentHashMap<>();
    /** Upload folders being filled on an import page, not yet an import's. */
    private final Map<Path, Boolean> drafts = new ConcurrentHashMap<>();

    private final DataScopes scopes;

    /** With the default household roles ({@link DataScopes#standard}), for pages built without Spring. */
    ImportWorkflow(ImportService imports, UploadStore uploads, LayerCatalogue catalogue, AuditLog audit) {
        this(imports, uploads, catalogue, audit, DataScopes.standard());
    }

    /** @param scopes the counties each user may import into: rows outside them are refused one by one */
    @Autowired
    ImportWorkflow(
            ImportService imports, UploadStore uploads, LayerCatalogue catalogue, AuditLog audit, DataScopes scopes) {
        this.scopes = scopes;
        this.imports = imports;
        this.audit = audit;
        this.uploads = uploads;
        this.catalogue = catalogue;
        this.check = new UploadCheck(uploads.maxBytes());
    }

    /**
     * Deletes the upload folders a stopped process left, older than a day (no import of this process holds one
     * yet): at start (see {@link ImportConfiguration#leftByTheLastProcess}).
     */
    void sweepAbandoned() {
        int deleted = uploads.sweep(folder -> false, ABANDONED);
        if (deleted > 0) {
            log.info("deleted {} upload folder(s) of imports older than a day", deleted);
        }
    }

    /** The catalogue's layers, in catalogue order (grouped by theme). */
    public List<LayerDef> layers() {
        return catalogue.layers();
    }

    /** The layers the user may import into: source layers of the user's themes (never derived ones). */
    public List<LayerDef> writableLayers(AppUser user) {
        return catalogue.sourceLayers().stream()
                .filter(l -> Permissions.allows(user, Action.write(l)))
                .toList();
    }

    /** A layer by id; throws {@link cn.yiyang.planning.layers.catalogue.UnknownLayerException}. */
    public LayerDef layer(String id) {
        return catalogue.get(id);
    }

    /** The most an upload may hold, in bytes. */
    public long maxUploadBytes() {
        return uploads.maxBytes();
    }

    /** A new upload to fill; {@link #discard} it when the page leaves it. */
    public UploadBatch newUpload() {
        UploadBatch batch = uploads.newBatch();
        drafts.put(batch.folder(), Boolean.TRUE);
        return batch;
    }

    /** Deletes an upload that no import holds. */
    public void discard(UploadBatch batch) {
        drafts.remove(batch.folder());
        if (!held.containsValue(batch.folder())) {
            batch.delete();
        }
    }

    /**
     * Queues an import of an upload into a layer. The upload then belongs to the import (copy a draft
     * first to keep using it): it is deleted when the import can no longer be confirmed, or at once when
     * it is refused.
     *
     * @throws cn.yiyang.planning.layers.catalogue.UnknownLayerException for an unknown layer
     * @throws cn.yiyang.planning.importer.issue.ImportException DERIVED_LAYER for a layer of analysis results
     * @throws cn.yiyang.planning.app.security.ForbiddenException when the user's roles do not own the layer
     * @throws cn.yiyang.planning.importer.issue.ImportException EMPTY_FILE, TOO_LARGE, ZIP_SLIP, UPSERT_WITHOUT_KEY …
     */
    public ImportJob submit(AppUser user, String layerId, UploadBatch upload, ImportOptions options) {
        try {
            LayerDef layer = catalogue.get(layerId);
            ImportService.checkImportable(layer, null);
            Permissions.check(user, Action.write(layer));
            if (upload.isEmpty()) {
                throw new IllegalArgumentException("an import needs at least one file");
            }
            check.check(upload.files(), upload.names());
            ImportRequest.Builder request = ImportRequest.builder(layer.id(), user.name())
                    .encoding(options.encoding())
                    .crs(options.crs())
                    .table(options.table())
                    .mode(options.mode().loadMode())
                    .fieldMap(options.fieldMap())
                    .dryRun(options.dryRun())
                    .repairGeometry(options.repair())
                    .rejectPolicy(options.rejectPolicy());
            List<Path> files = upload.files();
            List<String> names = upload.names();
            for (int i = 0; i < files.size(); i++) {
                request.file(files.get(i), names.get(i));
            }
            ImportJob job = imports.submit(request.build().within(scopes.of(user)));
            audit.record(
                    user.name(),
                    options.dryRun() ? "import-check" : "import",
                    layer.id(),
                    job.id(),
                    String.join(", ", names) + " (" + options.mode().loadMode() + ")");
            held.put(job.id(), upload.folder());
            drafts.remove(upload.folder());
            return job;
        } catch (RuntimeException e) {
            if (!drafts.containsKey(upload.folder())) {
                upload.delete();
            }
            throw e;
        }
    }

    /** The import with this id, live or from its record. */
    public Optional<ImportJob> find(String id) {
        Optional<ImportJob> job = imports.find(id);
        job.ifPresent(this::release);
        return job;
    }

    /** The import with this id; throws {@link ImportNotFoundException}. */
    public ImportJob get(String id) {
        return find(id).orElseThrow(() -> new ImportNotFoundException(id));
    }

    /**
     * Runs an import again with the user's changes (see {@link ImportService#confirm}).
     *
     * @throws ImportNotFoundException  for an unknown id
     * @throws cn.yiyang.planning.app.security.ForbiddenException when the user's roles do not own the layer
     * @throws ImportConflictException  when it is queued, running, loaded, or no longer in memory
     */
    public ImportJob confirm(AppUser user, String id, ImportChanges changes) {
        ImportJob job = get(id);
        Permissions.check(user, Action.write(catalogue.get(job.layerId())));
        if (!job.confirmable()) {
            throw new ImportConflictException(id, job.status());
        }
        try {
            ImportJob confirmed = imports.confirm(id, changes);
            audit.record(
                    user.name(),
                    Boolean.TRUE.equals(changes.dryRun()) ? "import-check" : "import-confirm",
                    job.layerId(),
                    id,
                    changes.mode() == null ? null : String.valueOf(changes.mode()));
            return confirmed;
        } catch (NoSuchElementException | IllegalStateException e) {
            throw new ImportConflictException(
                    id, imports.find(id).map(ImportJob::status).orElse(job.status()));
        }
    }

    /**
     * Runs an import again with the page's options: the CRS, encoding and table chosen (null keeps what
     * the import has), the mode, repair and reject policy as set, the edited field map (empty keeps the
     * current one), loading unless {@code options.dryRun()}.
     */
    public ImportJob confirm(AppUser user, String id, ImportOptions options) {
        return confirm(
                user,
                id,
                new ImportChanges(
                        options.fieldMap().isEmpty() ? null : options.fieldMap(),
                        options.crs(),
                        options.encoding(),
                        options.table(),
                        options.mode().loadMode(),
                        options.repair(),
                        options.rejectPolicy(),
                        options.dryRun()));
    }

    /** Waits up to {@code timeout} for an import to settle; as {@link ImportService#await}. */
    public ImportJob await(String id, Duration timeout) throws InterruptedException {
        get(id);
        ImportJob job = imports.await(id, timeout);
        release(job);
        return job;
    }

    /** The latest imports, newest first; of one layer when {@code layerId} is not null. */
    public List<ImportSummary> recent(String layerId, int limit) {
        if (layerId != null) {
            catalogue.get(layerId);
        }
        return imports.recent(layerId, limit).stream()
                .map(ImportWorkflow::summary)
                .toList();
    }

    /** Problems of an import from {@code offset} on, in row order. */
    public List<ImportIssue> issues(String id, long offset, int limit) {
        return imports.issues(id, offset, limit);
    }

    /** Writes the problem list as CSV (UTF-8 with BOM) in the language of {@code locale}. */
    public void writeIssuesCsv(String id, Locale locale, OutputStream out) throws IOException {
        get(id);
        imports.writeIssuesCsv(id, locale, out);
    }

    /** Writes the import's record as CSV (UTF-8 with BOM). */
    public void writeRecordCsv(String id, Locale locale, OutputStream out) throws IOException {
        get(id);
        imports.writeRecordCsv(id, locale, out);
    }

    /** Deletes the uploads of imports that can no longer be confirmed, and abandoned ones. */
    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void sweep() {
        try {
            for (String id : List.copyOf(held.keySet())) {
                imports.find(id).ifPresentOrElse(this::release, () -> uploads.delete(held.remove(id)));
            }
            uploads.sweep(folder -> held.containsValue(folder) || drafts.containsKey(folder), ABANDONED);
        } catch (RuntimeException e) {
            log.warn("sweeping the uploads failed", e);
        }
    }

    /** Deletes a settled import's upload once it can no longer be confirmed. */
    private void release(ImportJob job) {
        if (job.status().settled() && !job.confirmable()) {
            Path folder = held.remove(job.id());
            if (folder != null && !drafts.containsKey(folder)) {
                uploads.delete(folder);
            }
        }
    }

    private static ImportSummary summary(ImportRecord r) {
        return new ImportSummary(
                r.id(),
                r.layerId(),
                r.status(),
                r.mode(),
                r.fileName(),
                r.fileSha256(),
                r.fileSize(),
                r.encoding(),
                r.crs(),
                r.readCount(),
                r.importedCount(),
                r.rejectedCount(),
                r.issueCount(),
                r.dryRun(),
                r.requestedBy(),
                r.createdAt().toInstant(),
                r.finishedAt() == null ? null : r.finishedAt().toInstant(),
                r.message());
    }
}
