package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.layers.load.ImportIssueRecord;
import cn.yiyang.planning.layers.load.ImportRecordRepository;
import java.util.ArrayList;
import java.util.List;

/** Collects a run's problems: into the job (capped) and, in batches, into {@code import_issue} (all). */
final class IssueLog {

    private final JobState job;
    private final ImportRecordRepository records;
    private final int batchSize;
    private final List<ImportIssueRecord> batch = new ArrayList<>();

    IssueLog(JobState job, ImportRecordRepository records, int batchSize) {
        this.job = job;
        this.records = records;
        this.batchSize = batchSize;
    }

    void add(ImportIssue issue) {
        job.issue(issue);
        batch.add(new ImportIssueRecord(
                job.id(),
                issue.file(),
                issue.row(),
                issue.field(),
                issue.code().name(),
                issue.severity().name(),
                issue.args()));
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    void addAll(List<ImportIssue> issues) {
        issues.forEach(this::add);
    }

    void flush() {
        if (!batch.isEmpty()) {
            records.addIssues(job.id(), List.copyOf(batch));
            batch.clear();
        }
    }
}
