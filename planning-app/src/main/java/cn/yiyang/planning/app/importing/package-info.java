/**
 * File imports in the app: the REST API ({@code /api/v1/layers/{layer}/imports}, {@code /api/v1/imports/…}),
 * the import page ({@code /import}) and what both share: {@link cn.yiyang.planning.app.importing.ImportWorkflow}
 * over the engine's {@link cn.yiyang.planning.importer.job.ImportService}, the upload folders under
 * {@code ${planning.data-dir}/uploads} ({@link cn.yiyang.planning.app.importing.UploadStore}). Who may write
 * into which layer is decided by {@link cn.yiyang.planning.app.security.Permissions}.
 */
package cn.yiyang.planning.app.importing;
