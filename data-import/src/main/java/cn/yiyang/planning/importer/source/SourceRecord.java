package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.importer.issue.ImportIssue;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature (or CSV data row) as read, before mapping and validation.
 *
 * @param row      1-based feature or data-row number, as users count them in their GIS or spreadsheet
 * @param values   field name to value: String, Long/Integer, Double, Boolean, LocalDate, or null
 * @param geometry the geometry in the file's CRS (x = easting or longitude), or null
 * @param problem  why the record could not be read in full (values/geometry may then be partial), else null
 */
public record SourceRecord(long row, Map<String, Object> values, Geometry geometry, ImportIssue problem) {}
