package cn.yiyang.planning.app.testsupport;

import cn.yiyang.planning.app.analysis.AnalysisKind;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.JdbcAnalysisRunRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorTargetRepository;
import cn.yiyang.planning.layers.store.JdbcLayerLoadRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.util.List;
import java.util.concurrent.Executor;

/** An {@link AnalysisRunner} over a test store, without Spring, for view tests and contracts. */
public final class Analyses {

    private Analyses() {}

    /**
     * @param store the store
     * @param features its features
     * @param versions told of replaced result layers
     * @param worker runs the runs
     * @param kinds the kinds it runs
     * @return the runner (plan period 2021-2025, natural-village values of the latest 5 successful runs kept)
     */
    public static AnalysisRunner runner(
            SpatialStore store,
            FeatureRepository features,
            LayerVersions versions,
            Executor worker,
            List<AnalysisKind> kinds) {
        return new AnalysisRunner(
                kinds,
                new JdbcAnalysisRunRepository(store),
                new JdbcIndicatorTargetRepository(store),
                features,
                LayerCatalogue.standard(),
                versions,
                new JdbcLayerLoadRepository(store),
                Audits.log(store),
                "2021-2025",
                5,
                worker);
    }
}
