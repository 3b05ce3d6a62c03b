/**
 * Facility coverage: who is served by centralised water supply and sewage treatment, which works fail their duties,
 * the three-tier cold chain and courier service, sanitary toilets, and where a new facility would serve most. Inputs
 * are values (households, facilities, unit polygons); results are values and {@link
 * cn.yiyang.planning.geo.access.UnitIndicator}s rolled up by {@link cn.yiyang.planning.geo.access.UnitRollup}.
 */
package cn.yiyang.planning.geo.facility;
