package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No analysis of this kind: 404 {@code unknown_analysis}, listing the kinds there are. */
public class UnknownAnalysisException extends ProblemException {

    UnknownAnalysisException(String kind, String known) {
        super(
                "no analysis " + kind,
                HttpStatus.NOT_FOUND,
                "unknown_analysis",
                "api.error.unknown-analysis",
                kind,
                known);
    }
}
