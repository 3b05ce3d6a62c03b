/**
 * Mapbox vector tiles (MVT) of the catalogue layers on the Web Mercator XYZ grid: one
 * {@link cn.yiyang.planning.layers.tiles.TileSource} per store kind (PostGIS builds tiles in SQL with
 * {@code ST_AsMVT}; H2GIS queries by bounding box and encodes in Java), with the same zoom rules
 * ({@link cn.yiyang.planning.layers.tiles.TileRules}) on both.
 */
package cn.yiyang.planning.layers.tiles;
