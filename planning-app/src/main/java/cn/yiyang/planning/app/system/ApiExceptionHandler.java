package cn.yiyang.planning.app.system;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.layers.catalogue.UnknownLayerException;
import cn.yiyang.planning.layers.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where API failures become HTTP statuses: an RFC 9457 problem with a stable
 * {@code code} (lower snake case; the README lists them all) and a {@code detail} in the caller's language
 * (Accept-Language; Chinese by default). Never SQL, stack traces or connection strings. The features' own
 * problems are {@link ProblemException}s, answered by one handler; the others here are the modules' and the
 * framework's, which know nothing of HTTP.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring MVC's own problem handler, which knows no codes or languages
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** Import problems caused by a request value rather than by the file: 400; other file problems: 422. */
    private static final Set<IssueCode> BAD_REQUEST = EnumSet.of(
            IssueCode.CRS_UNSUPPORTED,
            IssueCode.CRS_LEGACY_DATUM,
            IssueCode.ENCODING_UNKNOWN,
            IssueCode.UPSERT_WITHOUT_KEY,
            IssueCode.BAD_FIELD_MAPPING);

    private final Messages messages;
    private final long maxUploadMb;

    ApiExceptionHandler(Messages messages, @Value("${planning.import.max-upload-mb:512}") long maxUploadMb) {
        this.messages = messages;
        this.maxUploadMb = maxUploadMb;
    }

    /** Every feature's problem: its status, code, message and properties, in the caller's language. */
    @ExceptionHandler(ProblemException.class)
    ProblemDetail problem(ProblemException e, Locale locale) {
        ProblemDetail p = problem(e.httpStatus(), e.code(), e.message(messages, locale));
        e.properties()
                .forEach((name, value) -> p.setProperty(
                        name,
                        switch (value) {
                            case Localized text -> text.in(locale);
                            case ProblemException.LocalizedProperty v -> v.in(locale);
                            case null, default -> value;
                        }));
        return p;
    }

    @ExceptionHandler(UnknownLayerException.class)
    ProblemDetail unknownLayer(UnknownLayerException e, Locale locale) {
        return problem(
                HttpStatus.NOT_FOUND, "unknown_layer", messages.get("api.error.unknown-layer", locale, e.layerId()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(NoResourceFoundException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "not_found", messages.get("api.error.not-found", locale));
    }

    @ExceptionHandler(StoreException.class)
    ProblemDetail store(StoreException e, Locale locale) {
        log.error("store failure ({})", e.reason(), e);
        HttpStatus status = e.reason() == StoreException.Reason.UNAVAILABLE
                ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return problem(
                status, "store_" + e.reason().name().toLowerCase(Locale.ROOT), messages.get("api.error.store", locale));
    }

    /**
     * An import refused at once: the code is the issue's in lower snake case ({@code zip_slip}, {@code too_large},
     * {@code crs_unsupported} …), the property {@code issue} its name as an import's problem list spells it
     * ({@code ZIP_SLIP}), and {@code file} the file it concerns.
     */
    @ExceptionHandler(ImportException.class)
    ProblemDetail importRefused(ImportException e, Locale locale) {
        ImportIssue issue = e.issue();
        HttpStatus status = switch (issue.code()) {
            case UNKNOWN_LAYER -> HttpStatus.NOT_FOUND;
            case DERIVED_LAYER -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            default -> BAD_REQUEST.contains(issue.code()) ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail p = refused(status, issue.code(), issue.message(locale));
        if (issue.file() != null) {
            p.setProperty("file", issue.file());
        }
        return p;
    }

    /** An upload over {@code planning.import.max-upload-mb}, stopped while it was received. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, Locale locale) {
        long size = Math.max(request.getContentLengthLong(), (maxUploadMb << 20) + 1);
        String mb = BigDecimal.valueOf(size)
                .divide(BigDecimal.valueOf(1L << 20), 1, RoundingMode.HALF_UP)
                .toPlainString();
        return refused(
                HttpStatus.CONTENT_TOO_LARGE,
                IssueCode.TOO_LARGE,
                ImportIssue.ofFile(null, IssueCode.TOO_LARGE, mb, maxUploadMb).message(locale));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e, Locale locale) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "no_file",
                messages.get("api.error.missing-part", locale, e.getRequestPartName()));
    }

    /** Requests Spring MVC cannot bind: missing or mistyped parameters, unreadable JSON, not multipart. */
    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class,
        HttpMessageNotReadableException.class,
        HttpMediaTypeNotSupportedException.class,
        MultipartException.class
    })
    ProblemDetail badRequest(Exception e, Locale locale) {
        HttpStatusCode status = e instanceof ErrorResponse r ? r.getStatusCode() : HttpStatus.BAD_REQUEST;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, messages.get("api.error.bad-request", locale));
        p.setProperty("code", "bad_request");
        // the parameter that could not be bound, so that a caller (or a probe's payload) learns which one
        String parameter = switch (e) {
            case MethodArgumentTypeMismatchException m -> m.getName();
            case MissingServletRequestParameterException m -> m.getParameterName();
            default -> null;
        };
        if (parameter != null) {
            p.setProperty("parameter", parameter);
        }
        return p;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, Locale locale) {
        if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            // Spring MVC's own refusals (wrong method, media type, parameter): their status, a stable code
            HttpStatus status = HttpStatus.resolve(r.getStatusCode().value());
            ProblemDetail p =
                    ProblemDetail.forStatusAndDetail(r.getStatusCode(), messages.get("api.error.bad-request", locale));
            p.setProperty("code", status == null ? "bad_request" : status.name().toLowerCase(Locale.ROOT));
            return p;
        }
        log.error("unexpected API failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", messages.get("api.error.internal", locale));
    }

    /** An import refused: the code in lower snake case, the issue code as an import's problem list spells it. */
    private static ProblemDetail refused(HttpStatus status, IssueCode issue, String detail) {
        ProblemDetail p = problem(status, issue.name().toLowerCase(Locale.ROOT), detail);
        p.setProperty("issue", issue.name());
        return p;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setProperty("code", code);
        return p;
    }
}
