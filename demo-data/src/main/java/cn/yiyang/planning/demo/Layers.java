package cn.yiyang.planning.demo;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Features collected per layer as the generators make them, their geometry converted to EPSG:4490
 * and to the layer's kind (lines and polygons in their multi forms).
 */
final class Layers {

    private static final LayerCatalogue CATALOGUE = LayerCatalogue.standard();

    private final Map<String, List<Feature>> byLayer = new LinkedHashMap<>();

    /**
     * Adds a feature.
     *
     * @param metres    its geometry in metres, or null
     * @param keyValues field name, value, field name, value …; null values are left out
     */
    void add(String layer, Geometry metres, Object... keyValues) {
        LayerDef def = CATALOGUE.get(layer);
        Geometry g = metres == null ? null : LayerGeometry.stored(def, Geo.toDegrees(metres));
        byLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(Feature.of(attributes(keyValues), g));
    }

    static Map<String, Object> attributes(Object... keyValues) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                attrs.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return attrs;
    }

    List<Feature> get(String layer) {
        return byLayer.getOrDefault(layer, List.of());
    }

    Map<String, List<Feature>> all() {
        return byLayer;
    }
}
