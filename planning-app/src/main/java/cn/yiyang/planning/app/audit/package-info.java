/**
 * The audit record: {@code AuditLog} appends who did what, when and from where (sign-ins and failed sign-ins,
 * feature edits, account and token changes), chained by hash in the store; the page {@code /audit} and
 * {@code /api/v1/audit…} list, export and check it (ADMIN).
 */
package cn.yiyang.planning.app.audit;
