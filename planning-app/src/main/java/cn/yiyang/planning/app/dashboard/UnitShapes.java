package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Service;

/**
 * The outlines of the administrative units for the choropleth, simplified (about 100 m) and kept per layer version, so
 * that a dashboard opened again does not read the layer again.
 */
@Service
public class UnitShapes {

    /** The simplification tolerance, in degrees (about 100 m). */
    static final double TOLERANCE = 0.001;

    private record Shapes(long version, Map<String, Geometry> byCode) {}

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final LayerVersions versions;
    private final Map<String, Shapes> cache = new ConcurrentHashMap<>();

    UnitShapes(FeatureRepository features, LayerCatalogue catalogue, LayerVersions versions) {
        this.features = features;
        this.catalogue = catalogue;
        this.versions = versions;
    }

    /** @return the outlines of the units of a level by code (empty at city level) */
    public Map<String, Geometry> of(Place.Level level) {
        if (level.layerId() == null) {
            return Map.of();
        }
        LayerDef layer = catalogue.get(level.layerId());
        long version = versions.version(layer);
        Shapes s = cache.get(layer.id());
        if (s == null || s.version() != version) {
            Map<String, Geometry> byCode = new HashMap<>();
            features.forEach(layer, f -> {
                String code = f.getString("code");
                if (code != null && f.geometry() != null) {
                    byCode.put(code, TopologyPreservingSimplifier.simplify(f.geometry(), TOLERANCE));
                }
            });
            s = new Shapes(version, Map.copyOf(byCode));
            cache.put(layer.id(), s);
        }
        return s.byCode();
    }
}
