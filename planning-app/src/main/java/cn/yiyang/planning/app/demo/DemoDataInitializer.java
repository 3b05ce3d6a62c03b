package cn.yiyang.planning.app.demo;

import cn.yiyang.planning.demo.DemoCityGenerator;
import cn.yiyang.planning.demo.DemoDataLoader;
import cn.yiyang.planning.demo.DemoLoadReport;
import cn.yiyang.planning.demo.DemoScale;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import cn.yiyang.planning.layers.plans.PlanTransitionRepository;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty store, loads the synthetic Yiyang demo city (unless
 * {@code PLANNING_DEMO_DATA=false}) and records every layer's load as synthetic, so the UI and the
 * API label it, and the timelines of its village plans ({@link DemoPlanTimelines}). Runs before the app reports
 * ready.
 */
@Component
class DemoDataInitializer implements ApplicationRunner {

    static final String LOADED_BY = "demo-generator";
    private static final Logger log = LoggerFactory.getLogger(DemoDataInitializer.class);

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final LayerLoadRepository loads;
    private final PlanTransitionRepository transitions;
    private final boolean enabled;
    private final DemoScale scale;
    private final long seed;

    DemoDataInitializer(
            FeatureRepository features,
            LayerCatalogue catalogue,
            LayerLoadRepository loads,
            PlanTransitionRepository transitions,
            @Value("${planning.demo.enabled:true}") boolean enabled,
            @Value("${planning.demo.scale:small}") String scale,
            @Value("${planning.demo.seed:" + DemoCityGenerator.DEFAULT_SEED + "}") long seed) {
        this.features = features;
        this.catalogue = catalogue;
        this.loads = loads;
        this.transitions = transitions;
        this.enabled = enabled;
        this.scale = parseScale(scale);
        this.seed = seed;
    }

    static DemoScale parseScale(String value) {
        try {
            return DemoScale.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "PLANNING_DEMO_SCALE must be one of "
                            + Arrays.toString(DemoScale.values()).toLowerCase(Locale.ROOT) + ", not '" + value + "'",
                    e);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            log.info("Demo data disabled (PLANNING_DEMO_DATA=false)");
            return;
        }
        if (!storeIsEmpty()) {
            log.info("Store holds data: demo data not loaded");
            return;
        }
        log.info("Empty store: loading the SYNTHETIC Yiyang demo city ({} scale, seed {})", scale, seed);
        DemoLoadReport report = new DemoDataLoader(features, catalogue).load(scale, seed);
        String source = "synthetic demo city (scale " + scale.name().toLowerCase(Locale.ROOT) + ", seed " + seed + ")";
        report.counts()
                .forEach((layer, count) -> loads.record(
                        new LayerLoad(layer, source, true, LoadMode.REPLACE.name(), count, LOADED_BY, null)));
        int steps = DemoPlanTimelines.record(features, catalogue, transitions);
        log.info(
                "Demo data loaded: {} features in {} layers, {} plan workflow steps ({})",
                report.total(),
                report.counts().size(),
                steps,
                report.notice());
    }

    private boolean storeIsEmpty() {
        return loads.latestByLayer().isEmpty()
                && catalogue.layers().stream().allMatch(l -> features.summary(l).featureCount() == 0);
    }
}
