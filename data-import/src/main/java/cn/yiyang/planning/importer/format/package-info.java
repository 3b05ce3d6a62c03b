/**
 * Rules about how values are written to files that both the exports and the import need:
 * {@link cn.yiyang.planning.importer.format.SpreadsheetText} (a spreadsheet cell's text neutralised as a formula
 * and restored when read back). Depends on nothing else in the importer, so every other package may use it.
 */
package cn.yiyang.planning.importer.format;
