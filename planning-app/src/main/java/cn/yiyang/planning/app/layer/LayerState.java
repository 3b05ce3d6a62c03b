package cn.yiyang.planning.app.layer;

import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.load.LayerLoad;
import org.locationtech.jts.geom.Envelope;

/**
 * A catalogue layer and what it holds now.
 *
 * @param definition   the catalogue entry
 * @param featureCount number of features
 * @param extent       bounding box in EPSG:4490, or null when empty or without geometry
 * @param latestLoad   the latest load, or null if never loaded
 */
public record LayerState(LayerDef definition, long featureCount, Envelope extent, LayerLoad latestLoad) {

    /** Whether the layer's data are synthetic demo data. */
    public boolean synthetic() {
        return latestLoad != null && latestLoad.synthetic();
    }
}
