package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs nobody starts by hand, of every kind of analysis, with its default settings, recorded as requested by
 * {@value #USER}:
 * <ul>
 *   <li>on a schedule: {@code planning.analyses.schedule} (environment variable {@code PLANNING_ANALYSES_SCHEDULE},
 *   or the older {@code PLANNING_ROAD_ACCESS_SCHEDULE}) is a Spring cron expression in China Standard Time, e.g.
 *   {@code 0 0 2 * * MON} for 02:00 every Monday; {@code -} (the default) schedules nothing;</li>
 *   <li>once at start, for each kind never run, when the store holds households
 *   ({@code planning.analyses.run-on-start}, default true), so that a new installation's dashboards are not empty
 *   (the demo city's first start, for one). The runs queue on the one analysis worker, road access first.</li>
 * </ul>
 */
@Component
class AnalysisSchedule {

    static final String USER = "scheduler";
    private static final Logger log = LoggerFactory.getLogger(AnalysisSchedule.class);
    private final AnalysisRunner runner;
    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final boolean runOnStart;

    AnalysisSchedule(
            AnalysisRunner runner,
            FeatureRepository features,
            LayerCatalogue catalogue,
            @Value("${planning.analyses.run-on-start:true}") boolean runOnStart) {
        this.runner = runner;
        this.features = features;
        this.catalogue = catalogue;
        this.runOnStart = runOnStart;
    }

    @Scheduled(cron = "${planning.analyses.schedule:-}", zone = Region.TIME_ZONE_ID)
    void run() {
        for (AnalysisKind kind : runner.kinds()) {
            log.info(
                    "scheduled {} run {}",
                    kind.id(),
                    runner.startScheduled(kind.id(), null, USER).id());
        }
    }

    /** After start (and after the demo city is loaded): the first run of each kind, if there is data and none. */
    @EventListener(ApplicationReadyEvent.class)
    void firstRuns() {
        if (!runOnStart
                || features.page(catalogue.get(LayerIds.HOUSEHOLD), FeatureQuery.first(1))
                        .isEmpty()) {
            return;
        }
        for (AnalysisKind kind : runner.kinds()) {
            if (runner.recent(kind.id(), 1).isEmpty()) {
                log.info(
                        "first {} run {} (no run yet)",
                        kind.id(),
                        runner.startScheduled(kind.id(), null, USER).id());
            }
        }
    }
}
