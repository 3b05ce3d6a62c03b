package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorTargetRepository;
import cn.yiyang.planning.layers.store.SpatialStore;

/** The live plan coverage over a test store, for tests of other packages (dashboards). */
public final class PlanCoverageServices {

    private PlanCoverageServices() {}

    /** @return the service for plan period 2021-2025 */
    public static PlanCoverageService of(SpatialStore store, FeatureRepository features, LayerCatalogue catalogue) {
        return new PlanCoverageService(
                features, catalogue, new JdbcIndicatorTargetRepository(store), "2021-2025", new Messages());
    }
}
