package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.importer.job.ImportService;
import cn.yiyang.planning.importer.job.ImportSettings;
import cn.yiyang.planning.importer.source.SourceOpener;
import cn.yiyang.planning.importer.source.UploadLimits;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The import engine in the app: one {@link ImportService} over the store (imports left running by a
 * stopped process are marked failed on start; closed on shutdown), reading files with the readers'
 * {@link SourceOpener} under {@code planning.import.max-upload-mb} (the same limit as the multipart
 * settings), and the upload folders under {@code ${planning.data-dir}/uploads}. A committed load gives the
 * layer its new version at once ({@link LayerVersions#changed}).
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ImportConfiguration.class);

    @Bean
    UploadLimits uploadLimits(@Value("${planning.import.max-upload-mb:512}") long maxUploadMb) {
        long max = maxUploadMb << 20;
        UploadLimits d = UploadLimits.DEFAULT;
        return new UploadLimits(max, Math.max(d.maxUnpackedBytes(), 4 * max), d.maxEntries(), d.maxCompressionRatio());
    }

    @Bean(destroyMethod = "close")
    ImportService importService(SpatialStore store, UploadLimits limits, LayerVersions versions) {
        ImportService service = ImportService.over(store, new SourceOpener(limits)::open, ImportSettings.DEFAULT);
        // A new version at once: the layer list counts the new data, open maps redraw the layer.
        service.onLayerLoaded(versions::changed);
        int recovered = service.recoverInterrupted();
        if (recovered > 0) {
            log.warn("{} import(s) interrupted by the last shutdown were marked failed (their loads were rolled back)",
                    recovered);
        }
        return service;
    }

    @Bean
    UploadStore uploadStore(@Value("${planning.data-dir:./data}") String dataDir, UploadLimits limits) {
        return new UploadStore(Path.of(dataDir, "uploads"), limits.maxUploadBytes());
    }
}
