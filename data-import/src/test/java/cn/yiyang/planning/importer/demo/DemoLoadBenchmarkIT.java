package cn.yiyang.planning.importer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Times generating and loading the demo city into an H2GIS file database and into PostGIS, as the
 * application does on its first start. Off by default; run with
 * {@code ./mvnw -o verify -pl data-import -am -Ddemo.benchmark=true -Dit.test=DemoLoadBenchmarkIT}.
 */
@EnabledIfSystemProperty(named = "demo.benchmark", matches = "true")
class DemoLoadBenchmarkIT {

    @ParameterizedTest
    @EnumSource(DemoScale.class)
    void intoAnH2gisFile(DemoScale scale) throws Exception {
        Path dir = Files.createTempDirectory("demo-bench");
        try (SpatialStore store = SpatialStore.open(StoreSettings.embedded(dir.resolve("planning").toString()))) {
            store.migrate();
            report("H2GIS file", new DemoDataLoader(new JdbcFeatureRepository(store), LayerCatalogue.standard())
                    .load(scale, DemoCityGenerator.DEFAULT_SEED));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DemoScale.class)
    void intoPostgis(DemoScale scale) throws Exception {
        try (TestStore store = TestStores.postgis()) {
            report("PostGIS", new DemoDataLoader(new JdbcFeatureRepository(store.store()), LayerCatalogue.standard())
                    .load(scale, DemoCityGenerator.DEFAULT_SEED));
        }
    }

    private static void report(String store, DemoLoadReport r) {
        System.out.printf("demo benchmark %s %s: %d features, generation %.1f s, generation + load %.1f s%n", store,
                r.scale(), r.total(), r.generation().toMillis() / 1e3, r.elapsed().toMillis() / 1e3);
        assertThat(r.total()).isPositive();
    }
}
