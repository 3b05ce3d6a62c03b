package cn.yiyang.planning.importer.validate;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.Severity;
import cn.yiyang.planning.layers.feature.Feature;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One row after validation.
 *
 * @param row      the 1-based row number
 * @param feature  the feature to load, or null when the row is rejected
 * @param geometry the geometry in EPSG:4490 when it could be made (also for a row rejected for its
 *                 attributes: the preview shows it), else null
 * @param issues   the row's problems, errors and warnings
 */
public record ValidatedRow(long row, Feature feature, Geometry geometry, List<ImportIssue> issues) {

    public ValidatedRow {
        issues = List.copyOf(issues);
    }

    /** Whether the row has an error and is not loaded. */
    public boolean rejected() {
        return feature == null;
    }

    static boolean hasError(List<ImportIssue> issues) {
        // a loop, not a stream: asked for every row of an import
        for (int i = 0; i < issues.size(); i++) {
            if (issues.get(i).severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }
}
