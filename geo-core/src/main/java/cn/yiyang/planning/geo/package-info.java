/**
 * Geometry, coordinate reference systems and measurement for the Yiyang rural-planning GIS.
 *
 * <p>This module depends on JTS and proj4j only. Sub-packages:
 * {@link cn.yiyang.planning.geo.crs} (supported CRSs and transformations) and
 * {@link cn.yiyang.planning.geo.measure} (ellipsoidal distances and areas, local metric projections).
 */
package cn.yiyang.planning.geo;
