/**
 * Exports of any layer, filtered by unit (county, township, village) or a box, as GeoPackage, zipped Shapefile,
 * GeoJSON, CSV (UTF-8 with BOM) and XLSX, in EPSG:4490 or a Gauss-Kruger zone: {@code GET
 * /api/v1/layers/{layer}/export}, and from the map's layer tree and attribute table through {@link
 * cn.yiyang.planning.app.exporting.ExportDialog}, which runs an {@link cn.yiyang.planning.app.exporting.ExportJob} on
 * the export worker with its progress pushed to the page. Features are written as the store returns them (files that
 * need a random-access file, GeoPackage and Shapefile, are written to a temporary file first, then streamed).
 */
package cn.yiyang.planning.app.exporting;
