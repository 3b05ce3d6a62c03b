package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.analysis.AnalysisKind;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The road-access kind with the default settings, for tests of other packages (dashboards) that read its runs. */
public final class RoadAccessKinds {

    private RoadAccessKinds() {}

    /** @return the kind over these features, with the properties' defaults and no impassable roads */
    public static AnalysisKind of(FeatureRepository features, LayerCatalogue catalogue) {
        return new RoadAccessKind(
                features,
                catalogue,
                new StaticListableBeanFactory().getBeanProvider(ImpassableRoads.class),
                new AccessDefaults(50, 30, 100, 100, 1000, 200, 2000, 1, 100, true),
                new Messages());
    }
}
