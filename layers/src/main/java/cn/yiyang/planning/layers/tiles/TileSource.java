package cn.yiyang.planning.layers.tiles;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Scope;
import cn.yiyang.planning.layers.store.SpatialStore;

/**
 * Mapbox vector tiles of catalogue layers. A tile holds one MVT layer named after the layer id
 * (its features carry the store id as feature id, and the attributes {@code id} plus the layer's
 * catalogue fields; dates as ISO text), plus a label layer for named polygon layers (see
 * {@link TileRules#labelLayer}). Geometry is in tile units: extent {@value TileRules#EXTENT},
 * buffer {@value TileRules#BUFFER}, clipped, simplified at low zoom. A tile without features is an
 * empty byte array.
 */
public interface TileSource {

    /**
     * The tile {@code c} of {@code layer}.
     *
     * @throws IllegalArgumentException when the layer has no geometry
     * @throws cn.yiyang.planning.layers.store.StoreException when the store fails
     */
    default byte[] tile(LayerDef layer, TileCoord c) {
        return tile(layer, c, Scope.ALL);
    }

    /**
     * The tile {@code c} of {@code layer} as a reader with this scope sees it: only features in its counties, and
     * without personal attributes when it may not see them ({@link Scope}).
     *
     * @throws IllegalArgumentException when the layer has no geometry
     * @throws cn.yiyang.planning.layers.store.StoreException when the store fails
     */
    byte[] tile(LayerDef layer, TileCoord c, Scope scope);

    /** The tile source that suits the store: SQL-built tiles on PostGIS, Java-encoded ones on H2GIS. */
    static TileSource of(SpatialStore store) {
        return switch (store.kind()) {
            case POSTGIS -> new PostgisTileSource(store);
            case H2GIS -> new H2gisTileSource(store);
        };
    }

    /** Throws unless the layer has geometry. */
    static void requireGeometry(LayerDef layer) {
        if (!layer.geometry().hasGeometry()) {
            throw new IllegalArgumentException("layer " + layer.id() + " has no geometry, hence no tiles");
        }
    }
}
