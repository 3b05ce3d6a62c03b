/**
 * Coordinate reference systems supported by the planning GIS and transformations between them.
 *
 * <h2>Axis order</h2>
 * Every coordinate in this API has {@code x} = easting or longitude and {@code y} = northing or latitude,
 * in that order, for every CRS. EPSG:4490 (CGCS2000) and EPSG:4326 officially declare latitude first;
 * this API never uses that order. Survey tables that label the northing "X" must be swapped before use.
 *
 * <h2>Datums</h2>
 * CGCS2000 and WGS84 are treated as the same datum (they differ by a few centimetres, well under map
 * precision), so CGCS2000 lon/lat is the pivot of every transformation. Beijing 1954, New Beijing 1954
 * and Xi'an 1980 codes are recognised but refused with {@link cn.yiyang.planning.geo.crs.LegacyDatumException}:
 * converting them needs local transformation parameters that only the surveying authority can supply.
 *
 * <h2>Entry points</h2>
 * {@link cn.yiyang.planning.geo.crs.Crs} (what a CRS is, parsing codes),
 * {@link cn.yiyang.planning.geo.crs.GaussKrugerZone} (3-degree zone arithmetic) and
 * {@link cn.yiyang.planning.geo.crs.CrsTransform} (transforming coordinates and JTS geometries).
 */
package cn.yiyang.planning.geo.crs;
