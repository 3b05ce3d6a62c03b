/**
 * Village plans (实用性村庄规划, 多规合一): the register, the approval workflow, documents, land-use parcels with their
 * checks, the land-use balance and the 三区三线 conflict checks.
 */
package cn.yiyang.planning.app.plan;
