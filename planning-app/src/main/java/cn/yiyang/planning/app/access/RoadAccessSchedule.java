package cn.yiyang.planning.app.access;

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
 * Road-access runs nobody starts by hand:
 * <ul>
 *   <li>on a schedule: {@code planning.road-access.schedule} (environment variable
 *   {@code PLANNING_ROAD_ACCESS_SCHEDULE}) is a Spring cron expression in China Standard Time, e.g.
 *   {@code 0 0 2 * * MON} for 02:00 every Monday; {@code -} (the default) schedules nothing;</li>
 *   <li>once at start when the store holds households but no run was ever made
 *   ({@code planning.road-access.run-on-start}, default true), so that a new installation's dashboards are not
 *   empty (the demo city's first start, for one).</li>
 * </ul>
 * These runs use the default thresholds and are recorded as requested by {@value #USER}.
 */
@Component
class RoadAccessSchedule {

    static final String USER = "scheduler";
    private static final Logger log = LoggerFactory.getLogger(RoadAccessSchedule.class);
    private final RoadAccessService service;
    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final boolean runOnStart;

    RoadAccessSchedule(
            RoadAccessService service,
            FeatureRepository features,
            LayerCatalogue catalogue,
            @Value("${planning.road-access.run-on-start:true}") boolean runOnStart) {
        this.service = service;
        this.features = features;
        this.catalogue = catalogue;
        this.runOnStart = runOnStart;
    }

    @Scheduled(cron = "${planning.road-access.schedule:-}", zone = Region.TIME_ZONE_ID)
    void run() {
        log.info(
                "scheduled road-access run {}",
                service.startScheduled(service.defaults(), USER).id());
    }

    /** After start (and after the demo city is loaded): the first run, if there is data and none was made. */
    @EventListener(ApplicationReadyEvent.class)
    void firstRun() {
        if (runOnStart
                && service.recent(1).isEmpty()
                && !features.page(catalogue.get(LayerIds.HOUSEHOLD), FeatureQuery.first(1))
                        .isEmpty()) {
            log.info(
                    "first road-access run {} (no run yet)",
                    service.startScheduled(service.defaults(), USER).id());
        }
    }
}
