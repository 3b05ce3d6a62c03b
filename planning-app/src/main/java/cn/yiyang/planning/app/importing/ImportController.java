package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.importer.job.ImportChanges;
import cn.yiyang.planning.importer.job.ImportJob;
import cn.yiyang.planning.importer.job.ImportService;
import cn.yiyang.planning.importer.job.RequestValues;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.LoadMode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports over HTTP, for the departments' systems: upload into a layer, poll the import, confirm it
 * (load after a dry run, or give what it needs), list recent ones, download the problem list and the
 * record as CSV. Failures become problems in {@code ApiExceptionHandler}.
 */
@RestController
@RequestMapping("/api/v1")
class ImportController {

    /** Problems shown inline in an import's JSON by default; all are in issues.csv. */
    static final int ISSUES_SHOWN = 100;

    private static final int MAX_RECENT = 200;

    private final ImportWorkflow workflow;

    ImportController(ImportWorkflow workflow) {
        this.workflow = workflow;
    }

    /**
     * {@code POST /api/v1/layers/{layer}/imports}, multipart: one or several {@code file} parts and the
     * options as form fields → 202 with the import and its Location.
     */
    @ApiProblems({
        "400 bad_value no_file bad_field_mapping",
        "400 crs_unsupported crs_legacy_datum encoding_unknown upsert_without_key",
        "403 forbidden",
        "404 unknown_layer",
        "409 derived_layer",
        "413 too_large",
        "422 zip_slip zip_bomb zip_too_many_entries empty_file missing_part corrupt_file",
        "422 unsupported_format choose_table no_such_table csv_no_geometry_columns"
    })
    @PostMapping(path = "/layers/{layer}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJson> submit(
            @PathVariable String layer,
            @RequestPart("file") List<MultipartFile> file,
            @RequestParam(required = false) String crs,
            @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String fieldMap,
            @RequestParam(required = false) String table,
            @RequestParam(required = false) String dryRun,
            @RequestParam(required = false) String repair,
            @RequestParam(required = false) String rejectPolicy,
            Authentication auth,
            Locale locale) {
        AppUser user = user(auth);
        LayerDef target = workflow.layer(layer);
        ImportService.checkImportable(target, null); // before the files are copied into an upload
        Permissions.check(user, Action.write(target));
        String names = String.join(
                ", ",
                file.stream()
                        .map(f -> UploadStore.safeName(f.getOriginalFilename()))
                        .toList());
        ImportOptions options = new ImportOptions(
                RequestValues.crs(crs, names),
                RequestValues.encoding(encoding, names),
                table,
                ImportValues.mode(mode),
                ImportValues.fieldMap(fieldMap),
                Boolean.TRUE.equals(ImportValues.flag("dryRun", dryRun)),
                Boolean.TRUE.equals(ImportValues.flag("repair", repair)),
                ImportValues.rejectPolicy(rejectPolicy));
        UploadBatch upload = workflow.newUpload();
        try {
            for (MultipartFile part : file) {
                // transferTo(File), not (Path): the servlet container moves its temporary file into place (the
                // Path form copies it: 35 MB of disk traffic for a 17 MB GeoPackage before the import starts)
                upload.add(
                        part.getOriginalFilename(),
                        into -> part.transferTo(into.toAbsolutePath().toFile()));
            }
        } catch (RuntimeException e) {
            workflow.discard(upload);
            throw e;
        }
        ImportJob job;
        try {
            job = workflow.submit(user, target.id(), upload, options);
        } finally {
            workflow.discard(upload);
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + job.id()))
                .body(ImportJson.of(job, locale, ISSUES_SHOWN));
    }

    /** {@code GET /api/v1/imports/{id}}: status, counts, detections, mapping and the first problems. */
    @ApiProblems({"404 unknown_import"})
    @GetMapping("/imports/{id}")
    ImportJson get(@PathVariable String id, @RequestParam(defaultValue = "" + ISSUES_SHOWN) int issues, Locale locale) {
        return ImportJson.of(workflow.get(id), locale, Math.max(0, Math.min(issues, 10_000)));
    }

    /** {@code POST /api/v1/imports/{id}/confirm} with a JSON body of changes → 202 with the import, running again. */
    @ApiProblems({"403 forbidden", "404 unknown_import", "409 import_not_confirmable"})
    @PostMapping(path = "/imports/{id}/confirm")
    ResponseEntity<ImportJson> confirm(
            @PathVariable String id,
            @RequestBody(required = false) ConfirmJson body,
            Authentication auth,
            Locale locale) {
        ConfirmJson c = body == null ? new ConfirmJson(null, null, null, null, null, null, null, null) : body;
        ImportJob current = workflow.get(id);
        ImportChanges changes = new ImportChanges(
                c.fieldMap(),
                RequestValues.crs(c.crs(), current.fileName()),
                RequestValues.encoding(c.encoding(), current.fileName()),
                c.table(),
                mode(ImportValues.mode(c.mode())),
                c.repair(),
                ImportValues.rejectPolicy(c.rejectPolicy()),
                c.dryRun() == null ? Boolean.FALSE : c.dryRun());
        ImportJob job = workflow.confirm(user(auth), id, changes);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + job.id()))
                .body(ImportJson.of(job, locale, ISSUES_SHOWN));
    }

    /** {@code GET /api/v1/imports?layer=&limit=}: the latest import records, newest first. */
    @GetMapping("/imports")
    RecentJson recent(@RequestParam(required = false) String layer, @RequestParam(defaultValue = "20") int limit) {
        return new RecentJson(workflow.recent(
                layer == null || layer.isBlank() ? null : layer, Math.max(1, Math.min(limit, MAX_RECENT))));
    }

    /** {@code GET /api/v1/imports/{id}/issues?offset=&limit=}: problems page by page, in row order. */
    @ApiProblems({"404 unknown_import"})
    @GetMapping("/imports/{id}/issues")
    IssuePageJson issues(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") long offset,
            @RequestParam(defaultValue = "100") int limit,
            Locale locale) {
        ImportJob job = workflow.get(id);
        List<ImportJson.IssueJson> page =
                workflow.issues(id, Math.max(0, offset), Math.max(1, Math.min(limit, 1_000))).stream()
                        .map(i -> ImportJson.IssueJson.of(i, locale))
                        .toList();
        return new IssuePageJson(id, job.issueCount(), Math.max(0, offset), page);
    }

    /** {@code GET /api/v1/imports/{id}/issues.csv}: every problem, UTF-8 with BOM, messages in the caller's language. */
    @ApiProblems({"404 unknown_import"})
    @GetMapping("/imports/{id}/issues.csv")
    void issuesCsv(@PathVariable String id, Locale locale, HttpServletResponse response) throws IOException {
        workflow.get(id);
        csv(response, "import-" + id + "-issues.csv");
        workflow.writeIssuesCsv(id, locale, response.getOutputStream());
    }

    /** {@code GET /api/v1/imports/{id}/record.csv}: the import record, UTF-8 with BOM. */
    @ApiProblems({"404 unknown_import"})
    @GetMapping("/imports/{id}/record.csv")
    void recordCsv(@PathVariable String id, Locale locale, HttpServletResponse response) throws IOException {
        workflow.get(id);
        csv(response, "import-" + id + "-record.csv");
        workflow.writeRecordCsv(id, locale, response.getOutputStream());
    }

    private static void csv(HttpServletResponse response, String fileName) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
    }

    private static LoadMode mode(ImportMode mode) {
        return mode == null ? null : mode.loadMode();
    }

    private static AppUser user(Authentication auth) {
        return AppUser.of(auth);
    }

    /** The latest imports: {@code {"imports": [...]}}. */
    record RecentJson(List<ImportSummary> imports) {}

    /**
     * A page of an import's problems.
     *
     * @param id the import
     * @param issueCount problems found in all
     * @param offset the first problem's position in the list
     * @param issues the page
     */
    record IssuePageJson(String id, long issueCount, long offset, List<ImportJson.IssueJson> issues) {}

    /** The body of a confirmation; every member optional ({@code dryRun} defaults to false: load). */
    record ConfirmJson(
            Map<String, String> fieldMap,
            String crs,
            String encoding,
            String table,
            String mode,
            Boolean repair,
            String rejectPolicy,
            Boolean dryRun) {}
}
