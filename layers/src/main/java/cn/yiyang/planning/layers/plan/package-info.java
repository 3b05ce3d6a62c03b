/**
 * What the app stores about village plans beside their layers: the approvers' justifications of 多规合一 conflicts
 * ({@link cn.yiyang.planning.layers.plan.ConflictJustification}, table {@code plan_conflict_justification} of V10).
 * The conflicts themselves are computed from the parcels and the 三区三线 layers by the app.
 */
package cn.yiyang.planning.layers.plan;
