/** The application frame shared by the signed-in pages. */
package cn.yiyang.planning.app.layout;
