package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The plan has no document with this id: HTTP 404 {@code unknown_document}. */
public class UnknownDocumentException extends ProblemException {

    UnknownDocumentException(String code, long id) {
        super(
                "plan " + code + " has no document " + id,
                HttpStatus.NOT_FOUND,
                "unknown_document",
                "api.error.unknown-document",
                id);
    }
}
