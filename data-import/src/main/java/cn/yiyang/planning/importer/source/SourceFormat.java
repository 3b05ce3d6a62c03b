package cn.yiyang.planning.importer.source;

/** The file formats the importer reads (recognised by content, not by file name). */
public enum SourceFormat {
    SHAPEFILE,
    GEOPACKAGE,
    /** A GeoJSON FeatureCollection (or a single Feature). */
    GEOJSON,
    /** Newline-delimited GeoJSON: one Feature per line. */
    GEOJSON_SEQ,
    /** Comma- or tab-separated text with longitude/latitude columns or a WKT column. */
    CSV,
    /** Anything else GDAL reads, converted by {@code ogr2ogr} on the way in (when installed). */
    GDAL,
    /**
     * An Excel workbook (.xlsx): one sheet, written to CSV by GDAL's {@code ogr2ogr} (when installed) and read as a
     * CSV is; date cells arrive as dates.
     */
    XLSX
}
