package cn.yiyang.planning.app.map;

import cn.yiyang.planning.layers.catalogue.CodeList;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.GeometryKind;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A vector-tile layer of the map.
 *
 * @param id       the catalogue layer id (also the MVT layer name)
 * @param title    the title in the UI language
 * @param geometry the geometry kind, which picks the style family
 * @param tileUrl  the tile URL template with {z}, {x}, {y}, relative to the app's base URL
 * @param minZoom  the zoom from which the layer has features
 * @param maxZoom  the deepest zoom with tiles (deeper views over-zoom)
 * @param visible  shown or hidden
 * @param opacity  0..1
 * @param version  the layer's data version, sent with every tile request ({@code ?v=}) so that new
 *                 data mean new URLs and unchanged layers stay cached
 * @param codes    the code lists whose codes carry meaning (traits or ranks), by the name of the field they
 *                 code: sent to the map element, whose styles read what a code means from them (a hardened
 *                 surface, say) rather than from a copy of the rule; see {@link #codesOf}
 */
public record MapLayer(
        String id,
        String title,
        GeometryKind geometry,
        String tileUrl,
        int minZoom,
        int maxZoom,
        boolean visible,
        double opacity,
        long version,
        Map<String, CodeList> codes) {

    public MapLayer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(tileUrl, "tileUrl");
        if (!geometry.hasGeometry()) {
            throw new IllegalArgumentException("layer " + id + " has no geometry to map");
        }
        if (opacity < 0 || opacity > 1) {
            throw new IllegalArgumentException("opacity must be within 0..1, got " + opacity);
        }
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes)); // in field order
    }

    /** A layer whose codes mean nothing to its style. */
    public MapLayer(
            String id,
            String title,
            GeometryKind geometry,
            String tileUrl,
            int minZoom,
            int maxZoom,
            boolean visible,
            double opacity,
            long version) {
        this(id, title, geometry, tileUrl, minZoom, maxZoom, visible, opacity, version, Map.of());
    }

    /** The code lists of the layer's fields whose codes carry traits or ranks, by field name, in field order. */
    public static Map<String, CodeList> codesOf(LayerDef layer) {
        Map<String, CodeList> out = new LinkedHashMap<>();
        for (FieldDef f : layer.fields()) {
            CodeList l = f.codeList();
            if (l != null && (l.hasTraits() || l.ordered())) {
                out.put(f.name(), l);
            }
        }
        return out;
    }

    public MapLayer withVisible(boolean v) {
        return new MapLayer(id, title, geometry, tileUrl, minZoom, maxZoom, v, opacity, version, codes);
    }

    public MapLayer withOpacity(double o) {
        return new MapLayer(id, title, geometry, tileUrl, minZoom, maxZoom, visible, o, version, codes);
    }

    public MapLayer withVersion(long v) {
        return new MapLayer(id, title, geometry, tileUrl, minZoom, maxZoom, visible, opacity, v, codes);
    }
}
