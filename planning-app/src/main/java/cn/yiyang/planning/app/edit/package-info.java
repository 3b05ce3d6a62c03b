/**
 * Editing features on the map: the editor panel beside the map ({@link cn.yiyang.planning.app.edit.MapEditor}:
 * the tools, snapping, undo/redo, save and cancel, conflicts, an earlier version beside the current one), the
 * attribute form generated from the catalogue ({@link cn.yiyang.planning.app.edit.FeatureForm}) and the service
 * behind them ({@link cn.yiyang.planning.app.edit.MapEditService}), which writes through
 * {@link cn.yiyang.planning.app.feature.FeatureEditService} so that checks, versions and the history apply.
 */
package cn.yiyang.planning.app.edit;
