package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.system.StartupTask;
import cn.yiyang.planning.importer.job.ImportService;
import cn.yiyang.planning.importer.job.ImportSettings;
import cn.yiyang.planning.importer.source.SourceOpener;
import cn.yiyang.planning.importer.source.UploadLimits;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolExecutorFactoryBean;

/**
 * The import engine in the app: one {@link ImportService} over the store, running imports on the
 * {@value #WORKERS} executor (imports left running by a stopped process are marked failed on start, and their
 * upload folders older than a day deleted), reading files with the readers'
 * {@link SourceOpener} under {@code planning.import.max-upload-mb} (the same limit as the multipart
 * settings), and the upload folders under {@code ${planning.data-dir}/uploads}. A committed load gives the
 * layer its new version at once ({@link LayerVersions#changed}).
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    /** The bean name of the import workers (threads {@code import-1} …). */
    static final String WORKERS = "import";

    private static final Logger log = LoggerFactory.getLogger(ImportConfiguration.class);
    private static final ImportSettings SETTINGS = ImportSettings.DEFAULT;

    @Bean
    UploadLimits uploadLimits(@Value("${planning.import.max-upload-mb:512}") long maxUploadMb) {
        long max = maxUploadMb << 20;
        UploadLimits d = UploadLimits.DEFAULT;
        return new UploadLimits(max, Math.max(d.maxUnpackedBytes(), 4 * max), d.maxEntries(), d.maxCompressionRatio());
    }

    /**
     * As many threads as imports may run at once ({@link ImportSettings#concurrency()}); more wait, QUEUED. A plain
     * executor, not a Spring {@code TaskExecutor}, so that Vaadin and Spring MVC keep using the application's task
     * executor. On shutdown running imports get ten seconds to finish; an unfinished load is rolled back.
     */
    @Bean(WORKERS)
    ThreadPoolExecutorFactoryBean importWorkers() {
        ThreadPoolExecutorFactoryBean pool = new ThreadPoolExecutorFactoryBean();
        pool.setBeanName(WORKERS);
        pool.setThreadNamePrefix(WORKERS + "-");
        pool.setCorePoolSize(SETTINGS.concurrency());
        pool.setMaxPoolSize(SETTINGS.concurrency());
        pool.setDaemon(true);
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.setAwaitTerminationSeconds(10);
        return pool;
    }

    @Bean
    ImportService importService(
            SpatialStore store, UploadLimits limits, LayerVersions versions, @Qualifier(WORKERS) Executor workers) {
        ImportService service = ImportService.over(store, new SourceOpener(limits)::open, SETTINGS, workers);
        // The old version dropped at once (the layer list counts the new data), the new one read and open maps told
        // beside the import's last steps rather than before its end.
        service.onLayerLoaded(versions::changedLater);
        return service;
    }

    /** Imports and uploads a stopped process left: marked failed, and deleted when older than a day. */
    @Bean
    StartupTask leftByTheLastProcess(ImportService service, ImportWorkflow workflow) {
        return () -> {
            int recovered = service.recoverInterrupted();
            if (recovered > 0) {
                log.warn(
                        "{} import(s) interrupted by the last shutdown were marked failed (their loads were rolled "
                                + "back)",
                        recovered);
            }
            workflow.sweepAbandoned();
        };
    }

    @Bean
    UploadStore uploadStore(@Value("${planning.data-dir:./data}") String dataDir, UploadLimits limits) {
        return new UploadStore(Path.of(dataDir, "uploads"), limits.maxUploadBytes());
    }
}
