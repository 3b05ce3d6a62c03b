/**
 * Records of what was loaded into which layer, by whom, and whether it is synthetic
 * ({@link cn.yiyang.planning.layers.load.LayerLoad}); and of every file import with its problems
 * ({@link cn.yiyang.planning.layers.load.ImportRecord}, {@link cn.yiyang.planning.layers.load.ImportIssueRecord}).
 */
package cn.yiyang.planning.layers.load;
