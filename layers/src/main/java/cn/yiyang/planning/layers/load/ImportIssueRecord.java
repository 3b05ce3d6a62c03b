package cn.yiyang.planning.layers.load;

import java.util.List;

/**
 * One stored problem of an import, as the importer reported it.
 *
 * @param jobId    the import
 * @param file     the file it is in (the name the user knows)
 * @param row      the 1-based feature or data-row number; 0 for the file as a whole
 * @param field    the field it is about, or null
 * @param code     the problem's code (the importer's IssueCode name)
 * @param severity ERROR or WARNING
 * @param args     the arguments of the problem's message
 */
public record ImportIssueRecord(
        String jobId, String file, long row, String field, String code, String severity, List<String> args) {

    public ImportIssueRecord {
        args = List.copyOf(args);
    }
}
