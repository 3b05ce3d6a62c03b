package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A plan document whose content is not a PDF (whatever its name says): HTTP 415 {@code not_a_pdf}, nothing stored. */
public class NotAPdfException extends ProblemException {

    NotAPdfException(String fileName) {
        super(
                "not a PDF: " + fileName,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "not_a_pdf",
                "api.error.not-a-pdf",
                fileName);
    }
}
