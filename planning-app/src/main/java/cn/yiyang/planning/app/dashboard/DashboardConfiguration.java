package cn.yiyang.planning.app.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolExecutorFactoryBean;

/** The report worker: PDF reports started from the dashboard are built on it, one at a time, while the page shows progress. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    /** The bean (and thread) name of the report worker. */
    static final String REPORTS = "dashboardReports";

    /** One thread, like the analysis worker: a plain executor, so that the application's task executor stays Spring's. */
    @Bean(REPORTS)
    ThreadPoolExecutorFactoryBean dashboardReports() {
        ThreadPoolExecutorFactoryBean pool = new ThreadPoolExecutorFactoryBean();
        pool.setBeanName(REPORTS);
        pool.setThreadNamePrefix("report-");
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(1);
        pool.setDaemon(true);
        return pool;
    }
}
