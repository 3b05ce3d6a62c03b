/**
 * Import jobs: {@link cn.yiyang.planning.importer.job.ImportService} takes an
 * {@link cn.yiyang.planning.importer.job.ImportRequest}, runs it on a small executor and reports an
 * {@link cn.yiyang.planning.importer.job.ImportJob} (status, progress, counts, detected encoding and
 * CRS, mapping, problems, a map preview). The conversation with the user is
 * analyse (a dry run, or a stop in {@code NEEDS_INPUT}) → {@code confirm} with changes → load. A load
 * is one transaction: the layer gets all the accepted rows or stays exactly as it was. Every import
 * is recorded with its problems ({@code import_job}, {@code import_issue}) and can be exported as
 * CSV ({@link cn.yiyang.planning.importer.job.ImportReport}). Plain Java: the REST API, the UI and the
 * command line all use it.
 */
package cn.yiyang.planning.importer.job;
