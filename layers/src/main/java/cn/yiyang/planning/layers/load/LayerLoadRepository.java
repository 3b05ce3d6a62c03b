package cn.yiyang.planning.layers.load;

import java.util.Map;
import java.util.Optional;

/** The history of loads into layers. */
public interface LayerLoadRepository {

    void record(LayerLoad load);

    /** The latest load of a layer, if any. */
    Optional<LayerLoad> latest(String layerId);

    /** The latest load of every layer that has one, by layer id. */
    Map<String, LayerLoad> latestByLayer();
}
