/**
 * Measurement on the ellipsoid for lon/lat geometries: geodesic distances and lengths
 * ({@link cn.yiyang.planning.geo.measure.GeodesicDistance}), areas
 * ({@link cn.yiyang.planning.geo.measure.GeodesicArea}) in square metres, 亩 or 公顷
 * ({@link cn.yiyang.planning.geo.measure.AreaUnit}), and a Gauss-Kruger
 * {@link cn.yiyang.planning.geo.measure.LocalProjection} for analyses that need planar metres (buffers).
 *
 * <p>Input geometries are CGCS2000 (or WGS84) lon/lat with x = longitude, y = latitude, in degrees.
 */
package cn.yiyang.planning.geo.measure;
