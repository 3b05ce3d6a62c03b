/**
 * Analyses on request, one lifecycle for every kind (road access, water supply, sewage, sanitation, cold chain).
 *
 * <p>To add a kind:
 * <ol>
 *   <li>Write the computation in geo-core (inputs and results as values; indicators as {@link
 *   cn.yiyang.planning.geo.access.UnitIndicator}s rolled up by {@link cn.yiyang.planning.geo.access.UnitRollup}).</li>
 *   <li>In the feature's package, a Spring bean implementing {@link cn.yiyang.planning.app.analysis.AnalysisKind}:
 *   {@code id()} in kebab case (the stored kind is its snake case), the theme whose owners may run it, its indicators
 *   in page order, its {@link cn.yiyang.planning.app.analysis.SettingSpec}s (the plan's defaults, each with a range;
 *   {@code SettingSpec.asOf()} when a rule depends on dates), its input layers (their versions are the run's data
 *   version) and result layers (derived layers of the catalogue, replaced by each run), and {@code compute}: read the
 *   layers ({@code FeatureRepository.forEach}; units, areas and households through {@link
 *   cn.yiyang.planning.app.analysis.AnalysisInputs}), report progress 0..1, and return a {@link
 *   cn.yiyang.planning.app.analysis.RunOutput}: the indicators, each result layer's rows (with {@code run_id} set to
 *   the run's id), a summary of figures and the {@link cn.yiyang.planning.app.analysis.RunProblem}s met (message keys
 *   with zh and en texts).</li>
 *   <li>Texts: {@code indicator.<id>}, {@code indicator.short.<id>}, {@code setting.<name>}, {@code unit.<unit>},
 *   {@code analysis.read-only.<kind>}, {@code findings.intro.<layer>} for each result layer, and the problems' keys.
 *   Targets: rows of {@code indicator_target} (a migration).</li>
 *   <li>A page: a view with a heading and a {@link cn.yiyang.planning.app.analysis.ThemeAnalysisPanel} (run button,
 *   settings, cards with the change since the previous run, counties and townships, history, problems), and links to
 *   {@code findings/<layer>} ({@link cn.yiyang.planning.app.analysis.FindingsView}: filters, CSV and Excel export, a
 *   map) for its result layers.</li>
 * </ol>
 * Nothing else: {@link cn.yiyang.planning.app.analysis.AnalysisRunner} queues, runs and stores it (targets, synthetic
 * labels, history, failure as {@code analysis_failed}), {@code AnalysisController} serves {@code POST
 * /api/v1/analyses/{kind}/runs}, runs, indicators ({@code ?kind=}) and the findings exports.
 */
package cn.yiyang.planning.app.analysis;
