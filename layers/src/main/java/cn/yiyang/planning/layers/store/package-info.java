/**
 * The two stores (PostGIS and embedded H2GIS) behind one contract: connection pool, Flyway
 * migrations and the {@link cn.yiyang.planning.layers.store.Dialect} that holds their differences.
 */
package cn.yiyang.planning.layers.store;
