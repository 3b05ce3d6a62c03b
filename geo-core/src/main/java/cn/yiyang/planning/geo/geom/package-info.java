/** Small geometry helpers on top of JTS. */
package cn.yiyang.planning.geo.geom;
