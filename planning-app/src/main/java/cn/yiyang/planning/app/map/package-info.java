/**
 * The map: vector tiles over HTTP ({@link cn.yiyang.planning.app.map.TileController} behind
 * {@link cn.yiyang.planning.app.map.TileService}), the {@code <planning-map>} OpenLayers element wrapped
 * as the Vaadin component {@link cn.yiyang.planning.app.map.PlanningMap}, and the app's first page
 * {@link cn.yiyang.planning.app.map.MapView}.
 */
package cn.yiyang.planning.app.map;
