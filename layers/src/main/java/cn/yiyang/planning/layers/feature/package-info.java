/** Features of catalogue layers and the repository that stores them on either store. */
package cn.yiyang.planning.layers.feature;
