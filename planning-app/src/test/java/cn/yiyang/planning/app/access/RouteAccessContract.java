package cn.yiyang.planning.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.Analyses;
import cn.yiyang.planning.geo.access.AccessResult.RoadStatus;
import cn.yiyang.planning.geo.access.RouteAccess;
import cn.yiyang.planning.layers.analysis.RunStatus;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Road access per route after a whole road-access run, on roads keyed the way road databases key them. Along 28.5°N
 * (979.04 m per 0.01°):
 *
 * <pre>
 * segment        class     surface  from → to (°E)    status
 * X001430923-1   county    沥青     112.30 → 112.32   network (the county network starts here)
 * X001430923-2   county    水泥     112.32 → 112.35   network
 * Y002430923-1   township  土       112.35 → 112.37   unhardened
 * Y002430923-2   township  水泥     112.37 → 112.39   fragment (reaches the network only over Y-1)
 * C009           village   水泥     112.30 → 112.30,28.52   no route: in no route
 * </pre>
 * X001430923: 2 segments, 4,895.21 m, all hardened and connected. Y002430923: 2 segments, 3,916.16 m, 1,958.08 m
 * hardened, none connected. Subclasses name the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RouteAccessContract {

    static final AppUser TRANSPORT = new AppUser("transport", EnumSet.of(Role.TRANSPORT));
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private TestStores.TestStore store;
    AnalysisRunner runner;
    RoadAccessService service;

    abstract TestStores.TestStore open();

    @BeforeAll
    void run() throws Exception {
        store = open();
        FeatureRepository repo = new JdbcFeatureRepository(store.store());
        repo.load(
                catalogue.get("road"),
                LoadMode.REPLACE,
                List.of(
                                road("X001430923-1", "X001430923", "county", "asphalt", 112.30, 28.5, 112.32, 28.5),
                                road("X001430923-2", "X001430923", "county", "cement", 112.32, 28.5, 112.35, 28.5),
                                road("Y002430923-1", "Y002430923", "township", "earth", 112.35, 28.5, 112.37, 28.5),
                                road("Y002430923-2", "Y002430923", "township", "cement", 112.37, 28.5, 112.39, 28.5),
                                road("C009", null, "village", "cement", 112.30, 28.5, 112.30, 28.52))
                        .iterator());
        LayerVersions versions = new LayerVersions(repo);
        RoadAccessKind kind = new RoadAccessKind(
                repo,
                catalogue,
                new StaticListableBeanFactory().getBeanProvider(ImpassableRoads.class),
                new AccessDefaults(50, 30, 100, 100, 1000, 200, 2000, 1, 100, true),
                new Messages());
        runner = Analyses.runner(store.store(), repo, versions, worker, List.of(kind));
        service = new RoadAccessService(runner, kind, repo, catalogue);
        assertThat(service.routes(null))
                .as("before any run no segment is connected")
                .allSatisfy(r -> assertThat(r.connectedLengthM()).isZero());
        service.start(service.defaults(), TRANSPORT);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (List.of(RunStatus.QUEUED, RunStatus.RUNNING)
                        .contains(service.recent(1).getFirst().status())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(service.recent(1).getFirst().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @AfterAll
    void close() throws Exception {
        worker.shutdownNow();
        store.close();
    }

    @Test
    void eachRouteHasItsLengthHardenedAndConnectedLengthAndTheSegmentsNotConnected() {
        List<RouteAccess.Route> routes = service.routes(null);

        assertThat(routes).extracting(RouteAccess.Route::routeCode).containsExactly("X001430923", "Y002430923");
        RouteAccess.Route x = routes.get(0);
        assertThat(x.segments()).isEqualTo(2);
        assertThat(x.lengthM()).isCloseTo(4895.21, within(0.01));
        assertThat(x.hardenedLengthM()).isCloseTo(4895.21, within(0.01));
        assertThat(x.connectedLengthM()).isCloseTo(4895.21, within(0.01));
        assertThat(x.notConnected()).isEmpty();
        RouteAccess.Route y = routes.get(1);
        assertThat(y.segments()).isEqualTo(2);
        assertThat(y.lengthM()).isCloseTo(3916.16, within(0.01));
        assertThat(y.hardenedLengthM()).isCloseTo(1958.08, within(0.01));
        assertThat(y.connectedLengthM()).isZero();
        assertThat(y.notConnected())
                .containsExactly(
                        new RouteAccess.Unconnected("Y002430923-1", RoadStatus.UNHARDENED),
                        new RouteAccess.Unconnected("Y002430923-2", RoadStatus.FRAGMENT));
        assertThat(service.routes("Y002430923")).containsExactly(y);
        assertThat(service.routes("Z000000000")).isEmpty();
    }

    private static Feature road(String code, String route, String cls, String surface, double... xy) {
        Map<String, Object> a = new HashMap<>();
        a.put("code", code);
        a.put("admin_class", cls);
        a.put("surface", surface);
        if (route != null) {
            a.put("route_code", route);
        }
        Coordinate[] cs = {new Coordinate(xy[0], xy[1]), new Coordinate(xy[2], xy[3])};
        return Feature.of(a, LayerGeometry.FACTORY.createMultiLineString(new LineString[] {
            LayerGeometry.FACTORY.createLineString(cs)
        }));
    }
}
