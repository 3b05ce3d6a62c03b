package cn.yiyang.planning.app.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Road-access runs on a schedule: {@code planning.road-access.schedule} (environment variable
 * {@code PLANNING_ROAD_ACCESS_SCHEDULE}) is a Spring cron expression in China Standard Time, e.g.
 * {@code 0 0 2 * * MON} for 02:00 every Monday; {@code -} (the default) schedules nothing. Scheduled runs use the
 * default thresholds and are recorded as requested by {@value #USER}.
 */
@Component
class RoadAccessSchedule {

    static final String USER = "scheduler";
    private static final Logger log = LoggerFactory.getLogger(RoadAccessSchedule.class);
    private final RoadAccessService service;

    RoadAccessSchedule(RoadAccessService service) {
        this.service = service;
    }

    @Scheduled(cron = "${planning.road-access.schedule:-}", zone = "Asia/Shanghai")
    void run() {
        log.info("scheduled road-access run {}", service.start(service.defaults(), USER).id());
    }
}
