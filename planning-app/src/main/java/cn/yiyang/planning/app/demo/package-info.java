/** The synthetic demo city, loaded on first start with an empty store. */
package cn.yiyang.planning.app.demo;
