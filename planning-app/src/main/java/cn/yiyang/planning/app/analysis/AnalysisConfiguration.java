package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.system.StartupTask;
import cn.yiyang.planning.layers.analysis.AnalysisRunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolExecutorFactoryBean;

/**
 * The analysis worker: runs of every {@link AnalysisKind} go one at a time to the {@value #WORKER} thread (they read
 * the same large layers; two at once on a small server only make both slower); runs a stopped process left unfinished
 * are marked failed at start.
 */
@Configuration(proxyBeanMethods = false)
class AnalysisConfiguration {

    /** The bean (and thread) name of the analysis worker. */
    static final String WORKER = "analysis";

    private static final Logger log = LoggerFactory.getLogger(AnalysisConfiguration.class);

    /**
     * One thread; more runs wait in its queue. A plain executor, not a Spring {@code TaskExecutor}, so that Vaadin and
     * Spring MVC keep using the application's task executor. On shutdown a run in progress is interrupted, and the
     * next start marks it failed.
     */
    @Bean(WORKER)
    ThreadPoolExecutorFactoryBean analysisWorker() {
        ThreadPoolExecutorFactoryBean pool = new ThreadPoolExecutorFactoryBean();
        pool.setBeanName(WORKER);
        pool.setThreadNamePrefix(WORKER + "-");
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(1);
        pool.setDaemon(true);
        pool.setWaitForTasksToCompleteOnShutdown(false);
        return pool;
    }

    /** Marks the runs of every kind a stopped process left queued or running as failed ({@code interrupted}). */
    @Bean
    StartupTask interruptedAnalysisRuns(AnalysisRunRepository runs) {
        return () -> {
            int n = runs.failInterrupted();
            if (n > 0) {
                log.warn("{} analysis run(s) were interrupted by a restart and are marked failed", n);
            }
        };
    }
}
