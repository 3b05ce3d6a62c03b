/**
 * Cross-cutting wiring: the store, API error handling (every feature's problem is a {@link
 * cn.yiyang.planning.app.system.ProblemException}, answered in one place), start-up.
 */
package cn.yiyang.planning.app.system;
