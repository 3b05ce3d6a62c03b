package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureHistoryRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureWriteRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.time.Clock;
import java.util.List;

/** The write path on a test store, for view tests of other packages (its constructor is the container's). */
public final class FeatureEditServices {

    private FeatureEditServices() {}

    /**
     * A {@link FeatureEditService} over {@code store}, with the import-row checks of the catalogue and no
     * {@link FeatureRule}s (the plan parcels' rules need the plan services; their tests build them).
     */
    public static FeatureEditService on(SpatialStore store, LayerCatalogue catalogue, FeatureRepository features) {
        return new FeatureEditService(
                catalogue,
                features,
                new JdbcFeatureWriteRepository(store),
                new JdbcFeatureHistoryRepository(store),
                new LayerVersions(features),
                List.of(),
                new AuditLog(new JdbcAuditRepository(store), Clock.systemUTC()));
    }
}
