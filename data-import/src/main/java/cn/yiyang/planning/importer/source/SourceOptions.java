package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.geo.crs.Crs;
import java.nio.charset.Charset;

/**
 * What the user may tell the reader; null means "detect".
 *
 * @param encoding the text encoding of attributes (shapefile DBF, CSV)
 * @param crs      the CRS of the coordinates, overriding what the file says or lacks
 * @param table    the table to read from a file with several (GeoPackage)
 */
public record SourceOptions(Charset encoding, Crs crs, String table) {

    public static final SourceOptions DETECT = new SourceOptions(null, null, null);
}
