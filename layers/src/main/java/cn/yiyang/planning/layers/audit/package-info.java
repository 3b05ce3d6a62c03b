/**
 * The audit record ({@code audit_entry}, V17): who did what, when, from where; appended only, each entry chained to
 * the previous one by a hash ({@link cn.yiyang.planning.layers.audit.AuditChain}) so that tampering is detectable.
 */
package cn.yiyang.planning.layers.audit;
