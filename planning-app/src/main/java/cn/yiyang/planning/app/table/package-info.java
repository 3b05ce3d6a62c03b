/**
 * The attribute table: lazy pages of any layer's features, filtered by column, map extent and
 * drill-down unit ({@link cn.yiyang.planning.app.table.FeatureTableService}), shown by the map page's
 * {@link cn.yiyang.planning.app.table.AttributeTable}.
 */
package cn.yiyang.planning.app.table;
