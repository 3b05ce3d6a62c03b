package cn.yiyang.planning.app.system;

import cn.yiyang.planning.layers.analysis.AnalysisRunRepository;
import cn.yiyang.planning.layers.analysis.IndicatorTargetRepository;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureHistoryRepository;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.FeatureWriteRepository;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import cn.yiyang.planning.layers.store.JdbcAnalysisRunRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureHistoryRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureWriteRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorTargetRepository;
import cn.yiyang.planning.layers.store.JdbcLayerLoadRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store: PostGIS when {@code PLANNING_DB_URL} is set, else an embedded H2GIS file database
 * under {@code PLANNING_DATA_DIR} (default {@code ./data}). Migrated with Flyway on start.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean(destroyMethod = "close")
    SpatialStore spatialStore(
            @Value("${planning.db.url:}") String url,
            @Value("${planning.db.user:}") String user,
            @Value("${planning.db.password:}") String password,
            @Value("${planning.data-dir:./data}") String dataDir) {
        StoreSettings settings = url.isBlank()
                ? StoreSettings.embedded(
                        Path.of(dataDir, "planning").toAbsolutePath().toString())
                : new StoreSettings(url, user.isBlank() ? null : user, password.isBlank() ? null : password);
        log.info("Store: {}", settings.kind());
        SpatialStore store = SpatialStore.open(settings);
        store.migrate();
        store.openTilePool(); // fills in the background: the first map view finds warm tile connections
        return store;
    }

    @Bean
    FeatureRepository featureRepository(SpatialStore store) {
        return new JdbcFeatureRepository(store);
    }

    /** Single-feature writes with versions (V7), each with its history entry. */
    @Bean
    FeatureWriteRepository featureWriteRepository(SpatialStore store) {
        return new JdbcFeatureWriteRepository(store);
    }

    /** The write history (V7): per feature, per layer, as of a time; summary entries. */
    @Bean
    FeatureHistoryRepository featureHistoryRepository(SpatialStore store) {
        return new JdbcFeatureHistoryRepository(store);
    }

    @Bean
    LayerLoadRepository layerLoadRepository(SpatialStore store) {
        return new JdbcLayerLoadRepository(store);
    }

    /** Analysis runs and indicators (V3). Call {@code failInterrupted()} once at start-up, before taking runs. */
    @Bean
    AnalysisRunRepository analysisRunRepository(SpatialStore store) {
        return new JdbcAnalysisRunRepository(store);
    }

    @Bean
    IndicatorTargetRepository indicatorTargetRepository(SpatialStore store) {
        return new JdbcIndicatorTargetRepository(store);
    }

    @Bean
    LayerCatalogue layerCatalogue() {
        return LayerCatalogue.standard();
    }
}
