package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureHistoryRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureWriteRepository;
import cn.yiyang.planning.layers.store.SpatialStore;

/** The write path on a test store, for view tests of other packages (its constructor is the container's). */
public final class FeatureEditServices {

    private FeatureEditServices() {}

    /** A {@link FeatureEditService} over {@code store}, with the standard catalogue's rules. */
    public static FeatureEditService on(SpatialStore store, LayerCatalogue catalogue, FeatureRepository features) {
        return new FeatureEditService(
                catalogue,
                features,
                new JdbcFeatureWriteRepository(store),
                new JdbcFeatureHistoryRepository(store),
                new LayerVersions(features));
    }
}
