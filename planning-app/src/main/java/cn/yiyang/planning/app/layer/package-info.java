/** The layer catalogue feature: what layers exist, what they hold, as a service and a REST API. */
package cn.yiyang.planning.app.layer;
