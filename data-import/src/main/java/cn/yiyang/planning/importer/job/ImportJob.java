package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.source.Detection;
import cn.yiyang.planning.importer.source.SourceDescription;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of an import, as the API shows it. Values only: poll {@link ImportService#find} for a
 * newer one.
 *
 * @param id                the import's id
 * @param layerId           the target layer
 * @param status            where it is
 * @param progress          0..1: rows read over the file's feature count (estimated when the format
 *                          does not tell); 1 once settled
 * @param read              records read so far
 * @param imported          features loaded (0 until the load commits, and for a dry run)
 * @param rejected          rows with an error
 * @param issueCount        problems found (errors and warnings, rows and file)
 * @param issues            the first problems (up to the configured number), in the order found
 * @param encoding          the text encoding used (a charset name), or null
 * @param encodingDetection how it was chosen, or null
 * @param crs               the source CRS code used (EPSG:4546, GCJ02 …), or null
 * @param crsDetection      how it was established, or null
 * @param source            what the file holds (format, tables, fields, count), once opened; null for
 *                          a job read back from its record
 * @param mapping           the field mapping in force (proposed or as confirmed), or null before it is known
 * @param preview           features for the map, and the extent
 * @param request           the request as it stands (after confirmations); null for a job read back
 *                          from its record
 * @param fileName          the upload's name(s)
 * @param fileSha256        SHA-256 of the upload, hex, once computed
 * @param fileSize          the upload's size in bytes
 * @param dryRun            whether nothing is to be loaded
 * @param outcome           the file-level problem that decided a NEEDS_INPUT or FAILED status, or null
 * @param createdAt         when it was submitted
 * @param finishedAt        when it settled, or null
 */
public record ImportJob(
        String id,
        String layerId,
        ImportStatus status,
        double progress,
        long read,
        long imported,
        long rejected,
        long issueCount,
        List<ImportIssue> issues,
        String encoding,
        Detection encodingDetection,
        String crs,
        Detection crsDetection,
        SourceDescription source,
        FieldMapping mapping,
        Preview preview,
        ImportRequest request,
        String fileName,
        String fileSha256,
        long fileSize,
        boolean dryRun,
        IssueCode outcome,
        Instant createdAt,
        Instant finishedAt) {

    public ImportJob {
        issues = List.copyOf(issues);
        preview = preview == null ? Preview.EMPTY : preview;
    }

    /** Whether more problems were found than {@link #issues()} holds (all are in the record). */
    public boolean issuesTruncated() {
        return issueCount > issues.size();
    }

    /**
     * Whether {@link ImportService#confirm} may run it again with changes: it waits for input, it
     * failed, or it was a dry run (confirming it loads).
     */
    public boolean confirmable() {
        return request != null
                && (status == ImportStatus.NEEDS_INPUT
                        || status == ImportStatus.FAILED
                        || status == ImportStatus.SUCCEEDED && dryRun);
    }
}
