package cn.yiyang.planning.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.demo.DemoScale;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcLayerLoadRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the demo city is loaded on start, and when it is not. On the embedded store. */
class DemoDataInitializerTest {

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStore store;
    private FeatureRepository features;
    private LayerLoadRepository loads;

    @BeforeEach
    void open() {
        store = TestStores.h2gis();
        features = new JdbcFeatureRepository(store.store());
        loads = new JdbcLayerLoadRepository(store.store());
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private DemoDataInitializer initializer(boolean enabled) {
        return new DemoDataInitializer(features, catalogue, loads, enabled, "small", 7L);
    }

    @Test
    void anEmptyStoreGetsTheDemoCityWithEveryLoadRecordedAsSynthetic() {
        initializer(true).run(null);

        assertThat(features.summary(catalogue.get("village")).featureCount()).isEqualTo(1446);
        assertThat(loads.latestByLayer()).hasSize(catalogue.sourceLayers().size());
        assertThat(loads.latestByLayer().values()).allSatisfy(l -> {
            assertThat(l.synthetic()).isTrue();
            assertThat(l.source()).contains("small", "seed 7");
            assertThat(l.loadedBy()).isEqualTo(DemoDataInitializer.LOADED_BY);
        });
    }

    @Test
    void disabledLoadsNothing() {
        initializer(false).run(null);

        assertThat(features.summary(catalogue.get("county")).featureCount()).isZero();
        assertThat(loads.latestByLayer()).isEmpty();
    }

    @Test
    void aStoreThatHoldsDataIsLeftAlone() {
        features.load(
                catalogue.get("bus_stop"),
                LoadMode.APPEND,
                List.of(Feature.of(Map.of("code", "B1"), null)).iterator());

        initializer(true).run(null);

        assertThat(features.summary(catalogue.get("county")).featureCount()).isZero();
        assertThat(features.summary(catalogue.get("bus_stop")).featureCount()).isEqualTo(1);
    }

    @Test
    void anUnknownScaleIsRefusedWithTheSettingNamed() {
        assertThat(DemoDataInitializer.parseScale(" Full ")).isEqualTo(DemoScale.FULL);
        assertThatThrownBy(() -> DemoDataInitializer.parseScale("huge"))
                .hasMessageContaining("PLANNING_DEMO_SCALE")
                .hasMessageContaining("huge")
                .hasMessageContaining("small");
    }
}
