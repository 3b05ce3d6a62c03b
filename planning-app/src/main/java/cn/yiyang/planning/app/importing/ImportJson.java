package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.job.ImportJob;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.mapping.FieldProposal;
import cn.yiyang.planning.importer.source.Detection;
import cn.yiyang.planning.importer.source.SourceDescription;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * An import as the REST API shows it. Built field by field from the engine's {@link ImportJob} — never
 * from its request, which holds server paths. Messages are in the caller's language.
 *
 * @param id                the import's id
 * @param layer             the target layer
 * @param status            QUEUED, RUNNING, NEEDS_INPUT, SUCCEEDED or FAILED
 * @param progress          0..1
 * @param read              rows read
 * @param valid             rows without errors (read − rejected)
 * @param imported          features loaded (0 for a dry run)
 * @param rejected          rows with an error
 * @param encoding          the text encoding used (GBK, UTF-8 …), or null
 * @param encodingDetection how it was chosen: USER, DECLARED, HEADER, INFERRED, FORMAT_DEFAULT, UNKNOWN
 * @param crs               the source CRS (EPSG:4525, GCJ02 …), or null
 * @param crsDetection      how it was established; INFERRED asks the user to confirm
 * @param format            SHAPEFILE, GEOPACKAGE, GEOJSON, GEOJSON_SEQ, CSV, GDAL or XLSX, once the file is open
 * @param table             the table read, or null
 * @param tables            the tables in the file
 * @param sourceFields      the file's fields with their types
 * @param fileName          the upload's name(s)
 * @param fileSize          bytes
 * @param sha256            SHA-256 of the upload, once computed
 * @param dryRun            whether nothing is to be loaded
 * @param mode              REPLACE, APPEND or UPSERT (null for an import read back from its record)
 * @param confirmable       whether {@code POST …/confirm} may run it again
 * @param mapping           the field mapping in force, or null before it is known
 * @param proposals         for each layer field no column gives by name, title or alias, the columns whose values
 *                          fit it, best first, with the evidence; {@code applied} when the first was mapped
 *                          (decision CONTENT, to confirm); else accept one by confirming with a field map
 *                          {@code {"<source>": "<field>"}}
 * @param outcome           the problem that decided a NEEDS_INPUT or FAILED status, or null
 * @param issueCount        problems found
 * @param issuesTruncated   whether {@code issues} holds fewer than {@code issueCount} (all are in issues.csv)
 * @param issues            the first problems
 * @param preview           the extent of the file's features in EPSG:4490 and the sampled count
 * @param createdAt         when it was submitted
 * @param finishedAt        when it settled, or null
 */
record ImportJson(
        String id,
        String layer,
        String status,
        double progress,
        long read,
        long valid,
        long imported,
        long rejected,
        String encoding,
        Detection encodingDetection,
        String crs,
        Detection crsDetection,
        String format,
        String table,
        List<String> tables,
        List<FieldJson> sourceFields,
        String fileName,
        long fileSize,
        String sha256,
        boolean dryRun,
        String mode,
        boolean confirmable,
        List<MappingJson> mapping,
        List<ProposalJson> proposals,
        IssueJson outcome,
        long issueCount,
        boolean issuesTruncated,
        List<IssueJson> issues,
        PreviewJson preview,
        Instant createdAt,
        Instant finishedAt) {

    static ImportJson of(ImportJob job, Locale locale, int maxIssues) {
        SourceDescription source = job.source();
        List<IssueJson> issues = job.issues().stream()
                .limit(maxIssues)
                .map(i -> IssueJson.of(i, locale))
                .toList();
        ImportIssue decisive = job.outcome() == null
                ? null
                : job.issues().stream()
                        .filter(i -> i.code() == job.outcome())
                        .findFirst()
                        .orElse(null);
        IssueJson outcome = job.outcome() == null
                ? null
                : decisive != null
                        ? IssueJson.of(decisive, locale)
                        : new IssueJson(
                                null,
                                0,
                                null,
                                job.outcome().name(),
                                job.outcome().severity().name(),
                                null);
        Detection encodingHow = job.encodingDetection() != null || source == null || source.encoding() == null
                ? job.encodingDetection()
                : source.encoding().how();
        Detection crsHow = job.crsDetection() != null || source == null || source.crs() == null
                ? job.crsDetection()
                : source.crs().how();
        return new ImportJson(
                job.id(),
                job.layerId(),
                job.status().name(),
                job.progress(),
                job.read(),
                Math.max(0, job.read() - job.rejected()),
                job.imported(),
                job.rejected(),
                job.encoding(),
                encodingHow,
                job.crs(),
                crsHow,
                source == null ? null : source.format().name(),
                source == null ? null : source.table(),
                source == null ? List.of() : source.tables(),
                source == null
                        ? List.of()
                        : source.fields().stream()
                                .map(f -> new FieldJson(f.name(), f.type()))
                                .toList(),
                job.fileName(),
                job.fileSize(),
                job.fileSha256(),
                job.dryRun(),
                job.request() == null ? null : job.request().mode().name(),
                job.confirmable(),
                job.mapping() == null
                        ? null
                        : job.mapping().entries().stream().map(MappingJson::of).toList(),
                job.mapping() == null
                        ? List.of()
                        : job.mapping().proposals().stream()
                                .map(p -> ProposalJson.of(p, locale))
                                .toList(),
                outcome,
                job.issueCount(),
                job.issueCount() > issues.size(),
                issues,
                PreviewJson.of(job.preview().extent(), job.preview().features().size()),
                job.createdAt(),
                job.finishedAt());
    }

    /** One problem, located by file, row (0 = the file as a whole) and field. */
    record IssueJson(String file, long row, String field, String code, String severity, String message) {
        static IssueJson of(ImportIssue i, Locale locale) {
            return new IssueJson(
                    i.file(), i.row(), i.field(), i.code().name(), i.severity().name(), i.message(locale));
        }
    }

    /** A source field → a layer field, {@code EXTRA} or {@code IGNORE}, and how that was decided. */
    record MappingJson(String source, String target, String decision) {
        static MappingJson of(FieldMapping.Entry e) {
            return new MappingJson(e.source(), e.target(), e.decision().name());
        }
    }

    /** The columns proposed for a layer field by their values, best first. */
    record ProposalJson(String field, boolean applied, List<CandidateJson> candidates) {
        static ProposalJson of(FieldProposal p, Locale locale) {
            return new ProposalJson(
                    p.field(),
                    p.applied(),
                    p.candidates().stream()
                            .map(c -> new CandidateJson(
                                    c.source(),
                                    c.evidence().name(),
                                    c.matching(),
                                    c.nonEmpty(),
                                    c.percent(),
                                    c.describe(locale)))
                            .toList());
        }
    }

    /**
     * A column proposed for a field: how its values fit (REFERENCE, CODE_LIST, KEY_PATTERN, KEY_UNIQUE, DATE), how
     * many of its sampled non-empty values fit, and the evidence as a sentence in the caller's language.
     */
    record CandidateJson(String source, String evidence, int matching, int nonEmpty, int percent, String message) {}

    /** A field of the file. */
    record FieldJson(String name, String type) {}

    /** {@code extent} = [minLon, minLat, maxLon, maxLat] in EPSG:4490, null when unknown. */
    record PreviewJson(double[] extent, int sampledFeatures) {
        static PreviewJson of(Envelope e, int sampled) {
            return new PreviewJson(
                    e == null || e.isNull() ? null : new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()},
                    sampled);
        }
    }
}
