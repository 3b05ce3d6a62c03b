package cn.yiyang.planning.layers.load;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The record of one file import (or its dry run): who imported what, into which layer, how, and
 * with what outcome. The importer owns the vocabulary of {@code status}, {@code mode} and
 * {@code message}; this module only stores them.
 *
 * @param id            the import's id
 * @param layerId       the target layer
 * @param status        the import's status (QUEUED, RUNNING, NEEDS_INPUT, SUCCEEDED, FAILED)
 * @param mode          the load mode (REPLACE, APPEND, UPSERT)
 * @param fileName      the name(s) the user knows the upload by
 * @param fileSha256    the SHA-256 of the uploaded file(s), hex; null until computed
 * @param fileSize      the size of the upload in bytes
 * @param encoding      the text encoding used, or null
 * @param crs           the source CRS code used (e.g. EPSG:4546), or null
 * @param readCount     records read
 * @param importedCount features written to the layer
 * @param rejectedCount records rejected (with at least one error)
 * @param issueCount    problems found (errors and warnings)
 * @param dryRun        whether this was an analysis only
 * @param requestedBy   the user (or process) that asked for it
 * @param createdAt     when it was asked for
 * @param finishedAt    when it ended, or null while it has not
 * @param message       the code of the problem that decided the outcome (e.g. LOAD_FAILED), or null;
 *                      never free text
 */
public record ImportRecord(
        String id,
        String layerId,
        String status,
        String mode,
        String fileName,
        String fileSha256,
        long fileSize,
        String encoding,
        String crs,
        long readCount,
        long importedCount,
        long rejectedCount,
        long issueCount,
        boolean dryRun,
        String requestedBy,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt,
        String message) {

    public ImportRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layerId, "layerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
