package cn.yiyang.planning.app.map;

import cn.yiyang.planning.layers.catalogue.GeometryKind;
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
 */
public record MapLayer(String id, String title, GeometryKind geometry, String tileUrl, int minZoom, int maxZoom,
                       boolean visible, double opacity, long version) {

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
    }

    public MapLayer withVisible(boolean v) {
        return new MapLayer(id, title, geometry, tileUrl, minZoom, maxZoom, v, opacity, version);
    }

    public MapLayer withOpacity(double o) {
        return new MapLayer(id, title, geometry, tileUrl, minZoom, maxZoom, visible, o, version);
    }

    public MapLayer withVersion(long v) {
        return new MapLayer(id, title, geometry, tileUrl, minZoom, maxZoom, visible, opacity, v);
    }
}
