package cn.yiyang.planning.app.sewage;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.app.analysis.AnalysisKind;
import cn.yiyang.planning.app.analysis.RunContext;
import cn.yiyang.planning.app.analysis.RunOutput;
import cn.yiyang.planning.app.analysis.RunProblem;
import cn.yiyang.planning.app.analysis.RunSettings;
import cn.yiyang.planning.app.analysis.SettingSpec;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.facility.FacilityIndicator;
import cn.yiyang.planning.geo.facility.Household;
import cn.yiyang.planning.geo.facility.SanitationAnalysis;
import cn.yiyang.planning.geo.facility.SanitationResult;
import cn.yiyang.planning.geo.facility.SanitationSettings;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Theme;
import cn.yiyang.planning.layers.feature.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sanitary toilets as an {@link AnalysisKind} ({@code sanitation}, theme sewage: shown on the sewage page and run by
 * the sewage department): the households' own {@code sanitary_toilet} attribute rolled up by {@link
 * SanitationAnalysis} ({@code sanitary_toilet_rate}; a household without a record counts as without), and the rural
 * villages below the target as rows of {@code sanitation_gap}.
 */
@Component
public class SanitationKind implements AnalysisKind {

    /** The kind's id. */
    public static final String ID = "sanitation";

    private static final List<String> INPUT_LAYERS =
            List.of(LayerIds.HOUSEHOLD, LayerIds.VILLAGE, LayerIds.TOWNSHIP, LayerIds.COUNTY);

    private final AnalysisInputs inputs;
    private final List<SettingSpec> settings;

    SanitationKind(AnalysisInputs inputs) {
        this.inputs = inputs;
        SanitationSettings d = SanitationSettings.defaults();
        this.settings = List.of(
                SettingSpec.number(
                        "toiletTargetShare",
                        d.targetShare(),
                        SanitationSettings.MIN_SHARE,
                        SanitationSettings.MAX_SHARE,
                        null),
                SettingSpec.number(
                        "toiletSevereShare",
                        d.severeShare(),
                        SanitationSettings.MIN_SHARE,
                        SanitationSettings.MAX_SHARE,
                        null));
    }

    /** @return the analysis settings of resolved run settings */
    static SanitationSettings of(RunSettings s) {
        return new SanitationSettings(s.number("toiletTargetShare"), s.number("toiletSevereShare"));
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
        return List.of(FacilityIndicator.SANITARY_TOILET_RATE);
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
        return List.of(LayerIds.SANITATION_GAP);
    }

    @Override
    public RunOutput compute(RunContext context) {
        long t0 = System.nanoTime();
        AnalysisInputs.Units units = inputs.units();
        List<Household> households = inputs.households();
        long t1 = System.nanoTime();
        context.progress().accept(0.5);
        SanitationResult result = new SanitationAnalysis(of(context.settings())).run(households, units.rollup());
        long t2 = System.nanoTime();
        Map<String, List<Feature>> layers = Map.of(LayerIds.SANITATION_GAP, gaps(result, context.runId()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("households", households.size());
        summary.put(
                "householdsUnrecorded",
                households.stream().filter(h -> h.sanitaryToilet() == null).count());
        summary.put("villagesBelowTarget", result.gaps().size());
        summary.put("readMs", (t1 - t0) / 1_000_000);
        summary.put("analysisMs", (t2 - t1) / 1_000_000);
        List<RunProblem> problems = new ArrayList<>();
        for (String code : result.householdsWithoutVillage()) {
            if (problems.size() >= RunOutput.MAX_PROBLEMS) {
                break;
            }
            problems.add(new RunProblem(
                    "household_without_village",
                    LayerIds.HOUSEHOLD,
                    code,
                    "village_code",
                    "sewage.problem.household_without_village",
                    List.of(code, "", ""),
                    null,
                    null));
        }
        summary.put("problems", result.householdsWithoutVillage().size());
        return new RunOutput(result.indicators(), layers, summary, problems);
    }

    private static List<Feature> gaps(SanitationResult result, String runId) {
        List<Feature> out = new ArrayList<>(result.gaps().size());
        for (SanitationResult.Gap g : result.gaps()) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("code", g.code());
            attrs.put("severity", g.severity().id());
            attrs.put("name", g.name());
            attrs.put("households", g.households());
            attrs.put("with_toilet", g.withToilet());
            attrs.put("unrecorded", g.unrecorded());
            attrs.put("share", Math.round(g.share() * 10_000) / 10_000.0);
            attrs.put("missing", g.missing());
            attrs.put("village_code", g.villageCode());
            attrs.put("township_code", g.townshipCode());
            attrs.put("county_code", g.countyCode());
            attrs.put("key_support", g.keySupport());
            attrs.put("demonstration", g.demonstration());
            attrs.put("run_id", runId);
            out.add(Feature.of(attrs, LayerGeometry.FACTORY.createPoint(g.lonLat())));
        }
        return out;
    }
}
