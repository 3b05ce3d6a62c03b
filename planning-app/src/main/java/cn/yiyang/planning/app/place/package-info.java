/**
 * Places: the administrative units (益阳市 → county → township → village) that the map's search
 * and drill-down navigate, read from the administrative layers.
 */
package cn.yiyang.planning.app.place;
