/**
 * What the app stores about the 通返不通 register (roads that were passable and became impassable
 * again): the closings (销号) of register entries done in the app
 * ({@link cn.yiyang.planning.layers.register.RoadClosure}, table {@code road_register_closure} of V4). The
 * entries themselves are derived from the {@code road_inspection} layer by the app's register service.
 */
package cn.yiyang.planning.layers.register;
