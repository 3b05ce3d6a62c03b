package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.AnalysisRunRepository;
import cn.yiyang.planning.layers.analysis.IndicatorTargetRepository;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.feature.LoadSummary;
import cn.yiyang.planning.layers.feature.StagedLoad;
import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every {@link AnalysisKind} the same way: checks who asks and the settings, queues the run on the
 * {@value AnalysisConfiguration#WORKER} worker (one run at a time), records the versions of the layers it reads,
 * reports its progress, and stores what it computed: the indicators of every unit and group with the plan period's
 * targets under the run (every run's are kept, so runs can be compared and trends drawn; natural villages' only for
 * the latest {@code planning.analyses.natural-village-runs} successful runs), the result layers (each
 * replaced, holding the latest run), and its summary and problems with the run. A run that throws is marked failed
 * with {@code analysis_failed}; the log has the cause, the user never sees it.
 */
@Service
public class AnalysisRunner {

    private static final Logger log = LoggerFactory.getLogger(AnalysisRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, AnalysisKind> kinds = new LinkedHashMap<>();
    private final AnalysisRunRepository runs;
    private final IndicatorTargetRepository targets;
    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final LayerVersions versions;
    private final LayerLoadRepository loads;
    private final AuditLog audit;
    private final String planPeriod;
    private final int naturalVillageRuns;
    private final Executor worker;

    /**
     * @param kinds every kind of analysis
     * @param runs the runs and their indicators
     * @param targets the plan's targets
     * @param features the layers
     * @param catalogue the catalogue
     * @param versions told of the result layers each run replaced
     * @param loads the record of loads (results of synthetic inputs are synthetic)
     * @param planPeriod the plan period of the targets
     * @param naturalVillageRuns the successful runs of a kind whose natural-village values are kept (at least 1);
     *     older runs keep those of villages and coarser units
     * @param worker runs one run at a time
     */
    public AnalysisRunner(
            List<AnalysisKind> kinds,
            AnalysisRunRepository runs,
            IndicatorTargetRepository targets,
            FeatureRepository features,
            LayerCatalogue catalogue,
            LayerVersions versions,
            LayerLoadRepository loads,
            AuditLog audit,
            @Value("${planning.plan-period:2021-2025}") String planPeriod,
            @Value("${planning.analyses.natural-village-runs:5}") int naturalVillageRuns,
            @Qualifier(AnalysisConfiguration.WORKER) Executor worker) {
        // Pages, the API and the first runs list them in theme order (roads first), then by id.
        kinds.stream()
                .sorted(Comparator.comparing(AnalysisKind::theme).thenComparing(AnalysisKind::id))
                .forEach(k -> this.kinds.put(k.id(), k));
        this.runs = runs;
        this.targets = targets;
        this.features = features;
        this.catalogue = catalogue;
        this.versions = versions;
        this.loads = loads;
        this.audit = audit;
        this.planPeriod = planPeriod;
        if (naturalVillageRuns < 1) {
            throw new IllegalArgumentException(
                    "planning.analyses.natural-village-runs must be at least 1, not " + naturalVillageRuns);
        }
        this.naturalVillageRuns = naturalVillageRuns;
        this.worker = worker;
    }

    /** @return every kind, in registration order */
    public List<AnalysisKind> kinds() {
        return List.copyOf(kinds.values());
    }

    /**
     * @param id a kind's id ({@code water-supply}) or stored kind ({@code water_supply})
     * @return the kind
     * @throws UnknownAnalysisException when there is none
     */
    public AnalysisKind kind(String id) {
        AnalysisKind k = id == null ? null : kinds.get(id.replace('_', '-'));
        if (k == null) {
            throw new UnknownAnalysisException(id, String.join(", ", kinds.keySet()));
        }
        return k;
    }

    /** @return the plan period whose targets stand beside the values, e.g. 2021-2025 */
    public String planPeriod() {
        return planPeriod;
    }

    /**
     * Checks and queues a run.
     *
     * @param kindId the kind
     * @param settings the settings asked for (null or absent ones take their defaults)
     * @param user who asks
     * @return the run, queued
     * @throws cn.yiyang.planning.app.security.ForbiddenException when the user may not run it
     * @throws BadSettingException when a setting is unknown, of the wrong type or out of range
     */
    public AnalysisRun start(String kindId, Map<String, ?> settings, AppUser user) {
        Permissions.check(user, Action.runAnalysis(kind(kindId).theme()));
        return queue(kindId, settings, user.name());
    }

    /**
     * Queues a run the system asks for (a schedule, the first start): no user to check.
     *
     * @param kindId the kind
     * @param settings the settings (null or absent ones take their defaults)
     * @param requestedBy who is recorded as asking ({@code scheduler})
     * @return the run, queued
     */
    public AnalysisRun startScheduled(String kindId, Map<String, ?> settings, String requestedBy) {
        return queue(kindId, settings, requestedBy);
    }

    private AnalysisRun queue(String kindId, Map<String, ?> settings, String requestedBy) {
        AnalysisKind kind = kind(kindId);
        RunSettings resolved = RunSettings.resolve(kind.settings(), settings, LocalDate.now(Region.TIME_ZONE));
        AnalysisRun run = AnalysisRun.queued(
                UUID.randomUUID().toString(),
                kind.storedKind(),
                requestedBy,
                JSON.writeValueAsString(resolved.values()));
        runs.create(run);
        audit.record(requestedBy, "analysis-run", null, run.id(), kind.id() + " " + run.settingsJson());
        worker.execute(() -> execute(kind, run, resolved));
        return run;
    }

    /**
     * @param id a run id
     * @return the run, of any kind
     * @throws RunNotFoundException if there is none
     */
    public AnalysisRun get(String id) {
        return runs.find(id).orElseThrow(() -> new RunNotFoundException(id));
    }

    /** @return the latest runs of a kind (every kind when null), newest first */
    public List<AnalysisRun> recent(String kindId, int limit) {
        return runs.recent(kindId == null ? null : kind(kindId).storedKind(), limit);
    }

    /** @return the kind's latest successful run */
    public Optional<AnalysisRun> latest(String kindId) {
        return runs.latestSucceeded(kind(kindId).storedKind());
    }

    /**
     * @param kindId the kind
     * @param runId one of its runs, or null for its latest successful one
     * @param level the units' level
     * @param code a unit code, or null for every unit of the level
     * @param group the villages counted, or null for every group
     * @param indicator an indicator, or null for all
     * @return the values, ordered by code, indicator and group; empty when no run succeeded yet
     * @throws RunNotFoundException when the run named is not one of the kind
     */
    public List<IndicatorValue> indicators(
            String kindId, String runId, UnitLevel level, String code, UnitGroup group, Indicator indicator) {
        AnalysisKind kind = kind(kindId);
        String id;
        if (runId != null) {
            AnalysisRun run = get(runId);
            if (!run.kind().equals(kind.storedKind())) {
                throw new RunNotFoundException(runId);
            }
            id = run.id();
        } else {
            id = latest(kindId).map(AnalysisRun::id).orElse(null);
        }
        return id == null ? List.of() : runs.indicators(id, level, code, group, indicator);
    }

    /** @return the values of one indicator of one unit and group over the kind's successful runs, oldest first */
    public List<IndicatorValue> history(
            String kindId, Indicator indicator, UnitLevel level, String code, UnitGroup group) {
        return runs.history(kind(kindId).storedKind(), indicator, level, code, group);
    }

    private void execute(AnalysisKind kind, AnalysisRun queued, RunSettings settings) {
        AnalysisRun run = queued;
        Early early = new Early(kind);
        try {
            long t0 = System.nanoTime();
            run = queued.started(Instant.now(), JSON.writeValueAsString(dataVersion(kind)));
            runs.update(run);
            Progress progress = new Progress(run);
            RunOutput out =
                    kind.compute(new RunContext(run.id(), run.requestedBy(), settings, progress::report, early));
            long t1 = System.nanoTime();
            run = progress.current.withProgress(0.85);
            runs.update(run);
            Map<String, Long> storeSteps = new TreeMap<>();
            AnalysisRun stored = run;
            timed(storeSteps, "indicators", () -> saveIndicators(stored.id(), out.indicators()));
            writeLayers(kind, stored, out, early, storeSteps);
            timed(storeSteps, "prune", () -> pruneNaturalVillages(kind));
            long t2 = System.nanoTime();
            run = run.succeeded(Instant.now(), JSON.writeValueAsString(summary(out, t1 - t0, t2 - t1, storeSteps)));
            runs.update(run);
            log.info(
                    "{} run {}: computed in {} ms, stored in {} ms",
                    kind.id(),
                    run.id(),
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("{} run {} failed", kind.id(), run.id(), e);
            runs.update(run.failed(Instant.now(), "analysis_failed"));
        } finally {
            early.discardRest();
        }
    }

    /**
     * The result layers a run handed early ({@link RunContext.EarlyRows}), each staged on a thread of its own while
     * the computation goes on ({@link FeatureRepository#stage}); the store step commits them. A staging that failed,
     * or rows that are not the ones the run returned, fall back to an ordinary load; what nobody committed (a failed
     * run) is discarded. On the embedded store this writes a road-access run's unserved households while the run
     * rolls up its indicators and finds its gaps (bench/RESULTS.md, issue 14).
     */
    private final class Early implements RunContext.EarlyRows {
        private final AnalysisKind kind;
        private final Map<String, Staging> staged = new ConcurrentHashMap<>();

        private record Staging(List<Feature> rows, FutureTask<StagedLoad> task) {}

        Early(AnalysisKind kind) {
            this.kind = kind;
        }

        @Override
        public void accept(String layerId, List<Feature> rows) {
            if (!kind.resultLayers().contains(layerId)) {
                throw new IllegalArgumentException(layerId + " is not a result layer of " + kind.id());
            }
            LayerDef layer = catalogue.get(layerId);
            FutureTask<StagedLoad> task = new FutureTask<>(() -> features.stage(layer, rows));
            if (staged.putIfAbsent(layerId, new Staging(rows, task)) != null) {
                throw new IllegalStateException(layerId + " was handed early twice");
            }
            Thread.ofPlatform()
                    .name(Thread.currentThread().getName() + "-stage")
                    .daemon()
                    .start(task);
        }

        /**
         * The staged load of these rows of the layer, when it was handed them early and staging succeeded.
         *
         * @throws IllegalStateException when the worker is interrupted (the app stops) while it waits: nothing more is
         *     written (an interrupted write closes the embedded store's file)
         */
        Optional<StagedLoad> take(String layerId, List<Feature> rows) {
            Staging s = staged.remove(layerId);
            StagedLoad load = s == null ? null : awaited(layerId, s.task());
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while " + layerId + " was written");
            }
            if (load != null && s.rows() != rows) {
                load.discard(); // the run returned other rows than it handed early: those are the results
                return Optional.empty();
            }
            return Optional.ofNullable(load);
        }

        /** Discards what was staged and not committed; not on an interrupted worker (the next replace drops it). */
        void discardRest() {
            for (String layerId : List.copyOf(staged.keySet())) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                Staging s = staged.remove(layerId);
                StagedLoad load = awaited(layerId, s.task());
                if (load != null) {
                    load.discard();
                }
            }
        }

        private StagedLoad awaited(String layerId, FutureTask<StagedLoad> task) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                log.warn(
                        "{}: {} not written early, it is written now: {}",
                        kind.id(),
                        layerId,
                        e.getCause().toString());
                return null;
            }
        }
    }

    /**
     * The last of a run's store steps, once its results are written: the natural-village values of the kind's earlier
     * runs are deleted but for those of its latest {@code naturalVillageRuns - 1} successful ones (with this run's,
     * {@code naturalVillageRuns} are kept). They are most of a road-access run's values (64,860 of 74,807 on the full
     * demo city: 5 indicators of 12,972 natural villages), and no page draws a trend from them (the dashboard's and
     * the analysis pages' trends are of villages and coarser units). Kept as rows for every run they grew the embedded
     * store by about 30 MB a run; as documents (V28) by a few MB, which this keeps from adding up. Inside the run, so
     * that nothing of a run still works on the store once it has ended. A failure is logged and fails nothing: the
     * next run deletes them.
     */
    private void pruneNaturalVillages(AnalysisKind kind) {
        try {
            int n = runs.pruneLevel(kind.storedKind(), UnitLevel.NATURAL_VILLAGE, naturalVillageRuns - 1);
            if (n > 0) {
                log.debug("{}: {} natural-village values of earlier runs deleted", kind.id(), n);
            }
        } catch (RuntimeException e) {
            log.warn("{}: natural-village values of earlier runs not deleted: {}", kind.id(), e.toString());
        }
    }

    /** Maps the computation's progress onto 0.05..0.8 of the run and stores it every 5 %. */
    private final class Progress {
        private AnalysisRun current;
        private double last;

        Progress(AnalysisRun run) {
            this.current = run.withProgress(0.05);
            this.last = 0.05;
            runs.update(current);
        }

        void report(double fraction) {
            double p = 0.05 + 0.75 * Math.max(0, Math.min(1, fraction));
            if (p - last >= 0.05) {
                last = p;
                current = current.withProgress(p);
                runs.update(current);
            }
        }
    }

    private static Map<String, Object> summary(RunOutput out, long computeNs, long storeNs, Map<String, Long> steps) {
        Map<String, Object> s = new LinkedHashMap<>(out.summary());
        s.put("problemCount", out.problems().size());
        s.put("computeMs", computeNs / 1_000_000);
        s.put("storeMs", storeNs / 1_000_000);
        s.put("storeSteps", steps);
        s.put(
                RunJson.STORED_PROBLEMS,
                out.problems().stream().limit(RunOutput.MAX_PROBLEMS).toList());
        return s;
    }

    private static void timed(Map<String, Long> steps, String step, Runnable work) {
        long t = System.nanoTime();
        work.run();
        steps.put(step, (System.nanoTime() - t) / 1_000_000);
    }

    private Map<String, Long> dataVersion(AnalysisKind kind) {
        Map<String, Long> v = new TreeMap<>();
        kind.inputLayers().forEach(id -> v.put(id, features.version(catalogue.get(id))));
        return v;
    }

    private void saveIndicators(String runId, List<UnitIndicator> indicators) {
        Map<String, Double> goals = targets.targets(planPeriod);
        List<IndicatorValue> values = new ArrayList<>(indicators.size());
        for (UnitIndicator u : indicators) {
            values.add(IndicatorValue.of(runId, u, goals.get(u.indicator().id())));
        }
        runs.saveIndicators(runId, values);
    }

    private void writeLayers(AnalysisKind kind, AnalysisRun run, RunOutput out, Early early, Map<String, Long> steps) {
        // Results of synthetic data are synthetic: the layers say so wherever they show.
        boolean synthetic = kind.inputLayers().stream()
                .map(loads::latest)
                .anyMatch(l -> l.isPresent() && l.get().synthetic());
        String source = kind.id() + " run " + run.id();
        for (String layer : kind.resultLayers()) {
            List<Feature> rows = out.layers().getOrDefault(layer, List.of());
            timed(steps, layer, () -> {
                LoadSummary summary =
                        LoadSummary.of(HistoryOperation.ANALYSIS, run.requestedBy(), Map.of("runId", run.id()));
                long n = early.take(layer, rows)
                        .map(staged -> committed(kind, layer, staged, summary))
                        .orElseGet(
                                () -> features.load(catalogue.get(layer), LoadMode.REPLACE, rows.iterator(), summary));
                loads.record(
                        new LayerLoad(layer, source, synthetic, LoadMode.REPLACE.name(), n, run.requestedBy(), null));
            });
        }
        versions.changed(kind.resultLayers().toArray(String[]::new));
    }

    /** Commits a layer's early rows; null when that failed (the layer left as it was), so that they are loaded now. */
    private Long committed(AnalysisKind kind, String layer, StagedLoad staged, LoadSummary summary) {
        try {
            return staged.commit(summary);
        } catch (RuntimeException e) {
            log.warn(
                    "{}: {} written early could not be swapped in, it is written now: {}",
                    kind.id(),
                    layer,
                    e.toString());
            return null;
        }
    }
}
