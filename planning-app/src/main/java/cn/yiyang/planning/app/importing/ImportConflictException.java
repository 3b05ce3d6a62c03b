package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.importer.job.ImportStatus;
import org.springframework.http.HttpStatus;

/**
 * The import cannot be confirmed as it is now: it is queued or running, it has already loaded, or
 * it was run before the last restart and its upload is gone: HTTP 409.
 */
public class ImportConflictException extends ProblemException {

    private final String importId;
    private final ImportStatus status;

    ImportConflictException(String importId, ImportStatus status) {
        super(
                "import " + importId + " is " + status + " and cannot be confirmed",
                HttpStatus.CONFLICT,
                "import_not_confirmable",
                "api.error.import-not-confirmable",
                Localized.key("import.status." + status.name()));
        this.importId = importId;
        this.status = status;
    }

    public String importId() {
        return importId;
    }

    public ImportStatus status() {
        return status;
    }
}
