/** Records of what was loaded into which layer, by whom, and whether it is synthetic. */
package cn.yiyang.planning.layers.load;
