package cn.yiyang.planning.importer.cli;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.job.RejectPolicy;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed command line.
 *
 * @param db           JDBC URL of the store
 * @param dbUser       user, or null
 * @param dbPassword   password, or null
 * @param layer        target layer id
 * @param files        the file, or a shapefile's parts
 * @param crs          the source CRS, or null to use the file's
 * @param encoding     the text encoding, or null to detect
 * @param table        the table of a multi-table file, or null
 * @param mode         load mode
 * @param fieldMap     explicit field map
 * @param rejectPolicy what to do with rejected rows
 * @param dryRun       analyse only
 * @param repair       repair invalid geometries
 * @param user         who imports, for the record
 * @param locale       the language of the output
 * @param report       where to write the problem list as CSV, or null
 * @param help         whether only the usage was asked for
 */
record CliOptions(
        String db,
        String dbUser,
        String dbPassword,
        String layer,
        List<Path> files,
        Crs crs,
        Charset encoding,
        String table,
        LoadMode mode,
        Map<String, String> fieldMap,
        RejectPolicy rejectPolicy,
        boolean dryRun,
        boolean repair,
        String user,
        Locale locale,
        Path report,
        boolean help) {}
