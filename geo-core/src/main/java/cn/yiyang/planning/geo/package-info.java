/**
 * Geometry, coordinate reference systems and measurement for the Yiyang rural-planning GIS.
 *
 * <p>This module depends on JTS and proj4j only. Sub-packages:
 * {@link cn.yiyang.planning.geo.crs} (supported CRSs and transformations),
 * {@link cn.yiyang.planning.geo.measure} (ellipsoidal distances and areas, local metric projections) and
 * {@link cn.yiyang.planning.geo.plan} (village plans: land-use balance, parcel checks, 多规合一 conflicts).
 */
package cn.yiyang.planning.geo;
