/**
 * Editing operations on stored shapes that the map editor asks the server for, since they need exact overlay:
 * {@link cn.yiyang.planning.geo.edit.PolygonSplit} (a polygon cut by a drawn line into parts) and
 * {@link cn.yiyang.planning.geo.edit.PolygonMerge} (two adjacent polygons into one). Each is a small operation whose
 * result is a value: the new shapes, or a typed {@link cn.yiyang.planning.geo.edit.EditRefusal} saying why not;
 * neither throws on bad input. Geometries are CGCS2000 lon/lat (EPSG:4490, x = longitude).
 */
package cn.yiyang.planning.geo.edit;
