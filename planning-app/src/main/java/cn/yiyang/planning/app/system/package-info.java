/** Cross-cutting wiring: the store, API error handling, start-up. */
package cn.yiyang.planning.app.system;
