package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.issue.Severity;
import cn.yiyang.planning.importer.mapping.ContentMatcher;
import cn.yiyang.planning.importer.mapping.Derivations;
import cn.yiyang.planning.importer.mapping.FieldMapper;
import cn.yiyang.planning.importer.mapping.MappingProposal;
import cn.yiyang.planning.importer.source.DetectedCrs;
import cn.yiyang.planning.importer.source.Detection;
import cn.yiyang.planning.importer.source.FeatureSource;
import cn.yiyang.planning.importer.source.SourceDescription;
import cn.yiyang.planning.importer.source.SourceOptions;
import cn.yiyang.planning.importer.source.SourceRecord;
import cn.yiyang.planning.importer.validate.KeyIndex;
import cn.yiyang.planning.importer.validate.RowValidator;
import cn.yiyang.planning.importer.validate.ValidatedRow;
import cn.yiyang.planning.importer.validate.ValidationContext;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.feature.LoadSummary;
import cn.yiyang.planning.layers.load.ImportRecordRepository;
import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an import, on a worker thread. A single pass over the file: each record is validated
 * and, unless it is a dry run, the accepted ones stream straight into {@link FeatureRepository#load}
 * — one transaction, COPY on PostGIS — so memory stays bounded and nothing is read twice. The pass runs
 * a few batches ahead of the load on a thread of its own ({@link ReadAhead}). Whatever
 * stops the pass (a rejected row under all-or-nothing, a broken file, the store, a killed process)
 * rolls the whole load back.
 */
final class ImportRun implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);

    /** File-level problems the user resolves by choosing: the job waits for input instead of failing. */
    static final Set<IssueCode> NEEDS_INPUT = Set.of(
            IssueCode.NO_CRS,
            IssueCode.CHOOSE_TABLE,
            IssueCode.NO_SUCH_TABLE,
            IssueCode.CRS_INFERRED,
            IssueCode.REQUIRED_FIELD_UNMAPPED,
            IssueCode.BAD_FIELD_MAPPING,
            IssueCode.ENCODING_UNKNOWN);

    /** Features handed from the reading thread to the load at a time, and batches read ahead at most. */
    private static final int READ_AHEAD_BATCH = 512;

    private static final int READ_AHEAD_BATCHES = 8;

    /** Beyond this many shapes the layer's keys have no shape to speak of. */
    private static final int MAX_KEY_SHAPES = 64;

    private final JobState job;
    private final ImportRequest request;
    private final LayerCatalogue catalogue;
    private final FeatureRepository features;
    private final LayerLoadRepository loads;
    private final ImportRecordRepository records;
    private final SourceFactory sources;
    private final ImportSettings settings;
    private final Function<String, Lock> layerLocks;
    /** Told the layer's id once a load is committed. */
    private final Consumer<String> loaded;

    private final IssueLog log;

    ImportRun(
            JobState job,
            LayerCatalogue catalogue,
            FeatureRepository features,
            LayerLoadRepository loads,
            ImportRecordRepository records,
            SourceFactory sources,
            ImportSettings settings,
            Function<String, Lock> layerLocks,
            Consumer<String> loaded) {
        this.job = job;
        this.request = job.request();
        this.catalogue = catalogue;
        this.features = features;
        this.loads = loads;
        this.records = records;
        this.sources = sources;
        this.settings = settings;
        this.layerLocks = layerLocks;
        this.loaded = loaded;
        this.log = new IssueLog(job, records, settings.issueBatch());
    }

    /** Ends the run early with a status and the problem that decided it (logged here unless it was already). */
    private static final class Stop extends RuntimeException {
        private final ImportStatus status;
        private final IssueCode why;
        private final ImportIssue toLog;

        Stop(ImportStatus status, IssueCode why, ImportIssue toLog) {
            super(why.name(), null, false, false);
            this.status = status;
            this.why = why;
            this.toLog = toLog;
        }

        static Stop with(ImportStatus status, ImportIssue issue) {
            return new Stop(status, issue.code(), issue);
        }

        /** For a problem already logged: waits for input when the user can resolve it by choosing, else fails. */
        static Stop after(ImportIssue logged) {
            return new Stop(
                    NEEDS_INPUT.contains(logged.code()) ? ImportStatus.NEEDS_INPUT : ImportStatus.FAILED,
                    logged.code(),
                    null);
        }
    }

    @Override
    public void run() {
        job.running();
        save();
        ImportStatus end = ImportStatus.FAILED;
        IssueCode why = null;
        try {
            end = execute();
        } catch (Stop stop) {
            if (stop.toLog != null) {
                log.add(stop.toLog);
            }
            end = stop.status;
            why = stop.why;
        } catch (ImportException e) {
            log.add(e.issue());
            end = NEEDS_INPUT.contains(e.issue().code()) ? ImportStatus.NEEDS_INPUT : ImportStatus.FAILED;
            why = e.issue().code();
        } catch (RuntimeException e) {
            LOG.warn("import {} into {} failed", job.id(), request.layerId(), e);
            log.add(ImportIssue.ofFile(request.fileName(), IssueCode.LOAD_FAILED));
            why = IssueCode.LOAD_FAILED;
        } finally {
            try {
                log.flush();
            } catch (RuntimeException e) {
                LOG.warn("import {}: problems could not all be recorded", job.id(), e);
            }
            if (end != ImportStatus.SUCCEEDED) {
                job.imported(0);
            }
            job.settle(end, why);
            save();
            job.done();
        }
    }

    /** The counties the user may write, as the messages name them. */
    private String counties() {
        return String.join("、", request.scope().counties());
    }

    private ImportStatus execute() {
        LayerDef layer = catalogue.get(request.layerId());
        long start = System.nanoTime();
        // the upload is hashed while the source opens (both read the files; the opening pass is mostly CPU); the
        // hash is recorded before anything the source tells, and its failure reported before the source's
        FileHash.Pending hashing = FileHash.inBackground(request.files());
        SourceOptions options = layer.geometry().hasGeometry()
                ? request.options()
                : request.options().forTableLayer();
        FeatureSource opened;
        try {
            opened = sources.open(request.files(), request.fileNames(), options);
        } catch (RuntimeException e) {
            try {
                recordHash(hashing);
            } catch (RuntimeException hashFailure) {
                hashFailure.addSuppressed(e);
                throw hashFailure;
            }
            throw e;
        }
        try {
            recordHash(hashing);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        long open = System.nanoTime();
        try (FeatureSource source = opened) {
            SourceDescription description = source.describe();
            job.source(description);
            String file = description.fileName() == null ? request.fileName() : description.fileName();
            log.addAll(description.issues());
            description.issues().stream()
                    .filter(i -> i.severity() == Severity.ERROR)
                    .findFirst()
                    .ifPresent(i -> {
                        throw Stop.after(i);
                    });
            if (request.scope().limited() && request.mode() == LoadMode.REPLACE && !request.dryRun()) {
                // replacing the layer would delete the features of the counties the user may not write
                throw Stop.with(
                        ImportStatus.FAILED, ImportIssue.ofFile(file, IssueCode.OUTSIDE_SCOPE, "REPLACE", counties()));
            }
            CrsTransform toLayer = transform(layer, description, file);
            Map<String, KeyIndex> references = references(layer);
            MappingProposal proposal = FieldMapper.propose(description, layer, request.fieldMap());
            List<FieldDef> wanted = ContentMatcher.wanted(layer, proposal.mapping());
            if (!wanted.isEmpty()) {
                proposal = ContentMatcher.refine(
                        proposal, layer, file, sample(source), storeKeys(layer, wanted, references));
            }
            job.mapping(proposal.mapping());
            log.addAll(proposal.issues());
            proposal.issues().stream()
                    .filter(i -> i.severity() == Severity.ERROR)
                    .findFirst()
                    .ifPresent(i -> {
                        throw Stop.after(i);
                    });
            ValidationContext context = new ValidationContext(
                    layer,
                    proposal.mapping(),
                    file,
                    toLayer,
                    settings.region(),
                    request.repairGeometry(),
                    existingKeys(layer),
                    references);
            Pass pass = new Pass(
                    source.records(),
                    new RowValidator(context, description.featureCount()),
                    file,
                    features.admission(layer, request.scope()));
            if (request.dryRun()) {
                while (pass.hasNext()) {
                    pass.next();
                }
                job.preview(pass.preview.preview());
                return ImportStatus.SUCCEEDED;
            }
            long prepared = System.nanoTime();
            long loaded = load(layer, pass);
            long stored = System.nanoTime();
            job.imported(loaded);
            try {
                loads.record(new LayerLoad(
                        layer.id(),
                        request.fileName(),
                        false,
                        request.mode().name(),
                        loaded,
                        request.requestedBy(),
                        null));
            } catch (RuntimeException e) {
                LOG.warn("import {}: loaded, but the layer load could not be recorded", job.id(), e);
            }
            try {
                this.loaded.accept(layer.id());
            } catch (RuntimeException e) {
                LOG.warn("import {}: loaded, but a listener failed", job.id(), e);
            }
            LOG.debug(
                    "import {}: {} rows into {}; opened in {} ms, prepared in {} ms, loaded in {} ms, recorded in {} ms",
                    job.id(),
                    loaded,
                    layer.id(),
                    (open - start) / 1_000_000,
                    (prepared - open) / 1_000_000,
                    (stored - prepared) / 1_000_000,
                    (System.nanoTime() - stored) / 1_000_000);
            return ImportStatus.SUCCEEDED;
        }
    }

    private void recordHash(FileHash.Pending hashing) {
        FileHash hash = hashing.get();
        job.file(hash.sha256(), hash.size());
        save();
    }

    private long load(LayerDef layer, Pass pass) {
        Lock lock = layerLocks.apply(layer.id());
        lock.lock();
        try {
            // The IMPORT history entry is written in the load's own transaction; its counts are read after the pass.
            LoadSummary summary = new LoadSummary(
                    HistoryOperation.IMPORT,
                    request.requestedBy(),
                    () -> Map.of(
                            "jobId",
                            job.id(),
                            "file",
                            request.fileName(),
                            "read",
                            job.read(),
                            "rejected",
                            job.rejected()));
            // Reading and checking run a few batches ahead of the load, on a thread of their own.
            try (ReadAhead<Feature> ahead =
                    new ReadAhead<>(pass, READ_AHEAD_BATCH, READ_AHEAD_BATCHES, "import-read")) {
                return features.load(layer, request.mode(), ahead, summary);
            }
        } finally {
            lock.unlock();
            job.preview(pass.preview.preview());
        }
    }

    /**
     * The transformation from the file's CRS (the user's choice, else what the file says) to
     * EPSG:4490; stops for input when there is none, or when it was only inferred and this is a load.
     */
    private CrsTransform transform(LayerDef layer, SourceDescription description, String file) {
        DetectedCrs detected = description.crs();
        Crs crs = request.options().crs();
        Detection how = Detection.USER;
        if (crs == null && detected != null) {
            crs = detected.crs();
            how = detected.how();
        }
        if (crs == null) {
            how = detected == null ? Detection.UNKNOWN : detected.how();
        }
        job.crs(crs == null ? null : crs.code(), how);
        if (!layer.geometry().hasGeometry()) {
            if (!description.geometryTypes().isEmpty()) {
                throw Stop.with(
                        ImportStatus.FAILED, ImportIssue.ofFile(file, IssueCode.GEOMETRY_NOT_EXPECTED, layer.id()));
            }
            return null;
        }
        if (crs == null) {
            boolean reported = description.issues().stream().anyMatch(i -> i.code() == IssueCode.NO_CRS);
            throw new Stop(
                    ImportStatus.NEEDS_INPUT,
                    IssueCode.NO_CRS,
                    reported ? null : ImportIssue.ofFile(file, IssueCode.NO_CRS));
        }
        if (how == Detection.INFERRED && !request.dryRun()) {
            boolean reported = description.issues().stream().anyMatch(i -> i.code() == IssueCode.CRS_INFERRED);
            throw new Stop(
                    ImportStatus.NEEDS_INPUT,
                    IssueCode.CRS_INFERRED,
                    reported ? null : ImportIssue.ofFile(file, IssueCode.CRS_INFERRED, crs.code()));
        }
        return CrsTransform.of(crs, Crs.CGCS2000);
    }

    /** The values of the file's first {@link ContentMatcher#SAMPLE_ROWS} records, by column. */
    private static Map<String, List<Object>> sample(FeatureSource source) {
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        source.describe().fields().forEach(f -> columns.put(f.name(), new ArrayList<>()));
        Iterator<SourceRecord> it = source.records();
        try {
            for (int n = 0; n < ContentMatcher.SAMPLE_ROWS && it.hasNext(); n++) {
                SourceRecord r = it.next();
                columns.forEach((name, values) -> values.add(r.values().get(name)));
            }
        } finally {
            if (it instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("closing a sample's reader", e);
                }
            }
        }
        return columns;
    }

    /** What a column's values are compared with: the referenced layers' keys, the shapes of the layer's keys. */
    private ContentMatcher.StoreKeys storeKeys(
            LayerDef layer, List<FieldDef> wanted, Map<String, KeyIndex> references) {
        Map<String, Predicate<String>> refs = new HashMap<>();
        references.forEach((field, keys) -> refs.put(field, keys::contains));
        Set<String> shapes = new HashSet<>();
        if (wanted.stream().anyMatch(f -> f.name().equals(layer.keyField()))) {
            features.forEachKey(layer, k -> {
                if (shapes.size() < MAX_KEY_SHAPES) {
                    shapes.add(ContentMatcher.shape(k));
                }
            });
        }
        return new ContentMatcher.StoreKeys(refs, shapes);
    }

    /** The layer's keys when appending (a row may not repeat one), else null. */
    private KeyIndex existingKeys(LayerDef layer) {
        if (request.mode() != LoadMode.APPEND || layer.keyField() == null) {
            return null;
        }
        KeyIndex keys = new KeyIndex(16_384);
        features.forEachKey(layer, keys::add);
        return keys;
    }

    /**
     * For each field that refers to another layer, that layer's keys (and the values of its group field, when the
     * reference may name a group), each layer read once.
     */
    private Map<String, KeyIndex> references(LayerDef layer) {
        Map<String, KeyIndex> byLayer = new HashMap<>();
        Map<String, KeyIndex> byField = new HashMap<>();
        for (FieldDef f : layer.fields()) {
            LayerDef target = f.references() == null
                    ? null
                    : catalogue.find(f.references()).orElse(null);
            if (target == null || target.keyField() == null || target.id().equals(layer.id())) {
                continue;
            }
            // a field that may name a group (an inspection's route code) takes the group values beside the keys
            String group = f.referenceGroup();
            byField.put(f.name(), byLayer.computeIfAbsent(target.id() + (group == null ? "" : "#" + group), id -> {
                KeyIndex keys = new KeyIndex(4_096);
                features.forEachKey(target, keys::add);
                if (group != null) {
                    features.forEachValue(target, group, keys::add);
                }
                return keys;
            }));
        }
        return byField;
    }

    private void save() {
        try {
            records.save(job.record());
        } catch (RuntimeException e) {
            LOG.warn("import {}: the record could not be saved", job.id(), e);
        }
    }

    /**
     * The single pass: validates every record, logs its problems, samples the preview, and hands the
     * accepted features on. At the end it throws {@link Stop} — which rolls back a load — when the
     * policy is all-or-nothing and a row was rejected, when every row was rejected, or when the file
     * had no rows.
     */
    private final class Pass implements Iterator<Feature> {
        private final Iterator<SourceRecord> records;
        private final RowValidator validator;
        private final String file;
        private final PreviewSampler preview = new PreviewSampler(settings.previewFeatures());
        private Feature next;
        private long accepted;
        private long rejected;
        private boolean ended;
        private final Predicate<Feature> admitted;

        /** @param admitted the rows the user may write: in its counties ({@link FeatureRepository#admission}) */
        Pass(Iterator<SourceRecord> records, RowValidator validator, String file, Predicate<Feature> admitted) {
            this.records = records;
            this.validator = validator;
            this.file = file;
            this.admitted = admitted;
        }

        /** The row, or the row refused with {@code OUTSIDE_SCOPE} when it lies outside the user's counties. */
        private ValidatedRow scoped(ValidatedRow row) {
            if (row.rejected() || admitted.test(row.feature())) {
                return row;
            }
            LayerDef layer = validator.layer();
            String field = "geometry";
            String where = row.feature().geometry() == null
                    ? "-"
                    : row.feature()
                            .geometry()
                            .getInteriorPoint()
                            .getCoordinate()
                            .toString();
            for (String name : List.of("county_code", "township_code", "village_code", layer.keyField())) {
                if (name != null
                        && layer.field(name).isPresent()
                        && row.feature().getString(name) != null) {
                    field = name;
                    where = row.feature().getString(name);
                    break;
                }
            }
            List<ImportIssue> issues = new ArrayList<>(row.issues());
            issues.add(ImportIssue.ofRow(file, row.row(), field, IssueCode.OUTSIDE_SCOPE, where, counties()));
            return new ValidatedRow(row.row(), null, row.geometry(), issues);
        }

        @Override
        public boolean hasNext() {
            while (next == null && !ended) {
                if (!records.hasNext()) {
                    ended = true;
                    end();
                    break;
                }
                ValidatedRow row = scoped(validator.validate(records.next()));
                row.issues().forEach(log::add);
                preview.offer(row);
                job.rowRead(row.rejected());
                if (row.rejected()) {
                    rejected++;
                } else {
                    accepted++;
                    if (rejected == 0 || request.rejectPolicy() == RejectPolicy.SKIP_INVALID) {
                        next = row.feature();
                    }
                }
            }
            return next != null;
        }

        private void end() {
            LayerDef layer = validator.layer();
            validator
                    .derivedCounts()
                    .forEach((name, rows) -> layer.field(name)
                            .ifPresent(f -> log.add(ImportIssue.ofRow(
                                    file,
                                    0,
                                    name,
                                    IssueCode.VALUES_DERIVED,
                                    name,
                                    f.titleZh(),
                                    f.titleEn(),
                                    rows,
                                    String.join(
                                            ", ",
                                            Derivations.of(layer).stream()
                                                    .filter(d -> d.field().equals(name))
                                                    .findFirst()
                                                    .map(Derivations.Derivation::from)
                                                    .orElse(List.of()))))));
            if (request.dryRun()) {
                return;
            }
            if (accepted + rejected == 0) {
                throw Stop.with(ImportStatus.FAILED, ImportIssue.ofFile(file, IssueCode.EMPTY_FILE));
            }
            if (rejected > 0 && (accepted == 0 || request.rejectPolicy() == RejectPolicy.ALL_OR_NOTHING)) {
                throw Stop.with(ImportStatus.FAILED, ImportIssue.ofFile(file, IssueCode.ROWS_REJECTED, rejected));
            }
        }

        @Override
        public Feature next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Feature f = next;
            next = null;
            return f;
        }
    }
}
