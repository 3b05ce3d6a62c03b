package cn.yiyang.planning.app.system;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.layers.catalogue.UnknownLayerException;
import cn.yiyang.planning.layers.store.StoreException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where API failures become HTTP statuses: an RFC 9457 problem with a stable
 * {@code code} and a {@code detail} in the caller's language (Accept-Language; Chinese by default).
 * Never SQL, stack traces or connection strings.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final Messages messages;

    ApiExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UnknownLayerException.class)
    ProblemDetail unknownLayer(UnknownLayerException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "unknown_layer", messages.get("api.error.unknown-layer", locale, e.layerId()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(NoResourceFoundException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "not_found", messages.get("api.error.not-found", locale));
    }

    @ExceptionHandler(StoreException.class)
    ProblemDetail store(StoreException e, Locale locale) {
        log.error("store failure ({})", e.reason(), e);
        HttpStatus status = e.reason() == StoreException.Reason.UNAVAILABLE
                ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
        return problem(status, "store_" + e.reason().name().toLowerCase(Locale.ROOT),
                messages.get("api.error.store", locale));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, Locale locale) {
        log.error("unexpected API failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", messages.get("api.error.internal", locale));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setProperty("code", code);
        return p;
    }
}
