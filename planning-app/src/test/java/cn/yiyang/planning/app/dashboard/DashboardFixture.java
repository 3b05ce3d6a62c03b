package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.access.RoadAccessKinds;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.indicator.IndicatorCatalogueService;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.plan.PlanCoverageServices;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.testsupport.Analyses;
import cn.yiyang.planning.app.testsupport.Audits;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.store.JdbcAnalysisRunRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorCatalogueRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorEntryRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.time.Instant;
import java.util.List;

/**
 * {@link DashboardTestData} in a new in-memory H2GIS store, and the dashboard's services wired over it (once a test has
 * added what it needs). Close it to drop the store.
 */
final class DashboardFixture implements AutoCloseable {

    final TestStores.TestStore store = TestStores.h2gis();
    final LayerCatalogue catalogue = LayerCatalogue.standard();
    final JdbcFeatureRepository features = new JdbcFeatureRepository(store.store());
    final JdbcAnalysisRunRepository runs = new JdbcAnalysisRunRepository(store.store());
    final JdbcIndicatorEntryRepository entries = new JdbcIndicatorEntryRepository(store.store());

    DashboardFixture() {
        DashboardTestData.load(features, catalogue, runs);
        DashboardTestData.entries(entries);
    }

    /** One more succeeded road-access run, finished at {@code at}, with these indicator values. */
    void run(String id, Instant at, List<IndicatorValue> values) {
        runs.create(DashboardTestData.succeeded(id, at));
        runs.saveIndicators(id, values);
    }

    /** The dashboard's services over the store (plan period 2021-2025, every role's data scope as configured). */
    Services services() {
        LayerVersions versions = new LayerVersions(features);
        PlaceService places = new PlaceService(features, catalogue, versions);
        IndicatorCatalogueService indicators = new IndicatorCatalogueService(
                new JdbcIndicatorCatalogueRepository(store.store()),
                entries,
                places,
                Audits.log(store.store()),
                "2021-2025");
        AnalysisRunner runner = Analyses.runner(
                store.store(), features, versions, Runnable::run, List.of(RoadAccessKinds.of(features, catalogue)));
        DashboardService service = new DashboardService(
                runner,
                indicators,
                PlanCoverageServices.of(store.store(), features, catalogue),
                places,
                DataScopes.standard());
        return new Services(service, runner, versions);
    }

    @Override
    public void close() throws Exception {
        store.close();
    }

    /** The dashboard service and what its reports need beside it. */
    record Services(DashboardService dashboard, AnalysisRunner runner, LayerVersions versions) {}
}
