package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.analysis.RunNotFoundException;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.AccessSettings;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Road access for its pages, its schedule and its exports: runs of {@link RoadAccessKind} through the
 * {@link AnalysisRunner} (queued, run and stored like every analysis), their indicators and history, and the latest
 * run's gap list as stored in {@code access_gap}.
 */
@Service
public class RoadAccessService {

    /** The derived layers a run writes. */
    public static final List<String> RESULT_LAYERS = RoadAccessKind.RESULT_LAYERS;

    private final AnalysisRunner runner;
    private final RoadAccessKind kind;
    private final FeatureRepository features;
    private final LayerCatalogue catalogue;

    /**
     * @param runner runs every analysis
     * @param kind road access
     * @param features the layers
     * @param catalogue the catalogue
     */
    public RoadAccessService(
            AnalysisRunner runner, RoadAccessKind kind, FeatureRepository features, LayerCatalogue catalogue) {
        this.runner = runner;
        this.kind = kind;
        this.features = features;
        this.catalogue = catalogue;
    }

    /** @return the settings a run uses when it names none */
    public AccessSettings defaults() {
        return kind.defaults();
    }

    /** @return the plan period whose targets stand beside the values, e.g. 2021-2025 */
    public String planPeriod() {
        return runner.planPeriod();
    }

    /**
     * Checks and queues a run.
     *
     * @param settings the thresholds
     * @param user who asks (recorded; must own the roads theme)
     * @return the run, queued
     */
    public AnalysisRun start(AccessSettings settings, AppUser user) {
        return runner.start(RoadAccessKind.ID, RoadAccessKind.asSettings(settings), user);
    }

    /** Queues a run the system asks for (a schedule, the first start), recorded as requested by {@code user}. */
    AnalysisRun startScheduled(AccessSettings settings, String user) {
        return runner.startScheduled(RoadAccessKind.ID, RoadAccessKind.asSettings(settings), user);
    }

    /**
     * @param id a run id
     * @return the run
     * @throws RunNotFoundException if there is no road-access run with this id
     */
    public AnalysisRun get(String id) {
        AnalysisRun run = runner.get(id);
        if (!run.kind().equals(kind.storedKind())) {
            throw new RunNotFoundException(id);
        }
        return run;
    }

    /** @return the latest runs, newest first */
    public List<AnalysisRun> recent(int limit) {
        return runner.recent(RoadAccessKind.ID, limit);
    }

    /** @return the latest successful run */
    public Optional<AnalysisRun> latest() {
        return runner.latest(RoadAccessKind.ID);
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
        return runner.indicators(RoadAccessKind.ID, runId, level, code, group, indicator);
    }

    /** @return the values of one indicator of one unit over the successful runs, oldest first */
    public List<IndicatorValue> history(AccessIndicator indicator, UnitLevel level, String code, UnitGroup group) {
        return runner.history(RoadAccessKind.ID, indicator, level, code, group);
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
}
