/**
 * Road networks for access analysis: a {@link cn.yiyang.planning.geo.network.RoadNetwork} noded from lon/lat
 * road segments in local Gauss-Kruger metres, its connected components and the part reachable from seed roads
 * ({@link cn.yiyang.planning.geo.network.Reachability}), and distances to and along that part
 * ({@link cn.yiyang.planning.geo.network.NetworkDistance}).
 *
 * <p>Input geometries are CGCS2000 lon/lat (EPSG:4490) with x = longitude, y = latitude; all lengths and
 * distances returned are metres in the network's {@link cn.yiyang.planning.geo.measure.LocalProjection}.
 */
package cn.yiyang.planning.geo.network;
