/** Authentication and roles for the UI and the REST API. */
package cn.yiyang.planning.app.security;
