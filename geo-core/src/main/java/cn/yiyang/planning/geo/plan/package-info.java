/**
 * The geometry of village plans (实用性村庄规划): parcel areas and the land-use balance (用地平衡表,
 * {@link cn.yiyang.planning.geo.plan.LandUseBalance}), the checks run when parcels are saved
 * ({@link cn.yiyang.planning.geo.plan.ParcelCheck}: validity, inside the plan boundary, overlaps, gaps) and the
 * 多规合一 conflict check of planned construction against the 三区三线
 * ({@link cn.yiyang.planning.geo.plan.ConflictCheck}).
 *
 * <p>Parcels carry a land-use code of 《国土空间调查、规划、用途管制用地用海分类指南》(2023) as a string
 * ({@code "07"}, {@code "0703"}, {@code "060101"}); which classes count as construction and as town-type
 * construction is one value, {@link cn.yiyang.planning.geo.plan.LandUseClasses}, with documented defaults.
 * Geometries are CGCS2000 lon/lat (EPSG:4490, x = longitude); areas are ellipsoidal
 * ({@link cn.yiyang.planning.geo.measure.GeodesicArea}), given in m², 亩 and 公顷
 * ({@link cn.yiyang.planning.geo.plan.AreaFigure}). Every operation returns a value and never throws on bad
 * geometry: bad geometry is a problem in the result.
 */
package cn.yiyang.planning.geo.plan;
