package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No import has this id, in memory or in the records: HTTP 404. */
public class ImportNotFoundException extends ProblemException {

    private final String importId;

    ImportNotFoundException(String importId) {
        super("no import " + importId, HttpStatus.NOT_FOUND, "unknown_import", "api.error.unknown-import", importId);
        this.importId = importId;
    }

    public String importId() {
        return importId;
    }
}
