package cn.yiyang.planning.layers.load;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The records of file imports and their problems ({@code import_job}, {@code import_issue}). Each
 * call is its own transaction, independent of any layer load: a load that is rolled back keeps its
 * record.
 */
public interface ImportRecordRepository {

    /** Inserts the record, or replaces the stored one with the same id. */
    void save(ImportRecord record);

    /** Adds problems of an import, in one transaction (callers pass batches of a few thousand). */
    void addIssues(String jobId, List<ImportIssueRecord> issues);

    /** Removes the problems of an import (before it is analysed again). */
    void deleteIssues(String jobId);

    Optional<ImportRecord> find(String id);

    /** The latest records, newest first; of one layer when {@code layerId} is not null. */
    List<ImportRecord> recent(String layerId, int limit);

    /** The records whose status is one of {@code statuses}. */
    List<ImportRecord> findByStatus(Collection<String> statuses);

    /** Up to {@code limit} problems of an import from {@code offset} on, in row order. */
    List<ImportIssueRecord> issues(String jobId, long offset, int limit);

    /** Streams every problem of an import, in row order, without holding them. */
    void forEachIssue(String jobId, Consumer<ImportIssueRecord> sink);
}
