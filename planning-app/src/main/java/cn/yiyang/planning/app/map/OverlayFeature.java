package cn.yiyang.planning.app.map;

import org.locationtech.jts.geom.Geometry;

/**
 * A feature drawn over the map's layers without being in one: an import's preview.
 *
 * @param geometry the geometry in EPSG:4490 (x = longitude)
 * @param rejected whether it was rejected (drawn in red), else drawn in blue
 */
public record OverlayFeature(Geometry geometry, boolean rejected) {
}
