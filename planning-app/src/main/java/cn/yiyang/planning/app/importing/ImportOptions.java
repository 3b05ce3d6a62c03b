package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.job.RejectPolicy;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to import an upload, as the API's form fields and the import page's options give it; null means
 * "detect" (encoding, CRS, table) or the default (append, skip rows with errors).
 *
 * @param crs          the source CRS, or null for the file's
 * @param encoding     the text encoding, or null to detect
 * @param table        the table of a file with several, or null
 * @param mode         replace, append or upsert
 * @param fieldMap     source field → layer field, {@code EXTRA} or {@code IGNORE}
 * @param dryRun       analyse only
 * @param repair       repair invalid geometries
 * @param rejectPolicy what to do with rows that have errors
 */
public record ImportOptions(
        Crs crs,
        Charset encoding,
        String table,
        ImportMode mode,
        Map<String, String> fieldMap,
        boolean dryRun,
        boolean repair,
        RejectPolicy rejectPolicy) {

    public ImportOptions {
        table = table == null || table.isBlank() ? null : table.strip();
        mode = mode == null ? ImportMode.APPEND : mode;
        fieldMap = fieldMap == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fieldMap));
        rejectPolicy = rejectPolicy == null ? RejectPolicy.SKIP_INVALID : rejectPolicy;
    }

    /** Detect everything, append, skip rows with errors; a dry run when {@code dryRun}. */
    public static ImportOptions defaults(boolean dryRun) {
        return new ImportOptions(
                null, null, null, ImportMode.APPEND, Map.of(), dryRun, false, RejectPolicy.SKIP_INVALID);
    }
}
