package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A plan document over {@code planning.plans.max-document-mb}: HTTP 413 {@code document_too_large}, nothing stored. */
public class DocumentTooLargeException extends ProblemException {

    DocumentTooLargeException(long maxBytes) {
        super(
                "document over " + maxBytes + " bytes",
                HttpStatus.CONTENT_TOO_LARGE,
                "document_too_large",
                "api.error.document-too-large",
                maxBytes >> 20);
    }
}
