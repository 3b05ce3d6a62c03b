/**
 * The records of analyses: runs ({@link cn.yiyang.planning.layers.analysis.AnalysisRun}) with their
 * status, settings, data version and summary; the indicators each run computes per unit and group
 * ({@link cn.yiyang.planning.layers.analysis.IndicatorValue}); and the plan's targets. Stored in the
 * tables of migration V3 ({@code analysis_run}, {@code analysis_indicator}, {@code indicator_target}) and, for
 * natural villages, one document per run, indicator and group ({@code analysis_indicator_units}, V28) on
 * either store, through {@link cn.yiyang.planning.layers.store.JdbcAnalysisRunRepository} and
 * {@link cn.yiyang.planning.layers.store.JdbcIndicatorTargetRepository}. The map results of a run go to
 * the catalogue's derived layers, through the feature repository.
 */
package cn.yiyang.planning.layers.analysis;
