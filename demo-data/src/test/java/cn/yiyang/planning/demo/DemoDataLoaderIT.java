package cn.yiyang.planning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LayerSummary;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.StoreKind;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Envelope;

/** Loads the SMALL demo city into both stores and reads it back. */
class DemoDataLoaderIT {

    private static final Envelope YIYANG = new Envelope(110.70, 112.96, 27.95, 29.54);
    private static DemoCity city;

    @BeforeAll
    static void generate() {
        city = new DemoCityGenerator(DemoCityGenerator.DEFAULT_SEED, DemoScale.SMALL).generate();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void loadsEveryLayerIntoTheStore(StoreKind kind) throws Exception {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        try (TestStore store = TestStores.create(kind)) {
            FeatureRepository repo = new JdbcFeatureRepository(store.store());
            DemoDataLoader loader = new DemoDataLoader(repo, catalogue);

            DemoLoadReport report = loader.load(city);

            assertThat(report.synthetic()).isTrue();
            assertThat(report.notice()).contains("SYNTHETIC");
            assertThat(report.counts().keySet())
                    .containsExactlyElementsOf(
                            catalogue.sourceLayers().stream().map(LayerDef::id).toList());
            for (LayerDef layer : catalogue.sourceLayers()) {
                LayerSummary summary = repo.summary(layer);
                assertThat(summary.featureCount())
                        .as(layer.id())
                        .isEqualTo(city.count(layer.id()))
                        .isEqualTo(report.counts().get(layer.id()))
                        .isPositive();
                if (layer.geometry().hasGeometry()) {
                    assertThat(YIYANG.contains(summary.extent()))
                            .as(layer.id() + " " + summary.extent())
                            .isTrue();
                }
            }
            Optional<Feature> village = repo.findByKey(catalogue.get("village"), "430923121217");
            assertThat(village).isPresent();
            Feature expected = city.features("village")
                    .filter(f -> f.getString("code").equals("430923121217"))
                    .findFirst()
                    .orElseThrow();
            assertThat(village.get().attributes()).isEqualTo(expected.attributes());
            assertThat(village.get().geometry().equalsExact(expected.geometry(), 1e-9))
                    .isTrue();

            // loading again replaces, it does not add
            DemoLoadReport again = loader.load(DemoScale.SMALL, DemoCityGenerator.DEFAULT_SEED);
            assertThat(again.counts()).isEqualTo(report.counts());
            assertThat(again.generation()).isPositive();
            Map<String, Long> stored = catalogue.sourceLayers().stream()
                    .collect(Collectors.toMap(LayerDef::id, l -> repo.summary(l).featureCount()));
            assertThat(stored).isEqualTo(report.counts());
        }
    }
}
