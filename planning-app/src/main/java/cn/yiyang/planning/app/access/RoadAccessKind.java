package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.analysis.AnalysisKind;
import cn.yiyang.planning.app.analysis.RunContext;
import cn.yiyang.planning.app.analysis.RunOutput;
import cn.yiyang.planning.app.analysis.RunProblem;
import cn.yiyang.planning.app.analysis.RunSettings;
import cn.yiyang.planning.app.analysis.SettingSpec;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.AccessInput;
import cn.yiyang.planning.geo.access.AccessNetwork;
import cn.yiyang.planning.geo.access.AccessResult;
import cn.yiyang.planning.geo.access.AccessResult.Gap;
import cn.yiyang.planning.geo.access.AccessResult.HouseholdAccess;
import cn.yiyang.planning.geo.access.AccessSettings;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.RoadAccessAnalysis;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Theme;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Road access as an {@link AnalysisKind} ({@code road-access}, theme roads): reads the layers (leaving out the roads
 * the 通返不通 register holds impassable), runs {@link RoadAccessAnalysis}, and returns its indicators, its summary
 * ({@link AccessRunSummary}) and the rows of the derived layers {@code access_household} (unserved households),
 * {@code access_road} (road statuses) and {@code access_gap} (the gap list).
 */
@Component
public class RoadAccessKind implements AnalysisKind {

    /** The kind's id. */
    public static final String ID = "road-access";
    /** The derived layers a run writes. */
    public static final List<String> RESULT_LAYERS =
            List.of(LayerIds.ACCESS_HOUSEHOLD, LayerIds.ACCESS_ROAD, LayerIds.ACCESS_GAP);

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
    private final ObjectProvider<ImpassableRoads> impassable;
    private final AccessSettings defaults;
    private final List<SettingSpec> settings;
    /** The city's name as stored with its indicators (names are data: Chinese, like the units' names). */
    private final String cityName;

    RoadAccessKind(
            FeatureRepository features,
            LayerCatalogue catalogue,
            ObjectProvider<ImpassableRoads> impassable,
            AccessDefaults defaults,
            Messages messages) {
        this.features = features;
        this.catalogue = catalogue;
        this.impassable = impassable;
        this.defaults = defaults.settings();
        this.settings = specs(this.defaults);
        this.cityName = messages.get("place.city", Messages.ZH);
    }

    /** The settings with their ranges: the thresholds of {@link AccessSettings}, defaults from the properties. */
    private static List<SettingSpec> specs(AccessSettings d) {
        return List.of(
                SettingSpec.number("householdServedM", d.householdServedM(), 1, 1_000, "m"),
                SettingSpec.integer("largeVillageHouseholds", d.largeVillageHouseholds(), 1, 10_000, "hh"),
                SettingSpec.number("largeVillageConnectedM", d.largeVillageConnectedM(), 1, 5_000, "m"),
                SettingSpec.number("townshipSeatM", d.townshipSeatM(), 1, 5_000, "m"),
                SettingSpec.number("busStopM", d.busStopM(), 1, 20_000, "m"),
                SettingSpec.number("busRouteM", d.busRouteM(), 1, 20_000, "m"),
                SettingSpec.number("ruralAccessM", d.ruralAccessM(), 1, 20_000, "m"),
                SettingSpec.number("snapToleranceM", d.snapToleranceM(), 0.01, 50, "m"),
                SettingSpec.number("clusterM", d.clusterM(), 1, 5_000, "m"),
                SettingSpec.flag("allSeasonCountsAsNetwork", d.allSeasonCountsAsNetwork()));
    }

    /** @return the thresholds a run uses when it names none */
    public AccessSettings defaults() {
        return defaults;
    }

    /** @return the thresholds as the settings of a run request */
    static Map<String, Object> asSettings(AccessSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("householdServedM", s.householdServedM());
        m.put("largeVillageHouseholds", s.largeVillageHouseholds());
        m.put("largeVillageConnectedM", s.largeVillageConnectedM());
        m.put("townshipSeatM", s.townshipSeatM());
        m.put("busStopM", s.busStopM());
        m.put("busRouteM", s.busRouteM());
        m.put("ruralAccessM", s.ruralAccessM());
        m.put("snapToleranceM", s.snapToleranceM());
        m.put("clusterM", s.clusterM());
        m.put("allSeasonCountsAsNetwork", s.allSeasonCountsAsNetwork());
        return m;
    }

    /** @return the thresholds of resolved run settings */
    static AccessSettings of(RunSettings s) {
        return new AccessSettings(
                s.number("householdServedM"),
                s.integer("largeVillageHouseholds"),
                s.number("largeVillageConnectedM"),
                s.number("townshipSeatM"),
                s.number("busStopM"),
                s.number("busRouteM"),
                s.number("ruralAccessM"),
                s.number("snapToleranceM"),
                s.number("clusterM"),
                s.flag("allSeasonCountsAsNetwork"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Theme theme() {
        return Theme.ROADS;
    }

    @Override
    public List<Indicator> indicators() {
        return Arrays.asList(AccessIndicator.values());
    }

    @Override
    public List<SettingSpec> settings() {
        return settings;
    }

    @Override
    public List<String> inputLayers() {
        return INPUT_LAYERS;
    }

    @Override
    public List<String> resultLayers() {
        return RESULT_LAYERS;
    }

    @Override
    public RunOutput compute(RunContext context) {
        long t0 = System.nanoTime();
        Set<String> blocked = Optional.ofNullable(impassable.getIfAvailable())
                .map(ImpassableRoads::impassableRoadCodes)
                .orElse(Set.of());
        RoadAccessAnalysis analysis = new RoadAccessAnalysis(of(context.settings()));
        List<FutureTask<AccessNetwork>> network = new ArrayList<>(1);
        AccessInputReader.Read read = new AccessInputReader(features, catalogue, cityName)
                .read(blocked, roads -> network.add(networkAhead(analysis, roads)));
        long t1 = System.nanoTime();
        context.progress().accept(0.2);
        // The unserved households are handed to the store as soon as they are known, so that it can write them while
        // the run rolls up and finds the gaps (bench/RESULTS.md, issue 14).
        List<List<Feature>> unserved = new ArrayList<>(1);
        AccessResult result = analysis.run(
                read.input(),
                built(network.getFirst()),
                (fraction, stage) -> context.progress().accept(0.2 + 0.8 * fraction),
                households -> {
                    List<Feature> rows = unserved(context.runId(), read.input(), households);
                    unserved.add(rows);
                    context.early().accept(LayerIds.ACCESS_HOUSEHOLD, rows);
                });
        long t2 = System.nanoTime();
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(LayerIds.ACCESS_HOUSEHOLD, unserved.getFirst()); // the analysis tells of its households once
        layers.put(LayerIds.ACCESS_ROAD, roads(context.runId(), read, result));
        layers.put(LayerIds.ACCESS_GAP, gaps(context.runId(), read, result));
        // The runner adds the store times (storeMs, storeSteps) when it has stored the results.
        AccessRunSummary summary =
                AccessRunSummary.of(read.input(), result, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, 0, Map.of());
        Map<String, Object> figures = JSON.convertValue(summary, new TypeReference<Map<String, Object>>() {});
        return new RunOutput(result.indicators(), layers, figures, problems(read));
    }

    /**
     * Builds the road network on a thread of its own, started once the roads are read, while the run's thread reads
     * the households and the other layers: noding the roads is the analysis's longest step that one thread does, and
     * needs no household (bench/RESULTS.md, issue 14).
     */
    private static FutureTask<AccessNetwork> networkAhead(RoadAccessAnalysis analysis, List<AccessInput.Road> roads) {
        FutureTask<AccessNetwork> task = new FutureTask<>(() -> analysis.network(roads));
        Thread.ofPlatform()
                .name(Thread.currentThread().getName() + "-network")
                .daemon()
                .start(task);
        return task;
    }

    private static AccessNetwork built(FutureTask<AccessNetwork> network) {
        try {
            return network.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the road network was built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What the run decided for data that did not say: roads whose all-season flag their surface gave. */
    private static List<RunProblem> problems(AccessInputReader.Read read) {
        if (read.allSeasonFromSurface() == 0) {
            return List.of();
        }
        return List.of(new RunProblem(
                "derived_value",
                LayerIds.ROAD,
                null,
                "all_season",
                "access.problem.all-season-from-surface",
                List.of(read.allSeasonFromSurface()),
                null,
                null));
    }

    private static List<Feature> unserved(String runId, AccessInput in, List<HouseholdAccess> households) {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            HouseholdAccess a = households.get(i);
            if (!a.served()) {
                AccessInput.Household h = in.households().get(i);
                LinkedHashMap<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("code", h.code());
                attrs.put("village_code", h.villageCode());
                attrs.put("natural_village_code", h.naturalVillageCode());
                attrs.put("population", h.population());
                attrs.put("distance_m", metres(a.distanceM()));
                attrs.put("network_distance_m", metres(a.networkDistanceM()));
                attrs.put("run_id", runId);
                out.add(Feature.owning(attrs, new LinkedHashMap<>(), LayerGeometry.FACTORY.createPoint(h.lonLat())));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static List<Feature> roads(String runId, AccessInputReader.Read read, AccessResult result) {
        List<Feature> out = new ArrayList<>(read.input().roads().size());
        for (AccessInput.Road r : read.input().roads()) {
            LinkedHashMap<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("code", r.id());
            attrs.put("name", read.roadNames().get(r.id()));
            attrs.put("status", result.roadStatus().get(r.id()).name().toLowerCase(Locale.ROOT));
            attrs.put("run_id", runId);
            out.add(Feature.owning(attrs, new LinkedHashMap<>(), r.lonLat()));
        }
        return out;
    }

    private static List<Feature> gaps(String runId, AccessInputReader.Read read, AccessResult result) {
        List<Feature> out = new ArrayList<>(result.gaps().size());
        for (Gap g : result.gaps()) {
            LinkedHashMap<String, Object> attrs = new LinkedHashMap<>();
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
            out.add(Feature.owning(attrs, new LinkedHashMap<>(), LayerGeometry.FACTORY.createPoint(g.lonLat())));
        }
        return out;
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
