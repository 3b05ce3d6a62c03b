package cn.yiyang.planning.layers.load;

import java.time.OffsetDateTime;

/**
 * A record of one load into a layer.
 *
 * @param layerId      the layer loaded
 * @param source       what was loaded (a file name, or the demo generator and its seed)
 * @param synthetic    whether the data are synthetic demo data, to be labelled as such
 * @param mode         the load mode (replace, append)
 * @param featureCount how many features were loaded
 * @param loadedBy     the user or process that loaded them
 * @param loadedAt     when; null for a record not yet stored
 */
public record LayerLoad(
        String layerId,
        String source,
        boolean synthetic,
        String mode,
        long featureCount,
        String loadedBy,
        OffsetDateTime loadedAt) {}
