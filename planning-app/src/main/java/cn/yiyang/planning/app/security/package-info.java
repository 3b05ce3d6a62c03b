/**
 * Authentication and roles for the UI, the REST API and the tiles, and who may do what: {@link
 * cn.yiyang.planning.app.security.Permissions} decides every {@link cn.yiyang.planning.app.security.Action} of an
 * {@link cn.yiyang.planning.app.security.AppUser}; a refusal is one {@link
 * cn.yiyang.planning.app.security.ForbiddenException} (403).
 */
package cn.yiyang.planning.app.security;
