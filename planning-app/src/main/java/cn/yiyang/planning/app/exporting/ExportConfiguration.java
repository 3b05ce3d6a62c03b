package cn.yiyang.planning.app.exporting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolExecutorFactoryBean;

/** The export worker: exports started from the UI are written on it, one at a time, while the dialog shows progress. */
@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

    /** The bean (and thread) name of the export worker. */
    static final String WORKER = "exportWorker";

    /** One thread, like the report worker: a plain executor, so that the application's task executor stays Spring's. */
    @Bean(WORKER)
    ThreadPoolExecutorFactoryBean exportWorker() {
        ThreadPoolExecutorFactoryBean pool = new ThreadPoolExecutorFactoryBean();
        pool.setBeanName(WORKER);
        pool.setThreadNamePrefix("export-");
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(1);
        pool.setDaemon(true);
        return pool;
    }
}
