package cn.yiyang.planning.app.importing;

/** No import has this id, in memory or in the records: HTTP 404. */
public class ImportNotFoundException extends RuntimeException {

    private final String importId;

    ImportNotFoundException(String importId) {
        super("no import " + importId);
        this.importId = importId;
    }

    public String importId() {
        return importId;
    }
}
