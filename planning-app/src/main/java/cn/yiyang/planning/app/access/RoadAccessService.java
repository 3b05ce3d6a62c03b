package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.analysis.RunNotFoundException;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.AccessInput;
import cn.yiyang.planning.geo.access.AccessResult.RoadStatus;
import cn.yiyang.planning.geo.access.AccessSettings;
import cn.yiyang.planning.geo.access.RouteAccess;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private volatile RouteCache routeCache;

    /** The routes at one version of the road and road-status layers. */
    private record RouteCache(List<Long> versions, List<RouteAccess.Route> routes) {}

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

    /**
     * Road access per route (路线编码): for each route of the road layer its length, hardened length, length connected
     * to the county network and the segments that are not, from the roads as the analysis decides them and each
     * segment's status in the latest run ({@code access_road}); a segment stored after the run is not connected.
     * Read again when either layer changes.
     *
     * @param routeCode one route, or null for every route
     * @return by route code; empty when no road has a route code
     */
    public List<RouteAccess.Route> routes(String routeCode) {
        LayerDef road = catalogue.get(LayerIds.ROAD);
        LayerDef statuses = catalogue.get(LayerIds.ACCESS_ROAD);
        List<Long> now = List.of(features.version(road), features.version(statuses));
        RouteCache cached = routeCache;
        if (cached == null || !cached.versions().equals(now)) {
            cached = new RouteCache(now, readRoutes(road, statuses));
            routeCache = cached;
        }
        return routeCode == null || routeCode.isBlank()
                ? cached.routes()
                : cached.routes().stream()
                        .filter(r -> r.routeCode().equals(routeCode.strip()))
                        .toList();
    }

    private List<RouteAccess.Route> readRoutes(LayerDef road, LayerDef statuses) {
        List<String> anyRoute = new ArrayList<>(1);
        // one indexed query first: a road layer without route codes (the demo city) is not read whole
        features.forEachValue(road, "route_code", v -> {
            if (anyRoute.isEmpty()) {
                anyRoute.add(v);
            }
        });
        if (anyRoute.isEmpty()) {
            return List.of();
        }
        List<AccessInput.Road> roads = new ArrayList<>();
        Map<String, String> routeOf = new HashMap<>();
        int[] fromSurface = {0};
        features.forEach(road, f -> {
            String route = f.getString("route_code");
            AccessInput.Road r = route == null ? null : AccessInputReader.road(f, Set.of(), fromSurface);
            if (r != null) {
                roads.add(r);
                routeOf.put(r.id(), route);
            }
        });
        Map<String, RoadStatus> status = new HashMap<>();
        features.forEach(statuses, f -> {
            String s = f.getString("status");
            if (f.getString("code") != null && s != null) {
                status.put(f.getString("code"), RoadStatus.valueOf(s.toUpperCase(Locale.ROOT)));
            }
        });
        return RouteAccess.of(roads, routeOf::get, status);
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
