package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.AccessInput;
import cn.yiyang.planning.geo.access.AccessResult;
import cn.yiyang.planning.geo.access.AccessResult.Gap;
import cn.yiyang.planning.geo.access.AccessResult.HouseholdAccess;
import cn.yiyang.planning.geo.access.AccessSettings;
import cn.yiyang.planning.geo.access.RoadAccessAnalysis;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.AnalysisRunRepository;
import cn.yiyang.planning.layers.analysis.IndicatorTargetRepository;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.feature.LoadSummary;
import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import org.locationtech.jts.geom.Coordinate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Road-access runs: queued one at a time on the {@code road-access} worker ({@link AccessConfiguration#WORKER}),
 * each reading the layers, running {@link RoadAccessAnalysis}, and storing its indicators (every unit and group, with
 * the plan period's targets) under the run, its summary ({@link AccessRunSummary}) with the run, and its unserved
 * households, road statuses and gap list in the derived layers {@code access_household}, {@code access_road} and
 * {@code access_gap} (which hold the latest run only; indicators of every run are kept, so runs can be compared and
 * trends drawn).
 */
@Service
public class RoadAccessService {

    /** The derived layers a run writes. */
    public static final List<String> RESULT_LAYERS =
            List.of(LayerIds.ACCESS_HOUSEHOLD, LayerIds.ACCESS_ROAD, LayerIds.ACCESS_GAP);

    private static final Logger log = LoggerFactory.getLogger(RoadAccessService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The input layers whose versions make a run's data version. */
    private static final List<String> INPUT_LAYERS = List.of(
            LayerIds.ROAD,
            LayerIds.ROAD_INSPECTION,
            LayerIds.HOUSEHOLD,
            LayerIds.NATURAL_VILLAGE,
            LayerIds.VILLAGE,
            LayerIds.TOWNSHIP,
            LayerIds.TOWNSHIP_SEAT,
            LayerIds.COUNTY,
            LayerIds.BUS_STOP);

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final AnalysisRunRepository runs;
    private final IndicatorTargetRepository targets;
    private final LayerVersions versions;
    private final LayerLoadRepository loads;
    private final ObjectProvider<ImpassableRoads> impassable;
    private final AccessSettings defaults;
    private final String planPeriod;
    /** The city's name as stored with its indicators (names are data: Chinese, like the units' names). */
    private final String cityName;
    /** Runs one run at a time: runs write the same derived layers. */
    private final Executor worker;

    RoadAccessService(
            FeatureRepository features,
            LayerCatalogue catalogue,
            AnalysisRunRepository runs,
            IndicatorTargetRepository targets,
            LayerVersions versions,
            LayerLoadRepository loads,
            ObjectProvider<ImpassableRoads> impassable,
            AccessDefaults defaults,
            @Value("${planning.plan-period:2021-2025}") String planPeriod,
            Messages messages,
            @Qualifier(AccessConfiguration.WORKER) Executor worker) {
        this.features = features;
        this.catalogue = catalogue;
        this.runs = runs;
        this.targets = targets;
        this.versions = versions;
        this.loads = loads;
        this.impassable = impassable;
        this.defaults = defaults.settings();
        this.planPeriod = planPeriod;
        this.cityName = messages.get("place.city", Messages.ZH);
        this.worker = worker;
    }

    /**
     * Marks the runs a stopped process left queued or running as failed ({@value AnalysisRun#INTERRUPTED}): at
     * start, before any run can be queued (see {@link AccessConfiguration#interruptedRoadAccessRuns}).
     */
    void failInterrupted() {
        int interrupted = runs.failInterrupted();
        if (interrupted > 0) {
            log.warn("{} road-access run(s) were interrupted by a restart and are marked failed", interrupted);
        }
    }

    /** @return the settings a run uses when it names none */
    public AccessSettings defaults() {
        return defaults;
    }

    /** @return the plan period whose targets stand beside the values, e.g. 2021-2025 */
    public String planPeriod() {
        return planPeriod;
    }

    /**
     * Queues a run.
     *
     * @param settings the thresholds
     * @param user who asks (recorded)
     * @return the run, queued
     */
    public AnalysisRun start(AccessSettings settings, String user) {
        AnalysisRun run = AnalysisRun.queued(
                UUID.randomUUID().toString(),
                AnalysisRun.ROAD_ACCESS,
                user,
                JSON.writeValueAsString(AccessSettingsForm.of(settings)));
        runs.create(run);
        worker.execute(() -> execute(run, settings));
        return run;
    }

    /**
     * @param id a run id
     * @return the run
     * @throws AccessRunNotFoundException if there is none
     */
    public AnalysisRun get(String id) {
        return runs.find(id)
                .filter(r -> r.kind().equals(AnalysisRun.ROAD_ACCESS))
                .orElseThrow(() -> new AccessRunNotFoundException(id));
    }

    /** @return the latest runs, newest first */
    public List<AnalysisRun> recent(int limit) {
        return runs.recent(AnalysisRun.ROAD_ACCESS, limit);
    }

    /** @return the latest successful run */
    public Optional<AnalysisRun> latest() {
        return runs.latestSucceeded(AnalysisRun.ROAD_ACCESS);
    }

    /**
     * @param runId a run, or null for the latest successful one
     * @param level the units' level
     * @param code a unit code, or null for every unit of the level
     * @param group the villages counted, or null for every group
     * @param indicator an indicator, or null for all
     * @return the values; empty when no run succeeded yet
     */
    public List<IndicatorValue> indicators(
            String runId, UnitLevel level, String code, UnitGroup group, AccessIndicator indicator) {
        String id =
                runId != null ? get(runId).id() : latest().map(AnalysisRun::id).orElse(null);
        return id == null ? List.of() : runs.indicators(id, level, code, group, indicator);
    }

    /** @return the values of one indicator of one unit over the successful runs, oldest first */
    public List<IndicatorValue> history(AccessIndicator indicator, UnitLevel level, String code, UnitGroup group) {
        return runs.history(AnalysisRun.ROAD_ACCESS, indicator, level, code, group);
    }

    /** @return the latest run's gap list as stored in {@code access_gap}, rank order */
    List<Feature> gapFeatures() {
        List<Feature> out = new ArrayList<>();
        features.forEach(catalogue.get(LayerIds.ACCESS_GAP), out::add);
        out.sort((a, b) -> Integer.compare(integer(a.get("rank")), integer(b.get("rank"))));
        return out;
    }

    /** @return the latest run's gap list, rank order */
    public List<GapRow> gaps() {
        return gapFeatures().stream()
                .map(f -> new GapRow(
                        integer(f.get("rank")),
                        f.getString("code"),
                        f.getString("kind"),
                        f.getString("name"),
                        f.getString("county_code"),
                        f.getString("township_code"),
                        integer(f.get("households")),
                        integer(f.get("population")),
                        decimal(f.get("distance_m")),
                        decimal(f.get("network_distance_m")),
                        decimal(f.get("road_km")),
                        decimal(f.get("people_per_km")),
                        f.geometry().getCoordinate().x,
                        f.geometry().getCoordinate().y,
                        decimal(f.get("nearest_lon")),
                        decimal(f.get("nearest_lat"))))
                .toList();
    }

    private static int integer(Object v) {
        return v instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
    }

    private static Double decimal(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private void execute(AnalysisRun queued, AccessSettings settings) {
        AnalysisRun run = queued;
        try {
            long t0 = System.nanoTime();
            storeSteps.clear();
            run = queued.started(Instant.now(), JSON.writeValueAsString(dataVersion()));
            runs.update(run);
            Set<String> blocked = Optional.ofNullable(impassable.getIfAvailable())
                    .map(ImpassableRoads::impassableRoadCodes)
                    .orElse(Set.of());
            AccessInputReader.Read read = new AccessInputReader(features, catalogue, cityName).read(blocked);
            long t1 = System.nanoTime();
            AnalysisRun running = run.withProgress(0.2);
            runs.update(running);
            double[] last = {0.2};
            AnalysisRun[] current = {running};
            AccessResult result = new RoadAccessAnalysis(settings).run(read.input(), (fraction, stage) -> {
                double p = 0.2 + 0.6 * fraction;
                if (p - last[0] >= 0.05) {
                    last[0] = p;
                    current[0] = current[0].withProgress(p);
                    runs.update(current[0]);
                }
            });
            long t2 = System.nanoTime();
            run = current[0].withProgress(0.85);
            runs.update(run);
            // Stored one after the other: written side by side, the embedded store was slower, PostGIS no faster.
            AnalysisRun stored = run;
            timed("indicators", () -> saveIndicators(stored.id(), result));
            writeLayers(run, read, result);
            long t3 = System.nanoTime();
            run = run.succeeded(
                    Instant.now(),
                    AccessRunSummary.of(
                                    read.input(),
                                    result,
                                    (t1 - t0) / 1_000_000,
                                    (t2 - t1) / 1_000_000,
                                    (t3 - t2) / 1_000_000,
                                    storeSteps)
                            .toJson());
            runs.update(run);
            log.info(
                    "road-access run {}: read {} ms, analysis {} ms, stored {} ms",
                    run.id(),
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("road-access run {} failed", run.id(), e);
            runs.update(run.failed(Instant.now(), "analysis_failed"));
        }
    }

    /** How long each store step of the current run took, ms (reported in the run's summary). */
    private final Map<String, Long> storeSteps = new ConcurrentSkipListMap<>();

    private void timed(String step, Runnable work) {
        long t = System.nanoTime();
        work.run();
        storeSteps.put(step, (System.nanoTime() - t) / 1_000_000);
    }

    private Map<String, Long> dataVersion() {
        Map<String, Long> v = new TreeMap<>();
        INPUT_LAYERS.forEach(id -> v.put(id, features.version(catalogue.get(id))));
        return v;
    }

    private void saveIndicators(String runId, AccessResult result) {
        Map<String, Double> goals = targets.targets(planPeriod);
        List<IndicatorValue> values = new ArrayList<>(result.indicators().size());
        for (UnitIndicator u : result.indicators()) {
            values.add(IndicatorValue.of(runId, u, goals.get(u.indicator().id())));
        }
        runs.saveIndicators(runId, values);
    }

    private void writeLayers(AnalysisRun run, AccessInputReader.Read read, AccessResult result) {
        String runId = run.id();
        AccessInput in = read.input();
        List<Feature> unserved = new ArrayList<>();
        for (int i = 0; i < result.households().size(); i++) {
            HouseholdAccess a = result.households().get(i);
            if (!a.served()) {
                AccessInput.Household h = in.households().get(i);
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("code", h.code());
                attrs.put("village_code", h.villageCode());
                attrs.put("natural_village_code", h.naturalVillageCode());
                attrs.put("population", h.population());
                attrs.put("distance_m", metres(a.distanceM()));
                attrs.put("network_distance_m", metres(a.networkDistanceM()));
                attrs.put("run_id", runId);
                unserved.add(Feature.of(attrs, LayerGeometry.FACTORY.createPoint(h.lonLat())));
            }
        }
        List<Feature> roads = new ArrayList<>(in.roads().size());
        for (AccessInput.Road r : in.roads()) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("code", r.id());
            attrs.put("name", read.roadNames().get(r.id()));
            attrs.put("status", result.roadStatus().get(r.id()).name().toLowerCase(Locale.ROOT));
            attrs.put("run_id", runId);
            roads.add(Feature.of(attrs, r.lonLat()));
        }
        List<Feature> gaps = new ArrayList<>(result.gaps().size());
        for (Gap g : result.gaps()) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("code", String.format("G%05d", g.rank()));
            attrs.put("rank", g.rank());
            attrs.put("kind", g.kind().name().toLowerCase(Locale.ROOT));
            attrs.put("name", gapName(read, g));
            attrs.put("natural_village_code", g.naturalVillageCode());
            attrs.put("village_code", g.villageCode());
            attrs.put("township_code", g.townshipCode());
            attrs.put("county_code", g.countyCode());
            attrs.put("households", g.households());
            attrs.put("population", (int) g.population());
            attrs.put("distance_m", metres(g.distanceM()));
            attrs.put("network_distance_m", metres(g.networkDistanceM()));
            attrs.put("road_km", Math.round(g.roadKm() * 1000) / 1000.0);
            attrs.put("people_per_km", Math.round(g.peoplePerKm() * 10) / 10.0);
            Coordinate near = g.nearestNetwork();
            attrs.put("nearest_lon", near == null ? null : near.x);
            attrs.put("nearest_lat", near == null ? null : near.y);
            attrs.put("run_id", runId);
            gaps.add(Feature.of(attrs, LayerGeometry.FACTORY.createPoint(g.lonLat())));
        }
        // Results of synthetic data are synthetic: the layers say so wherever they show.
        boolean synthetic = INPUT_LAYERS.stream()
                .map(loads::latest)
                .anyMatch(l -> l.isPresent() && l.get().synthetic());
        String source = "road-access run " + runId;
        Map<String, List<Feature>> out = new LinkedHashMap<>();
        out.put(LayerIds.ACCESS_HOUSEHOLD, unserved);
        out.put(LayerIds.ACCESS_ROAD, roads);
        out.put(LayerIds.ACCESS_GAP, gaps);
        out.forEach((layer, rows) -> timed(layer, () -> {
            LoadSummary summary = LoadSummary.of(HistoryOperation.ANALYSIS, run.requestedBy(), Map.of("runId", runId));
            long n = features.load(catalogue.get(layer), LoadMode.REPLACE, rows.iterator(), summary);
            loads.record(new LayerLoad(layer, source, synthetic, LoadMode.REPLACE.name(), n, run.requestedBy(), null));
        }));
        versions.changed(RESULT_LAYERS.toArray(String[]::new));
    }

    private static String gapName(AccessInputReader.Read read, Gap g) {
        String village = g.villageCode() == null ? null : read.villageNames().get(g.villageCode());
        String nv = g.naturalVillageCode() == null
                ? null
                : read.naturalVillageNames().get(g.naturalVillageCode());
        if (village == null) {
            return nv;
        }
        return nv == null ? village : village + nv;
    }

    /** Metres to the centimetre; null for "no network" or "no road path". */
    static Double metres(double m) {
        return Double.isFinite(m) ? Math.round(m * 100) / 100.0 : null;
    }
}
