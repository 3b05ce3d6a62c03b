package cn.yiyang.planning.app.importing;

import java.time.Instant;

/**
 * One import as the recent-imports list shows it (the record, without its problems).
 *
 * @param id          the import's id
 * @param layerId     the target layer
 * @param status      QUEUED, RUNNING, NEEDS_INPUT, SUCCEEDED or FAILED
 * @param mode        REPLACE, APPEND or UPSERT
 * @param fileName    the upload's name(s)
 * @param fileSha256  SHA-256 of the upload, or null
 * @param fileSize    bytes
 * @param encoding    the text encoding used, or null
 * @param crs         the source CRS, or null
 * @param read        rows read
 * @param imported    features loaded
 * @param rejected    rows rejected
 * @param issueCount  problems found
 * @param dryRun      whether it was an analysis only
 * @param requestedBy who asked for it
 * @param createdAt   when
 * @param finishedAt  when it ended, or null
 * @param outcome     the problem code that decided the outcome, or null
 */
public record ImportSummary(
        String id,
        String layerId,
        String status,
        String mode,
        String fileName,
        String fileSha256,
        long fileSize,
        String encoding,
        String crs,
        long read,
        long imported,
        long rejected,
        long issueCount,
        boolean dryRun,
        String requestedBy,
        Instant createdAt,
        Instant finishedAt,
        String outcome) {}
