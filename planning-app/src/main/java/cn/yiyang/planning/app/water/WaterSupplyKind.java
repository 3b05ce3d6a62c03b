package cn.yiyang.planning.app.water;

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
import cn.yiyang.planning.geo.facility.Severity;
import cn.yiyang.planning.geo.facility.SiteSuggestion;
import cn.yiyang.planning.geo.facility.SiteSuggestion.Site;
import cn.yiyang.planning.geo.facility.WaterDuty;
import cn.yiyang.planning.geo.facility.WaterInput;
import cn.yiyang.planning.geo.facility.WaterProblem;
import cn.yiyang.planning.geo.facility.WaterResult;
import cn.yiyang.planning.geo.facility.WaterResult.HouseholdSupply;
import cn.yiyang.planning.geo.facility.WaterResult.Via;
import cn.yiyang.planning.geo.facility.WaterResult.WorkReport;
import cn.yiyang.planning.geo.facility.WaterSettings;
import cn.yiyang.planning.geo.facility.WaterSupplyAnalysis;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Theme;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.stereotype.Component;

/**
 * Water supply as an {@link AnalysisKind} ({@code water-supply}, theme water): reads the households, units and water
 * layers ({@link WaterInputReader}), runs {@link WaterSupplyAnalysis}, suggests sites for new works in townships with
 * many unserved households ({@link WaterSites}), and returns the indicators, the rows of {@code water_household}
 * (households without centralised supply), {@code water_duty} (the duty list) and {@code water_site}, a summary and
 * the data problems.
 */
@Component
public class WaterSupplyKind implements AnalysisKind {

    /** The kind's id. */
    public static final String ID = "water-supply";
    /** The derived layers a run writes. */
    public static final List<String> RESULT_LAYERS =
            List.of(LayerIds.WATER_HOUSEHOLD, LayerIds.WATER_DUTY, LayerIds.WATER_SITE);

    static final String MAIN_DISTANCE_M = "mainDistanceM";
    static final String TEST_INTERVAL_MONTHS = "testIntervalMonths";
    static final String LITRES_PER_PERSON_DAY = "litresPerPersonDay";
    static final String SITE_MIN_UNSERVED = "siteMinUnservedHouseholds";
    static final String SITE_TRAVEL_M = "siteTravelM";

    private static final List<String> INPUT_LAYERS = List.of(
            LayerIds.HOUSEHOLD,
            LayerIds.VILLAGE,
            LayerIds.TOWNSHIP,
            LayerIds.COUNTY,
            LayerIds.WATER_WORK,
            LayerIds.WATER_SERVICE_AREA,
            LayerIds.WATER_PIPE,
            LayerIds.WATER_QUALITY_TEST,
            LayerIds.ROAD);

    private static final List<SettingSpec> SETTINGS = specs(WaterSettings.defaults(LocalDate.EPOCH));

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final AnalysisInputs inputs;
    private final Messages messages;

    WaterSupplyKind(FeatureRepository features, LayerCatalogue catalogue, AnalysisInputs inputs, Messages messages) {
        this.features = features;
        this.catalogue = catalogue;
        this.inputs = inputs;
        this.messages = messages;
    }

    /** The settings with their ranges: {@link WaterSettings}' defaults and ranges, and the siting's. */
    private static List<SettingSpec> specs(WaterSettings d) {
        return List.of(
                SettingSpec.asOf(),
                SettingSpec.number(
                        MAIN_DISTANCE_M,
                        d.mainDistanceM(),
                        WaterSettings.MAIN_DISTANCE_M_MIN,
                        WaterSettings.MAIN_DISTANCE_M_MAX,
                        "m"),
                SettingSpec.integer(
                        TEST_INTERVAL_MONTHS,
                        d.testIntervalMonths(),
                        WaterSettings.TEST_INTERVAL_MONTHS_MIN,
                        WaterSettings.TEST_INTERVAL_MONTHS_MAX,
                        "months"),
                SettingSpec.number(
                        LITRES_PER_PERSON_DAY,
                        d.litresPerPersonDay(),
                        WaterSettings.LITRES_PER_PERSON_DAY_MIN,
                        WaterSettings.LITRES_PER_PERSON_DAY_MAX,
                        "lpd"),
                // a township gets suggested sites from this many unserved households on (about one natural village)
                SettingSpec.integer(SITE_MIN_UNSERVED, 100, 1, 100_000, "hh"),
                // a township works' mains reach a few kilometres along the roads
                SettingSpec.number(
                        SITE_TRAVEL_M, 3_000, SiteSuggestion.MIN_TRAVEL_M, SiteSuggestion.MAX_TRAVEL_M, "m"));
    }

    /** @return the thresholds of resolved run settings */
    static WaterSettings of(RunSettings s) {
        return new WaterSettings(
                s.asOf(), s.number(MAIN_DISTANCE_M), s.integer(TEST_INTERVAL_MONTHS), s.number(LITRES_PER_PERSON_DAY));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Theme theme() {
        return Theme.WATER;
    }

    @Override
    public List<Indicator> indicators() {
        return List.of(
                FacilityIndicator.HOUSEHOLD_WATER_SUPPLY_RATE,
                FacilityIndicator.HOUSEHOLD_WATER_SUPPLY_POPULATION_RATE,
                FacilityIndicator.POVERTY_HOUSEHOLD_WATER_SUPPLY_RATE,
                FacilityIndicator.WATER_QUALITY_TEST_OVERDUE_COUNT);
    }

    @Override
    public List<SettingSpec> settings() {
        return SETTINGS;
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
        WaterInputReader.Read read = new WaterInputReader(features, catalogue, inputs).read();
        long t1 = System.nanoTime();
        context.progress().accept(0.3);
        WaterResult result = new WaterSupplyAnalysis(of(context.settings()))
                .run(read.input(), (fraction, stage) -> context.progress().accept(0.3 + 0.4 * fraction));
        long t2 = System.nanoTime();
        List<WaterSites.TownshipSites> sites = WaterSites.suggest(
                result.households(),
                read.units(),
                inputs::roads,
                context.settings().integer(SITE_MIN_UNSERVED),
                context.settings().number(SITE_TRAVEL_M));
        long t3 = System.nanoTime();
        context.progress().accept(0.95);
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(LayerIds.WATER_HOUSEHOLD, unserved(context.runId(), read, result));
        layers.put(LayerIds.WATER_DUTY, duties(context.runId(), result));
        layers.put(LayerIds.WATER_SITE, sites(context.runId(), read.units(), sites, context.settings()));
        Map<String, Object> summary = summary(result, layers);
        summary.put("readMs", (t1 - t0) / 1_000_000);
        summary.put("analysisMs", (t2 - t1) / 1_000_000);
        summary.put("sitingMs", (t3 - t2) / 1_000_000);
        return new RunOutput(result.indicators(), layers, summary, problems(result));
    }

    private static Map<String, Object> summary(WaterResult result, Map<String, List<Feature>> layers) {
        long served = 0;
        long byArea = 0;
        long population = 0;
        long populationServed = 0;
        long poverty = 0;
        long povertyServed = 0;
        for (HouseholdSupply h : result.households()) {
            population += h.population();
            if (h.served()) {
                served++;
                populationServed += h.population();
                byArea += h.via() == Via.SERVICE_AREA ? 1 : 0;
            }
            if (h.povertyOrMonitored()) {
                poverty++;
                povertyServed += h.served() ? 1 : 0;
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("households", result.households().size());
        s.put("householdsServed", served);
        s.put("servedByServiceArea", byArea);
        s.put("servedByMain", served - byArea);
        s.put("population", population);
        s.put("populationServed", populationServed);
        s.put("povertyHouseholds", poverty);
        s.put("povertyHouseholdsServed", povertyServed);
        s.put("works", result.works().size());
        s.put(
                "worksServing",
                result.works().stream().filter(WorkReport::serving).count());
        s.put(
                "worksTestDue",
                result.works().stream().filter(WorkReport::testDue).count());
        s.put("duties", result.duties().size());
        s.put(
                "dutiesHigh",
                result.duties().stream()
                        .filter(d -> d.severity() == Severity.HIGH)
                        .count());
        s.put("suggestedSites", layers.get(LayerIds.WATER_SITE).size());
        return s;
    }

    private static List<Feature> unserved(String runId, WaterInputReader.Read read, WaterResult result) {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < result.households().size(); i++) {
            HouseholdSupply h = result.households().get(i);
            if (h.served()) {
                continue;
            }
            String township = read.units().townshipOf(h.villageCode());
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("code", h.code());
            attrs.put("village_code", h.villageCode());
            attrs.put("township_code", township);
            attrs.put("county_code", read.units().countyOf(township));
            attrs.put("poverty_status", read.povertyStatus().get(i));
            attrs.put("population", h.population());
            attrs.put("distance_m", h.distanceToMainM() == null ? null : Math.round(h.distanceToMainM() * 10) / 10.0);
            attrs.put("run_id", runId);
            out.add(Feature.of(attrs, LayerGeometry.FACTORY.createPoint(h.lonLat())));
        }
        return out;
    }

    private List<Feature> duties(String runId, WaterResult result) {
        List<Feature> out = new ArrayList<>(result.duties().size());
        for (WaterDuty d : result.duties()) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("code", d.findingCode());
            attrs.put("work_code", d.workCode());
            attrs.put("name", d.name());
            attrs.put("kind", d.kind());
            attrs.put("duty", d.duty().id());
            attrs.put("severity", d.severity().id());
            attrs.put("detail", detail(d, result.settings()));
            attrs.put("last_tested_on", d.lastTestedOn());
            attrs.put("served_population", (int) d.servedPopulation());
            attrs.put(
                    "capacity_population",
                    d.capacityPopulation() == null ? null : (int) Math.min(Integer.MAX_VALUE, d.capacityPopulation()));
            attrs.put("township_code", d.townshipCode());
            attrs.put("county_code", d.countyCode());
            attrs.put("run_id", runId);
            Coordinate at = d.lonLat();
            out.add(Feature.of(attrs, at == null ? null : LayerGeometry.FACTORY.createPoint(at)));
        }
        return out;
    }

    /** The detail of a duty, stored in Chinese like the names beside it (data, not interface text). */
    private String detail(WaterDuty d, WaterSettings s) {
        return switch (d.duty()) {
            case NO_PROTECTION_ZONE -> messages.get("water.detail.no_protection_zone", Messages.ZH);
            case NO_DISINFECTION -> messages.get("water.detail.no_disinfection", Messages.ZH);
            case TEST_OVERDUE ->
                d.lastTestedOn() == null
                        ? messages.get("water.detail.never-tested", Messages.ZH)
                        : messages.get(
                                "water.detail.test_overdue",
                                Messages.ZH,
                                d.lastTestedOn().toString(),
                                s.testIntervalMonths(),
                                s.oldestCurrentTest().toString());
            case TEST_FAILED ->
                messages.get(
                        "water.detail.test_failed",
                        Messages.ZH,
                        d.lastTestedOn().toString());
            case OVER_CAPACITY ->
                messages.get(
                        "water.detail.over_capacity",
                        Messages.ZH,
                        d.servedPopulation(),
                        d.capacityPopulation(),
                        fmt(s.litresPerPersonDay()));
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static List<Feature> sites(
            String runId, AnalysisInputs.Units units, List<WaterSites.TownshipSites> sites, RunSettings settings) {
        List<Feature> out = new ArrayList<>();
        for (WaterSites.TownshipSites t : sites) {
            for (Site s : t.sites()) {
                String village = units.villages().locate(s.lonLat()).orElse(null);
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("code", "WS" + t.townshipCode() + "-" + s.rank());
                attrs.put("purpose", "water_work");
                attrs.put("for_code", t.townshipCode());
                attrs.put("for_name", units.names().get(t.townshipCode()));
                attrs.put("rank", s.rank());
                attrs.put("households", s.households());
                attrs.put("population", s.population());
                attrs.put("travel_m", settings.number(SITE_TRAVEL_M));
                attrs.put("village_code", village);
                attrs.put("township_code", t.townshipCode());
                attrs.put("county_code", units.countyOf(t.townshipCode()));
                attrs.put("run_id", runId);
                out.add(Feature.of(attrs, LayerGeometry.FACTORY.createPoint(s.lonLat())));
            }
        }
        return out;
    }

    private static List<RunProblem> problems(WaterResult result) {
        Map<String, Coordinate> where = new HashMap<>();
        result.works().forEach(w -> where.put(w.code(), w.lonLat()));
        List<RunProblem> out = new ArrayList<>();
        for (WaterProblem p : result.problems()) {
            Coordinate at = p.subject() == null ? null : where.get(p.subject());
            Double lon = at == null ? null : at.x;
            Double lat = at == null ? null : at.y;
            String located = p.kind() == WaterProblem.Kind.COUNTY_CODE_MISMATCH
                    ? result.works().stream()
                            .filter(w -> w.code().equals(p.subject()))
                            .map(WorkReport::countyCode)
                            .findFirst()
                            .orElse(null)
                    : null;
            out.add(
                    switch (p.kind()) {
                        case COUNTY_CODE_MISMATCH ->
                            new RunProblem(
                                    "code_mismatch",
                                    LayerIds.WATER_WORK,
                                    p.subject(),
                                    "county_code",
                                    "water.problem.county-mismatch",
                                    List.of(p.subject(), p.detail(), String.valueOf(located)),
                                    lon,
                                    lat);
                        case WORK_WITHOUT_POINT ->
                            new RunProblem(
                                    "no_geometry",
                                    LayerIds.WATER_WORK,
                                    p.subject(),
                                    null,
                                    "water.problem.no-point",
                                    List.of(p.subject()),
                                    null,
                                    null);
                        case WORK_OUTSIDE_TOWNSHIPS ->
                            new RunProblem(
                                    "outside_units",
                                    LayerIds.WATER_WORK,
                                    p.subject(),
                                    null,
                                    "water.problem.outside",
                                    List.of(p.subject()),
                                    lon,
                                    lat);
                        case UNKNOWN_WORK ->
                            new RunProblem(
                                    "unknown_reference",
                                    null,
                                    p.subject(),
                                    "water_work_code",
                                    "water.problem.unknown-work",
                                    List.of(p.subject()),
                                    null,
                                    null);
                        case MAIN_WITHOUT_WORK ->
                            new RunProblem(
                                    "missing_reference",
                                    LayerIds.WATER_PIPE,
                                    null,
                                    "water_work_code",
                                    "water.problem.main-without-work",
                                    List.of(),
                                    null,
                                    null);
                        case DUPLICATE_WORK ->
                            new RunProblem(
                                    "duplicate_code",
                                    LayerIds.WATER_WORK,
                                    p.subject(),
                                    "code",
                                    "water.problem.duplicate",
                                    List.of(p.subject()),
                                    lon,
                                    lat);
                    });
        }
        return out;
    }

    /** @return the input for tests and the benchmark: what a run reads */
    WaterInput readInput() {
        return new WaterInputReader(features, catalogue, inputs).read().input();
    }
}
