package cn.yiyang.planning.layers.feature;

import org.locationtech.jts.geom.Envelope;

/**
 * How much a layer holds and where.
 *
 * @param featureCount the number of features
 * @param extent       the bounding box in EPSG:4490 (lon/lat), or null when the layer is empty or
 *                     has no geometry
 */
public record LayerSummary(long featureCount, Envelope extent) {}
