package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.importer.validate.Region;
import java.util.Objects;

/**
 * How the import service works.
 *
 * @param region           where features must lie (default: Yiyang with half a degree around it)
 * @param concurrency      imports running at once (others wait, QUEUED); 1 or 2 on a small server
 * @param issuesInMemory   problems kept with a job for the API (all are stored in {@code import_issue})
 * @param previewFeatures  features sampled for the map preview
 * @param issueBatch       problems written to the store per transaction
 * @param jobsInMemory     jobs kept in memory, each with up to {@code issuesInMemory} problems and its preview;
 *                         older settled ones are read back from their records (and can no longer be confirmed)
 */
public record ImportSettings(
        Region region, int concurrency, int issuesInMemory, int previewFeatures, int issueBatch, int jobsInMemory) {

    public static final ImportSettings DEFAULT = new ImportSettings(Region.YIYANG, 1, 10_000, 500, 2_000, 32);

    public ImportSettings {
        Objects.requireNonNull(region, "region");
        if (concurrency < 1 || issuesInMemory < 0 || previewFeatures < 0 || issueBatch < 1 || jobsInMemory < 1) {
            throw new IllegalArgumentException("import settings out of range");
        }
    }

    public ImportSettings withConcurrency(int n) {
        return new ImportSettings(region, n, issuesInMemory, previewFeatures, issueBatch, jobsInMemory);
    }

    public ImportSettings withRegion(Region r) {
        return new ImportSettings(r, concurrency, issuesInMemory, previewFeatures, issueBatch, jobsInMemory);
    }

    public ImportSettings withIssuesInMemory(int n) {
        return new ImportSettings(region, concurrency, n, previewFeatures, issueBatch, jobsInMemory);
    }
}
