package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.importer.issue.ImportIssue;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * What a file holds, as far as reading it tells.
 *
 * @param format        the format recognised
 * @param fileName      the name the user knows the file by (the upload's name; inside a zip, the entry)
 * @param tables        the tables (layers) in the file; one for most formats
 * @param table         the table being read
 * @param fields        the attribute columns
 * @param featureCount  the number of features, or -1 when only a full read can tell
 * @param encoding      the text encoding used, and how it was chosen (null for formats without one)
 * @param crs           the coordinate system, and how it was established
 * @param extent        the bounding box in the file's CRS, or null when unknown
 * @param geometryTypes the JTS geometry types present (as far as known without a full read)
 * @param issues        file-level problems and notices (encoding detected, CRS inferred, …)
 */
public record SourceDescription(
        SourceFormat format,
        String fileName,
        List<String> tables,
        String table,
        List<SourceField> fields,
        long featureCount,
        DetectedEncoding encoding,
        DetectedCrs crs,
        Envelope extent,
        Set<String> geometryTypes,
        List<ImportIssue> issues) {

    public SourceDescription {
        tables = List.copyOf(tables);
        fields = List.copyOf(fields);
        geometryTypes = Set.copyOf(geometryTypes);
        issues = List.copyOf(issues);
    }
}
