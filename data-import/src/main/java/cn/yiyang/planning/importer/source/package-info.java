/**
 * Reading departments' files: format recognition by content, safe unpacking, encodings, the CRS the file
 * declares or its coordinates imply, and a streaming record source per format.
 *
 * <p>Entry point: {@link cn.yiyang.planning.importer.source.SourceOpener}, which returns a
 * {@link cn.yiyang.planning.importer.source.FeatureSource}: shapefiles (H2GIS's readers), GeoPackages (NGA),
 * GeoJSON and newline-delimited GeoJSON (Jackson streaming, JTS), CSV (Commons CSV) and, through
 * {@code ogr2ogr} when GDAL is installed, any other format GDAL reads. Limits on uploads are
 * {@link cn.yiyang.planning.importer.source.UploadLimits}; {@link cn.yiyang.planning.importer.source.CrsDetector}
 * tells a CRS from WKT or from coordinate ranges. The readers themselves are package-private.
 */
package cn.yiyang.planning.importer.source;
