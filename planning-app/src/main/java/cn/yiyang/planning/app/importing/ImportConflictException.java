package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.importer.job.ImportStatus;

/**
 * The import cannot be confirmed as it is now: it is queued or running, it has already loaded, or
 * it was run before the last restart and its upload is gone: HTTP 409.
 */
public class ImportConflictException extends RuntimeException {

    private final String importId;
    private final ImportStatus status;

    ImportConflictException(String importId, ImportStatus status) {
        super("import " + importId + " is " + status + " and cannot be confirmed");
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
