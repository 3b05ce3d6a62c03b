package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.plans.PlanDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * The village plan register over HTTP ({@code /api/v1/plans}): the list with filters and pages, a new plan, one
 * plan with its timeline, the workflow's steps, and the plan's documents (upload, list, download, delete).
 * Failures become problems in {@code ApiExceptionHandler}.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final PlanService plans;
    private final PlanDocuments documents;

    PlanController(PlanService plans, PlanDocuments documents) {
        this.plans = plans;
        this.documents = documents;
    }

    /** {@code GET /api/v1/plans?county=&township=&status=&overdue=&offset=&limit=}. */
    @ApiProblems({"400 bad_value"})
    @GetMapping
    PlanJson.Page list(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String township,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String overdue,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            Authentication auth,
            Locale locale) {
        int l = Math.max(1, Math.min(limit, MAX_LIMIT));
        PlanFilter filter = new PlanFilter(blank(county), blank(township), status(status), overdue(overdue));
        PlanPage page = plans.list(AppUser.of(auth), filter, offset, l);
        return new PlanJson.Page(
                page.total(),
                page.offset(),
                l,
                page.plans().stream().map(s -> PlanJson.item(s, locale)).toList());
    }

    /** {@code POST /api/v1/plans}: a new plan → 201 with {@code Location}. */
    @ApiProblems({"403 forbidden", "409 plan_exists", "422 invalid_plan"})
    @PostMapping
    ResponseEntity<PlanJson.Detail> create(@RequestBody PlanJson.NewPlanBody body, Authentication auth, Locale locale) {
        AppUser user = AppUser.of(auth);
        PlanSummary created = plans.create(
                user,
                new NewPlan(
                        body.code(),
                        body.name(),
                        body.villageCodes(),
                        body.compilingUnit(),
                        body.period(),
                        date("dueOn", body.dueOn()),
                        body.status()));
        return ResponseEntity.created(
                        URI.create("/api/v1/plans/" + created.plan().code()))
                .body(detail(user, created, locale));
    }

    /** {@code GET /api/v1/plans/{code}}: the plan, its timeline and the caller's possible steps. */
    @ApiProblems({"404 unknown_plan"})
    @GetMapping("/{code}")
    PlanJson.Detail get(@PathVariable String code, Authentication auth, Locale locale) {
        AppUser user = AppUser.of(auth);
        return detail(user, plans.get(user, code), locale);
    }

    /** {@code POST /api/v1/plans/{code}/transitions}: takes a step → 200 with the plan after it. */
    @ApiProblems({
        "400 bad_value",
        "403 forbidden",
        "404 unknown_plan",
        "409 plan_step_not_allowed plan_blocked plan_changed",
        "422 reason_required approval_details_required"
    })
    @PostMapping("/{code}/transitions")
    PlanJson.Detail step(
            @PathVariable String code, @RequestBody PlanJson.StepBody body, Authentication auth, Locale locale) {
        AppUser user = AppUser.of(auth);
        PlanStep step = PlanStep.byId(body.step())
                .orElseThrow(() -> new BadValueException("step", body.step(), "start, submit, return, approve, enter"));
        StepInput input = new StepInput(
                body.reason(), body.documentNumber(), date("approvedOn", body.approvedOn()), body.approvingAuthority());
        return detail(user, plans.take(user, code, step, input), locale);
    }

    /** {@code GET /api/v1/plans/{code}/documents}: the plan's documents, oldest first. */
    @ApiProblems({"404 unknown_plan"})
    @GetMapping("/{code}/documents")
    List<PlanJson.DocumentItem> documents(@PathVariable String code, Authentication auth) {
        return documents.list(AppUser.of(auth), code).stream()
                .map(PlanJson::document)
                .toList();
    }

    /** {@code POST /api/v1/plans/{code}/documents}, multipart {@code file} (a PDF) and {@code kind} → 201. */
    @ApiProblems({"403 forbidden", "404 unknown_plan", "413 document_too_large", "415 not_a_pdf"})
    @PostMapping(path = "/{code}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PlanJson.DocumentItem> upload(
            @PathVariable String code,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String kind,
            Authentication auth) {
        try (InputStream in = file.getInputStream()) {
            PlanDocument stored = documents.upload(AppUser.of(auth), code, file.getOriginalFilename(), kind, in);
            return ResponseEntity.created(URI.create("/api/v1/plans/" + code + "/documents/" + stored.id()))
                    .body(PlanJson.document(stored));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET /api/v1/plans/{code}/documents/{id}}: the PDF, under its UTF-8 file name. */
    @ApiProblems({"404 unknown_plan unknown_document"})
    @GetMapping("/{code}/documents/{id}")
    ResponseEntity<Resource> download(@PathVariable String code, @PathVariable long id, Authentication auth) {
        PlanDocuments.Stored stored = documents.open(AppUser.of(auth), code, id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(stored.document().sizeBytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(stored.document().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new FileSystemResource(stored.file()));
    }

    /** {@code DELETE /api/v1/plans/{code}/documents/{id}} → 204. */
    @ApiProblems({"403 forbidden", "404 unknown_plan unknown_document"})
    @DeleteMapping("/{code}/documents/{id}")
    ResponseEntity<Void> delete(@PathVariable String code, @PathVariable long id, Authentication auth) {
        documents.delete(AppUser.of(auth), code, id);
        return ResponseEntity.noContent().build();
    }

    private PlanJson.Detail detail(AppUser user, PlanSummary s, Locale locale) {
        return new PlanJson.Detail(
                PlanJson.item(s, locale),
                plans.allowedSteps(user, s.plan()).stream()
                        .map(st -> new PlanJson.Step(st.id(), st.title().in(locale)))
                        .toList(),
                plans.timeline(user, s.plan().code()).stream()
                        .map(t -> PlanJson.transition(t, locale))
                        .toList());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String status(String value) {
        String v = blank(value);
        if (v == null || v.equalsIgnoreCase("all")) {
            return null;
        }
        return CodeLists.PLAN_STATUS
                .resolve(v)
                .map(c -> c.value())
                .orElseThrow(() -> new BadValueException(
                        "status", value, "not_started, compiling, reviewing, approved, entered, all"));
    }

    private static Boolean overdue(String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadValueException("overdue", value, "true, false");
        };
    }

    private static LocalDate date(String field, String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadValueException(field, value, "yyyy-MM-dd");
        }
    }
}
