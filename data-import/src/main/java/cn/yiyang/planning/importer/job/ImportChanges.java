package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * What the user changes when confirming an import; null leaves a setting as it was.
 *
 * @param fieldMap       the whole explicit field map (typically {@link cn.yiyang.planning.importer.mapping.FieldMapping#asMap()}
 *                       as shown, edited); replaces the previous one
 * @param crs            the source CRS
 * @param encoding       the text encoding
 * @param table          the table of a file with several
 * @param mode           the load mode
 * @param repairGeometry whether to repair invalid geometries
 * @param rejectPolicy   what to do with rows that have errors
 * @param dryRun         false to load after a dry run; true to analyse again only
 */
public record ImportChanges(
        Map<String, String> fieldMap,
        Crs crs,
        Charset encoding,
        String table,
        LoadMode mode,
        Boolean repairGeometry,
        RejectPolicy rejectPolicy,
        Boolean dryRun) {

    /** No change: confirm what was shown (an inferred CRS is accepted), and load. */
    public static ImportChanges load() {
        return new ImportChanges(null, null, null, null, null, null, null, false);
    }

    /** No change at all (a dry run stays a dry run). */
    public static ImportChanges none() {
        return new ImportChanges(null, null, null, null, null, null, null, null);
    }

    public ImportChanges withFieldMap(Map<String, String> map) {
        return new ImportChanges(map, crs, encoding, table, mode, repairGeometry, rejectPolicy, dryRun);
    }

    public ImportChanges withCrs(Crs value) {
        return new ImportChanges(fieldMap, value, encoding, table, mode, repairGeometry, rejectPolicy, dryRun);
    }

    public ImportChanges withEncoding(Charset value) {
        return new ImportChanges(fieldMap, crs, value, table, mode, repairGeometry, rejectPolicy, dryRun);
    }

    public ImportChanges withTable(String value) {
        return new ImportChanges(fieldMap, crs, encoding, value, mode, repairGeometry, rejectPolicy, dryRun);
    }

    public ImportChanges withMode(LoadMode value) {
        return new ImportChanges(fieldMap, crs, encoding, table, value, repairGeometry, rejectPolicy, dryRun);
    }

    public ImportChanges withRepairGeometry(Boolean value) {
        return new ImportChanges(fieldMap, crs, encoding, table, mode, value, rejectPolicy, dryRun);
    }

    public ImportChanges withRejectPolicy(RejectPolicy value) {
        return new ImportChanges(fieldMap, crs, encoding, table, mode, repairGeometry, value, dryRun);
    }

    public ImportChanges withDryRun(Boolean value) {
        return new ImportChanges(fieldMap, crs, encoding, table, mode, repairGeometry, rejectPolicy, value);
    }
}
