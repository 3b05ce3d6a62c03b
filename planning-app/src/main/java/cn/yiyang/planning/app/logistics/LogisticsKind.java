package cn.yiyang.planning.app.logistics;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.app.analysis.AnalysisKind;
import cn.yiyang.planning.app.analysis.RunContext;
import cn.yiyang.planning.app.analysis.RunOutput;
import cn.yiyang.planning.app.analysis.RunProblem;
import cn.yiyang.planning.app.analysis.RunSettings;
import cn.yiyang.planning.app.analysis.SettingSpec;
import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.facility.FacilityIndicator;
import cn.yiyang.planning.geo.facility.LogisticsAnalysis;
import cn.yiyang.planning.geo.facility.LogisticsResult;
import cn.yiyang.planning.geo.facility.LogisticsResult.DataProblem;
import cn.yiyang.planning.geo.facility.LogisticsResult.Gap;
import cn.yiyang.planning.geo.facility.LogisticsResult.SuggestedSite;
import cn.yiyang.planning.geo.facility.LogisticsSettings;
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
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Component;

/**
 * The cold-chain and courier analysis ({@code cold-chain}): geo-core's {@link LogisticsAnalysis} on the units,
 * households and roads ({@link AnalysisInputs}) and the cold-chain sites and courier points
 * ({@link LogisticsInputReader}); its gaps fill {@code logistics_gap} and its suggested sites {@code logistics_site}.
 */
@Component
class LogisticsKind implements AnalysisKind {

    static final String ID = "cold-chain";

    static final List<Indicator> INDICATORS = List.of(
            FacilityIndicator.COUNTY_WAREHOUSE_RATE,
            FacilityIndicator.TOWNSHIP_COLD_CHAIN_CENTRE_RATE,
            FacilityIndicator.VILLAGE_COLD_CHAIN_OUTLET_RATE,
            FacilityIndicator.VILLAGE_COURIER_SERVICE_RATE);

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4490);

    private final AnalysisInputs inputs;
    private final LogisticsInputReader reader;

    LogisticsKind(AnalysisInputs inputs, FeatureRepository features, LayerCatalogue catalogue) {
        this.inputs = inputs;
        this.reader = new LogisticsInputReader(inputs, features, catalogue);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Theme theme() {
        return Theme.LOGISTICS;
    }

    @Override
    public List<Indicator> indicators() {
        return INDICATORS;
    }

    @Override
    public List<SettingSpec> settings() {
        LogisticsSettings d = LogisticsSettings.defaults();
        return List.of(
                SettingSpec.number(
                        "courierDistanceM", d.courierDistanceM(), 0, LogisticsSettings.MAX_COURIER_DISTANCE_M, "m"),
                SettingSpec.number(
                        "outletTravelM",
                        d.outletTravelM(),
                        SiteSuggestion.MIN_TRAVEL_M,
                        SiteSuggestion.MAX_TRAVEL_M,
                        "m"),
                SettingSpec.number(
                        "centreTravelM",
                        d.centreTravelM(),
                        SiteSuggestion.MIN_TRAVEL_M,
                        SiteSuggestion.MAX_TRAVEL_M,
                        "m"),
                SettingSpec.integer("suggestedSites", d.suggestedSites(), 0, SiteSuggestion.MAX_SITES, null),
                SettingSpec.number("siteSeparationM", d.siteSeparationM(), 0, SiteSuggestion.MAX_SEPARATION_M, "m"));
    }

    /** @return the geo-core settings of a run's settings */
    static LogisticsSettings settingsOf(RunSettings s) {
        return new LogisticsSettings(
                s.number("courierDistanceM"),
                s.number("outletTravelM"),
                s.number("centreTravelM"),
                s.integer("suggestedSites"),
                s.number("siteSeparationM"));
    }

    @Override
    public List<String> inputLayers() {
        return List.of(
                LayerIds.COUNTY,
                LayerIds.TOWNSHIP,
                LayerIds.VILLAGE,
                LayerIds.HOUSEHOLD,
                LayerIds.ROAD,
                LayerIds.COLD_CHAIN_SITE,
                LayerIds.COURIER_POINT);
    }

    @Override
    public List<String> resultLayers() {
        return List.of(LayerIds.LOGISTICS_GAP, LayerIds.LOGISTICS_SITE);
    }

    @Override
    public RunOutput compute(RunContext context) {
        long t0 = System.nanoTime();
        context.progress().accept(0);
        LogisticsInputReader.Read read = reader.read();
        long t1 = System.nanoTime();
        context.progress().accept(0.3);
        LogisticsResult r = new LogisticsAnalysis(settingsOf(context.settings()))
                .run(read.input(), (f, stage) -> context.progress().accept(0.3 + 0.65 * f));
        long t2 = System.nanoTime();
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(
                LayerIds.LOGISTICS_GAP,
                r.gaps().stream().map(g -> gapRow(g, context.runId())).toList());
        layers.put(
                LayerIds.LOGISTICS_SITE,
                r.sites().stream().map(s -> siteRow(s, context.runId())).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("readMs", (t1 - t0) / 1_000_000);
        summary.put("analysisMs", (t2 - t1) / 1_000_000);
        summary.put("sites", read.input().sites().size());
        summary.put("courierPoints", read.input().couriers().size());
        summary.put("households", read.input().households().size());
        summary.put("gaps", r.gaps().size());
        Map<String, Long> byKind = new LinkedHashMap<>();
        r.gaps().forEach(g -> byKind.merge(g.kind().code(), 1L, Long::sum));
        summary.put("gapsByKind", byKind);
        summary.put("suggestedSites", r.sites().size());
        context.progress().accept(1);
        return new RunOutput(r.indicators(), layers, summary, problems(r.problems()));
    }

    static Feature gapRow(Gap g, String runId) {
        Map<String, Object> a = new HashMap<>();
        a.put("run_id", runId);
        a.put("code", g.code());
        a.put("kind", g.kind().code());
        a.put("severity", g.severity().id());
        a.put("name", g.name());
        a.put("households", g.households());
        a.put("population", (int) Math.min(Integer.MAX_VALUE, g.population()));
        a.put("distance_m", Double.isFinite(g.distanceM()) ? Math.round(g.distanceM() * 10) / 10.0 : null);
        a.put("village_code", g.villageCode());
        a.put("township_code", g.townshipCode());
        a.put("county_code", g.countyCode());
        a.put("key_support", g.keySupport());
        a.put("demonstration", g.demonstration());
        return Feature.of(a, g.lonLat() == null ? null : GF.createPoint(g.lonLat()));
    }

    static Feature siteRow(SuggestedSite s, String runId) {
        Map<String, Object> a = new HashMap<>();
        a.put("run_id", runId);
        a.put("code", s.code());
        a.put("purpose", s.purpose().code());
        a.put("for_code", s.forCode());
        a.put("for_name", s.forName());
        a.put("rank", s.rank());
        a.put("households", s.households());
        a.put("population", s.population());
        a.put("travel_m", s.travelM());
        a.put("village_code", s.villageCode());
        a.put("township_code", s.townshipCode());
        a.put("county_code", s.countyCode());
        return Feature.of(a, GF.createPoint(s.lonLat()));
    }

    private static List<RunProblem> problems(List<DataProblem> problems) {
        List<RunProblem> out = new ArrayList<>();
        for (DataProblem p : problems) {
            Coordinate at = p.lonLat();
            switch (p.kind()) {
                case UNIT_MISMATCH ->
                    out.add(new RunProblem(
                            "code_mismatch",
                            p.layer(),
                            p.subject(),
                            p.field(),
                            "logistics.problem.code-mismatch",
                            List.of(p.subject(), p.field(), p.declared(), p.located() == null ? "—" : p.located()),
                            at.x,
                            at.y));
                case OUTSIDE_UNITS ->
                    out.add(new RunProblem(
                            "outside_units",
                            p.layer(),
                            p.subject(),
                            null,
                            "logistics.problem.outside-units",
                            List.of(p.subject()),
                            at.x,
                            at.y));
                case NO_TIER ->
                    out.add(new RunProblem(
                            "no_tier",
                            p.layer(),
                            p.subject(),
                            "tier",
                            "logistics.problem.no-tier",
                            List.of(p.subject()),
                            at.x,
                            at.y));
            }
        }
        return out;
    }
}
