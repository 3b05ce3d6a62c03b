package cn.yiyang.planning.layers.analysis;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of an analysis.
 *
 * @param id              the run id (at most 64 characters)
 * @param kind            the analysis, e.g. {@code road_access}
 * @param status          where the run is
 * @param progress        0..1
 * @param requestedBy     the user (or {@code system} for a scheduled run)
 * @param createdAt       when it was asked for; null on {@link AnalysisRunRepository#create} means now
 * @param startedAt       when it started, or null
 * @param finishedAt      when it ended, or null
 * @param settingsJson    the settings used, a JSON document (or null)
 * @param dataVersionJson the versions of the layers it read, a JSON document (or null)
 * @param summaryJson     the summary of its results, a JSON document (or null)
 * @param message         a message code when it failed (never a stack trace), else null
 */
public record AnalysisRun(
        String id,
        String kind,
        RunStatus status,
        double progress,
        String requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String settingsJson,
        String dataVersionJson,
        String summaryJson,
        String message) {

    /** The kind of the road-access analysis (issue 5). */
    public static final String ROAD_ACCESS = "road_access";
    /** The message of runs that were running or queued when the process stopped. */
    public static final String INTERRUPTED = "interrupted";

    public AnalysisRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedBy, "requestedBy");
        if (id.length() > 64) {
            throw new IllegalArgumentException("a run id has at most 64 characters: " + id);
        }
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress is 0..1, not " + progress);
        }
    }

    /** A new queued run, created now. */
    public static AnalysisRun queued(String id, String kind, String requestedBy, String settingsJson) {
        return new AnalysisRun(
                id, kind, RunStatus.QUEUED, 0, requestedBy, Instant.now(), null, null, settingsJson, null, null, null);
    }

    /** This run started now, with the data versions it reads. */
    public AnalysisRun started(Instant at, String dataVersion) {
        return new AnalysisRun(
                id,
                kind,
                RunStatus.RUNNING,
                0,
                requestedBy,
                createdAt,
                at,
                null,
                settingsJson,
                dataVersion,
                summaryJson,
                null);
    }

    /** This run with its progress. */
    public AnalysisRun withProgress(double value) {
        return new AnalysisRun(
                id,
                kind,
                status,
                value,
                requestedBy,
                createdAt,
                startedAt,
                finishedAt,
                settingsJson,
                dataVersionJson,
                summaryJson,
                message);
    }

    /** This run succeeded at {@code at} with its summary. */
    public AnalysisRun succeeded(Instant at, String summary) {
        return new AnalysisRun(
                id,
                kind,
                RunStatus.SUCCEEDED,
                1,
                requestedBy,
                createdAt,
                startedAt,
                at,
                settingsJson,
                dataVersionJson,
                summary,
                null);
    }

    /** This run failed at {@code at} with a message code. */
    public AnalysisRun failed(Instant at, String messageCode) {
        return new AnalysisRun(
                id,
                kind,
                RunStatus.FAILED,
                progress,
                requestedBy,
                createdAt,
                startedAt,
                at,
                settingsJson,
                dataVersionJson,
                summaryJson,
                messageCode);
    }
}
