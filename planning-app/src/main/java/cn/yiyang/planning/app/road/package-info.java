/**
 * Roads (交通运输): the 通返不通 register — roads that were passable and became impassable again, derived from
 * the {@code road_inspection} layer, closed (销号) by the transport department — with its service
 * ({@link cn.yiyang.planning.app.road.RoadRegisterService}, which documents the rules), the REST API
 * ({@code /api/v1/road-register}) and the page ({@code /roads/register}).
 */
package cn.yiyang.planning.app.road;
