/**
 * The leaders' dashboard ({@code /dashboard}): every indicator of the catalogue against its target for the city or a
 * unit, by county, township and village, with the change since the previous run, the trend across runs and the final
 * evaluation of the plan period, from stored runs and entries only ({@link cn.yiyang.planning.app.dashboard.DashboardService});
 * its tables as XLSX ({@link cn.yiyang.planning.app.dashboard.DashboardExport}).
 */
package cn.yiyang.planning.app.dashboard;
