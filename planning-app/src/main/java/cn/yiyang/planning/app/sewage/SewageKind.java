package cn.yiyang.planning.app.sewage;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.app.analysis.AnalysisKind;
import cn.yiyang.planning.app.analysis.RunContext;
import cn.yiyang.planning.app.analysis.RunOutput;
import cn.yiyang.planning.app.analysis.RunProblem;
import cn.yiyang.planning.app.analysis.RunSettings;
import cn.yiyang.planning.app.analysis.SettingSpec;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.facility.FacilityIndicator;
import cn.yiyang.planning.geo.facility.Household;
import cn.yiyang.planning.geo.facility.SewageAnalysis;
import cn.yiyang.planning.geo.facility.SewageFacility;
import cn.yiyang.planning.geo.facility.SewageResult;
import cn.yiyang.planning.geo.facility.SewageResult.Gap;
import cn.yiyang.planning.geo.facility.SewageResult.Problem;
import cn.yiyang.planning.geo.facility.SewageSettings;
import cn.yiyang.planning.geo.facility.SiteSuggestion;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Theme;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.stereotype.Component;

/**
 * Rural sewage treatment as an {@link AnalysisKind} ({@code sewage}, theme sewage): reads the units, households and
 * the sewage layers, runs {@link SewageAnalysis}, suggests sites for a new facility in each village recommended a
 * centralised one ({@link SewageSites}), and returns the two indicators, the rows of {@code sewage_household}
 * (untreated rural households), {@code sewage_gap} (the gap list with each village's mode and why) and
 * {@code sewage_site}, a summary in figures and the data problems.
 */
@Component
public class SewageKind implements AnalysisKind {

    /** The kind's id. */
    public static final String ID = "sewage";
    /** The derived layers a run writes. */
    public static final List<String> RESULT_LAYERS =
            List.of(LayerIds.SEWAGE_HOUSEHOLD, LayerIds.SEWAGE_GAP, LayerIds.SEWAGE_SITE);
    /** The travel distance along roads a suggested site's reach is measured with, by default (m). */
    static final double SITE_TRAVEL_M = 1_000;

    private static final List<String> INPUT_LAYERS = List.of(
            LayerIds.HOUSEHOLD,
            LayerIds.VILLAGE,
            LayerIds.TOWNSHIP,
            LayerIds.COUNTY,
            LayerIds.SEWAGE_FACILITY,
            LayerIds.SEWAGE_SERVICE_AREA,
            LayerIds.SEWAGE_PIPE,
            LayerIds.ROAD);

    private final AnalysisInputs inputs;
    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final SewageReasons reasons;
    private final List<SettingSpec> settings;

    SewageKind(AnalysisInputs inputs, FeatureRepository features, LayerCatalogue catalogue, Messages messages) {
        this.inputs = inputs;
        this.features = features;
        this.catalogue = catalogue;
        this.reasons = new SewageReasons(messages);
        this.settings = specs(SewageSettings.defaults());
    }

    private static List<SettingSpec> specs(SewageSettings d) {
        return List.of(
                SettingSpec.number(
                        "perCapitaFlowLpd",
                        d.perCapitaFlowLpd(),
                        SewageSettings.MIN_PER_CAPITA_FLOW_LPD,
                        SewageSettings.MAX_PER_CAPITA_FLOW_LPD,
                        "lpd"),
                SettingSpec.number(
                        "connectDistanceM",
                        d.connectDistanceM(),
                        SewageSettings.MIN_CONNECT_DISTANCE_M,
                        SewageSettings.MAX_CONNECT_DISTANCE_M,
                        "m"),
                SettingSpec.number(
                        "clusterDistanceM",
                        d.clusterDistanceM(),
                        SewageSettings.MIN_CLUSTER_DISTANCE_M,
                        SewageSettings.MAX_CLUSTER_DISTANCE_M,
                        "m"),
                SettingSpec.integer(
                        "minClusterHouseholds",
                        d.minClusterHouseholds(),
                        SewageSettings.MIN_CLUSTER_HOUSEHOLDS,
                        SewageSettings.MAX_CLUSTER_HOUSEHOLDS,
                        "hh"),
                SettingSpec.number(
                        "clusteredShare", d.clusteredShare(), SewageSettings.MIN_SHARE, SewageSettings.MAX_SHARE, null),
                SettingSpec.number(
                        "treatedVillageShare",
                        d.treatedVillageShare(),
                        SewageSettings.MIN_SHARE,
                        SewageSettings.MAX_SHARE,
                        null),
                SettingSpec.number(
                        "severeOverloadRatio",
                        d.severeOverloadRatio(),
                        SewageSettings.MIN_OVERLOAD_RATIO,
                        SewageSettings.MAX_OVERLOAD_RATIO,
                        null),
                SettingSpec.flag("suggestSites", true),
                SettingSpec.number(
                        "siteTravelM", SITE_TRAVEL_M, SiteSuggestion.MIN_TRAVEL_M, SiteSuggestion.MAX_TRAVEL_M, "m"));
    }

    /** @return the analysis settings of resolved run settings */
    static SewageSettings of(RunSettings s) {
        return new SewageSettings(
                s.number("perCapitaFlowLpd"),
                s.number("connectDistanceM"),
                s.number("clusterDistanceM"),
                s.integer("minClusterHouseholds"),
                s.number("clusteredShare"),
                s.number("treatedVillageShare"),
                s.number("severeOverloadRatio"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Theme theme() {
        return Theme.SEWAGE;
    }

    @Override
    public List<Indicator> indicators() {
        return List.of(FacilityIndicator.RURAL_SEWAGE_TREATMENT_RATE, FacilityIndicator.TOWNSHIP_SEWAGE_FACILITY_RATE);
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
        AnalysisInputs.Units units = inputs.units();
        List<Household> households = inputs.households();
        SewageInputReader.Read read = new SewageInputReader(features, catalogue).read(units, households);
        long t1 = System.nanoTime();
        context.progress().accept(0.2);
        SewageSettings settings = of(context.settings());
        SewageResult result = new SewageAnalysis(settings)
                .run(read.input(), (fraction, stage) -> context.progress().accept(0.2 + 0.5 * fraction));
        long t2 = System.nanoTime();
        // Siting builds the road graph (a few seconds on the full city): a setting, so a run can skip it.
        List<Feature> sites = context.settings().flag("suggestSites")
                ? new SewageSites(inputs.roads(), units)
                        .sites(result, context.settings().number("siteTravelM"), context.runId())
                : List.of();
        long t3 = System.nanoTime();
        context.progress().accept(0.95);
        Map<String, String> names = new HashMap<>();
        read.input().facilities().forEach(f -> names.put(f.code(), f.name() == null ? f.code() : f.name()));
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(LayerIds.SEWAGE_HOUSEHOLD, SewageLayers.households(result, context.runId()));
        layers.put(
                LayerIds.SEWAGE_GAP,
                SewageLayers.gaps(result, context.runId(), r -> reasons.reason(r, settings, names, Messages.ZH)));
        layers.put(LayerIds.SEWAGE_SITE, sites);
        Map<String, Object> summary = summary(result, sites.size());
        summary.put("readMs", (t1 - t0) / 1_000_000);
        summary.put("analysisMs", (t2 - t1) / 1_000_000);
        summary.put("sitesMs", (t3 - t2) / 1_000_000);
        return new RunOutput(result.indicators(), layers, summary, problems(read, result));
    }

    private static Map<String, Object> summary(SewageResult result, int sites) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(
                "households",
                result.households().stream().filter(h -> h.counted()).count());
        s.put(
                "householdsTreated",
                result.households().stream()
                        .filter(h -> h.counted() && h.treated())
                        .count());
        s.put(
                "facilitiesOperating",
                result.facilities().stream().filter(f -> f.operating()).count());
        s.put(
                "facilitiesOverCapacity",
                result.facilities().stream().filter(f -> f.overCapacity()).count());
        s.put("townships", result.townships().stream().filter(t -> t.counted()).count());
        s.put(
                "townshipsCovered",
                result.townships().stream()
                        .filter(t -> t.counted() && t.covered())
                        .count());
        Map<String, Long> modes = new LinkedHashMap<>();
        for (Gap g : result.gaps()) {
            if (g.recommendation() != null) {
                modes.merge(g.recommendation().mode().id(), 1L, Long::sum);
            }
        }
        s.put(
                "villagesUntreated",
                modes.values().stream().mapToLong(Long::longValue).sum());
        s.put("modes", modes);
        s.put("gaps", result.gaps().size());
        s.put("sites", sites);
        s.put("problems", result.problems().size());
        return s;
    }

    private static List<RunProblem> problems(SewageInputReader.Read read, SewageResult result) {
        Map<String, Coordinate> at = new HashMap<>();
        for (SewageFacility f : read.input().facilities()) {
            at.putIfAbsent(f.code(), f.lonLat());
        }
        List<RunProblem> out = new ArrayList<>();
        for (String code : read.unknownKinds()) {
            out.add(new RunProblem(
                    "unknown_kind",
                    LayerIds.SEWAGE_FACILITY,
                    code,
                    "kind",
                    "sewage.problem.unknown_kind",
                    List.of(code),
                    null,
                    null));
        }
        for (Problem p : result.problems()) {
            if (out.size() >= RunOutput.MAX_PROBLEMS) {
                break;
            }
            String layer;
            String field;
            Coordinate where = at.get(p.subject());
            switch (p.kind()) {
                case HOUSEHOLD_WITHOUT_VILLAGE -> {
                    layer = LayerIds.HOUSEHOLD;
                    field = "village_code";
                    where = null;
                }
                case FACILITY_OUTSIDE_TOWNSHIPS, FACILITY_TOWNSHIP_MISMATCH -> {
                    layer = LayerIds.SEWAGE_FACILITY;
                    field = "township_code";
                }
                case FACILITY_VILLAGE_MISMATCH -> {
                    layer = LayerIds.SEWAGE_FACILITY;
                    field = "village_code";
                }
                case SERVICE_AREA_WITHOUT_FACILITY -> {
                    layer = LayerIds.SEWAGE_SERVICE_AREA;
                    field = "facility_code";
                    where = null;
                }
                case FACILITY_WITHOUT_CAPACITY -> {
                    layer = LayerIds.SEWAGE_FACILITY;
                    field = "capacity_m3d";
                }
                default -> {
                    layer = LayerIds.SEWAGE_FACILITY;
                    field = null;
                }
            }
            List<Object> args = new ArrayList<>();
            args.add(String.valueOf(p.subject()));
            args.add(p.declared() == null ? "" : p.declared());
            args.add(p.found() == null ? "" : p.found());
            out.add(new RunProblem(
                    p.kind().id(),
                    layer,
                    p.subject(),
                    field,
                    "sewage.problem." + p.kind().id(),
                    args,
                    where == null ? null : where.x,
                    where == null ? null : where.y));
        }
        return out;
    }
}
