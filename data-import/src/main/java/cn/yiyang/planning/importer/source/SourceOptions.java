package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.geo.crs.Crs;
import java.nio.charset.Charset;

/**
 * What the user may tell the reader; null means "detect".
 *
 * @param encoding the text encoding of attributes (shapefile DBF, CSV)
 * @param crs      the CRS of the coordinates, overriding what the file says or lacks
 * @param table    the table to read from a file with several (GeoPackage)
 * @param withoutGeometry whether the target layer is a table without geometry (water-quality tests, inspections):
 *                 then a CSV without coordinate or WKT columns is read as such a table instead of refused
 */
public record SourceOptions(Charset encoding, Crs crs, String table, boolean withoutGeometry) {

    public static final SourceOptions DETECT = new SourceOptions(null, null, null);

    /** Options for a layer with geometry. */
    public SourceOptions(Charset encoding, Crs crs, String table) {
        this(encoding, crs, table, false);
    }

    /** The same options for a target layer without geometry. */
    public SourceOptions forTableLayer() {
        return new SourceOptions(encoding, crs, table, true);
    }
}
