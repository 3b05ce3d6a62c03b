package cn.yiyang.planning.demo;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a synthetic city into a store: every catalogue layer is replaced ({@link LoadMode#REPLACE},
 * one transaction per layer), so that no real data stay mixed with demo data; a layer the city does
 * not fill is emptied. Households stream from the generator into the store without being held.
 */
public final class DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final FeatureRepository repository;
    private final LayerCatalogue catalogue;

    public DemoDataLoader(FeatureRepository repository, LayerCatalogue catalogue) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** Generates the city for this scale and seed and loads it. */
    public DemoLoadReport load(DemoScale scale, long seed) {
        long start = System.nanoTime();
        DemoCity city = new DemoCityGenerator(seed, scale).generate();
        return load(city, start, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Loads a city generated before. */
    public DemoLoadReport load(DemoCity city) {
        return load(city, System.nanoTime(), Duration.ZERO);
    }

    private DemoLoadReport load(DemoCity city, long start, Duration generation) {
        LOG.info(
                "loading SYNTHETIC demo data ({}, seed {}) into {} layers",
                city.scale(),
                city.seed(),
                catalogue.sourceLayers().size());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (LayerDef layer : catalogue.sourceLayers()) { // derived layers are written by the analyses
            long t = System.nanoTime();
            long n;
            try (Stream<Feature> features = city.features(layer.id())) {
                Iterator<Feature> it = features.iterator();
                n = repository.load(layer, LoadMode.REPLACE, it);
            }
            counts.put(layer.id(), n);
            LOG.info("demo layer {}: {} features in {} ms", layer.id(), n, (System.nanoTime() - t) / 1_000_000);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        DemoLoadReport report = new DemoLoadReport(city.scale(), city.seed(), counts, generation, elapsed);
        LOG.info(
                "demo data loaded: {} features in {} ms (generation {} ms)",
                report.total(),
                elapsed.toMillis(),
                generation.toMillis());
        return report;
    }
}
