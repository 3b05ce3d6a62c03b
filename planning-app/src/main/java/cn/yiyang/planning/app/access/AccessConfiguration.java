package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.road.RoadRegisterService;
import cn.yiyang.planning.app.system.StartupTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolExecutorFactoryBean;

/**
 * Road access reads the 通返不通 register: roads held impassable are left out of the network. Runs go one at a time
 * to the {@value #WORKER} thread; runs a stopped process left unfinished are marked failed at start.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    /** The bean (and thread) name of the road-access worker. */
    static final String WORKER = "road-access";

    @Bean
    ImpassableRoads impassableRoads(RoadRegisterService register) {
        return register::impassableRoadCodes;
    }

    /**
     * One thread, so runs never overlap (they write the same derived layers); more runs wait in its queue. A plain
     * executor, not a Spring {@code TaskExecutor}, so that Vaadin and Spring MVC keep using the application's
     * task executor. On shutdown a run in progress is interrupted (the shutdown waits for it at most
     * {@code spring.lifecycle.timeout-per-shutdown-phase}), and the next start marks it failed.
     */
    @Bean(WORKER)
    ThreadPoolExecutorFactoryBean roadAccessWorker() {
        ThreadPoolExecutorFactoryBean pool = new ThreadPoolExecutorFactoryBean();
        pool.setBeanName(WORKER);
        pool.setThreadNamePrefix(WORKER + "-");
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(1);
        pool.setDaemon(true);
        pool.setWaitForTasksToCompleteOnShutdown(false);
        return pool;
    }

    @Bean
    StartupTask interruptedRoadAccessRuns(RoadAccessService service) {
        return service::failInterrupted;
    }
}
