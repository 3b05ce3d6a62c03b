/**
 * Per-row validation of an import: the reader's own problems, geometry (empty, kind, validity with
 * optional repair, CRS transformation to EPSG:4490, region extent with swapped-axes recognition),
 * attributes (types, codes, required values), keys (duplicates in the file, keys already in the
 * layer) and references to other layers. {@link cn.yiyang.planning.importer.validate.RowValidator} runs
 * them in that order and returns a value per row; memory is bounded by compact key sets
 * ({@link cn.yiyang.planning.importer.validate.KeyIndex}), never by the file's size.
 */
package cn.yiyang.planning.importer.validate;
