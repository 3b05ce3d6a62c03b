package cn.yiyang.planning.importer.issue;

/**
 * Every problem the importer reports, with its severity. The message texts, in Chinese and
 * English, are {@code issue.<CODE>} in {@code importer/messages*.properties}; their {0}, {1}, …
 * are the issue's arguments, in the order each constant's comment gives.
 */
public enum IssueCode {
    // --- the file as a whole (row 0) ---
    /** The file is empty. */
    EMPTY_FILE(Severity.ERROR),
    /** {0}: what the content looks like. Not a format the importer reads. */
    UNSUPPORTED_FORMAT(Severity.ERROR),
    /** {0}: the missing part (e.g. .dbf). A shapefile lacks a required part. */
    MISSING_PART(Severity.ERROR),
    /** {0}: detail. The file ends early or its structure is broken. */
    CORRUPT_FILE(Severity.ERROR),
    /** {0}: size in MB, {1}: limit in MB. The upload is larger than the limit. */
    TOO_LARGE(Severity.ERROR),
    /** {0}: the entry name. A zip entry would be written outside the folder (zip slip). */
    ZIP_SLIP(Severity.ERROR),
    /** {0}: unpacked size in MB, {1}: limit. The zip unpacks to far more than it holds (zip bomb). */
    ZIP_BOMB(Severity.ERROR),
    /** {0}: the tables found. A GeoPackage (or zip) holds several tables: the user must choose one. */
    CHOOSE_TABLE(Severity.ERROR),
    /** {0}: the table asked for. No such table in the file. */
    NO_SUCH_TABLE(Severity.ERROR),
    /** The file names no CRS and none can be inferred: the user must give one. */
    NO_CRS(Severity.ERROR),
    /** {0}: the inferred CRS. No CRS in the file; one was inferred from the coordinates: confirm it. */
    CRS_INFERRED(Severity.WARNING),
    /** {0}: the CRS named. Beijing 1954 / Xi'an 1980: needs local transformation parameters. */
    CRS_LEGACY_DATUM(Severity.ERROR),
    /** {0}: the CRS text. A CRS the importer does not support. */
    CRS_UNSUPPORTED(Severity.ERROR),
    /** {0}: the encoding chosen, {1}: how. The encoding was detected, not declared. */
    ENCODING_DETECTED(Severity.WARNING),
    /** {0}: the encoding asked for. Not an encoding Java knows. */
    ENCODING_UNKNOWN(Severity.ERROR),
    /** {0}: the geometry types found. The file mixes geometry kinds the layer cannot take. */
    MIXED_GEOMETRY_TYPES(Severity.ERROR),
    /** {0}: the layer. The target layer has no geometry but the file has, or the other way round. */
    GEOMETRY_NOT_EXPECTED(Severity.ERROR),
    /** {0}: the layer id. No such layer. */
    UNKNOWN_LAYER(Severity.ERROR),
    /** {0}: the layer id. The layer holds an analysis' results (derived): it is written by the analysis, never imported. */
    DERIVED_LAYER(Severity.ERROR),
    /** {0}: the source field, {1}: the target field. A field mapping names a field that does not exist. */
    BAD_FIELD_MAPPING(Severity.ERROR),
    /**
     * {0}: the required field, {1}: its Chinese title, {2}: its English title. No source field maps to
     * a required field of the layer.
     */
    REQUIRED_FIELD_UNMAPPED(Severity.ERROR),
    /** {0}: the CSV header. No longitude/latitude or WKT columns could be found in a CSV. */
    CSV_NO_GEOMETRY_COLUMNS(Severity.ERROR),

    // --- one row (feature) ---
    /** The record cannot be read (broken geometry or attributes). */
    UNREADABLE_RECORD(Severity.ERROR),
    /** The feature has no geometry, or an empty one. */
    EMPTY_GEOMETRY(Severity.ERROR),
    /** {0}: the JTS validation error, {1}: where. The geometry is invalid (e.g. self-intersection). */
    INVALID_GEOMETRY(Severity.ERROR),
    /** {0}: the validation error. The geometry was invalid and was repaired (make-valid). */
    GEOMETRY_REPAIRED(Severity.WARNING),
    /** {0}: found type, {1}: the layer's type. The geometry type does not fit the layer. */
    WRONG_GEOMETRY_TYPE(Severity.ERROR),
    /** {0}: the coordinates. The feature lies outside the region (Yiyang and surroundings). */
    OUTSIDE_REGION(Severity.ERROR),
    /**
     * {0}: the feature's county code or its coordinates, {1}: the counties the user may write. The row lies outside
     * the counties the account is limited to.
     */
    OUTSIDE_SCOPE(Severity.ERROR),
    /** {0}: the coordinates. Longitude and latitude look swapped. */
    SWAPPED_AXES(Severity.ERROR),
    /** {0}: the key, {1}: the earlier row. The key appears twice in the file. */
    DUPLICATE_KEY(Severity.ERROR),
    /** {0}: the key. The key already exists in the layer (append mode). */
    KEY_EXISTS(Severity.ERROR),
    /** The field is required and has no value. */
    MISSING_REQUIRED(Severity.ERROR),
    /** {0}: the value, {1}: the allowed values. A value not in the field's code list. */
    UNKNOWN_CODE(Severity.ERROR),
    /** {0}: the value, {1}: the layer it should exist in. A code that refers to nothing (e.g. an unknown village code). */
    UNKNOWN_REFERENCE(Severity.ERROR),
    /** {0}: the value, {1}: an example of the expected form (12, 12.5, 2023-05-01). A value of the wrong type. */
    WRONG_TYPE(Severity.ERROR),
    /**
     * {0}: the value given, {1}: the value that follows from the other values, {2}: the fields it follows from. A
     * value disagrees with what a derivation rule gives (e.g. not hardened with a cement surface); the value given
     * is kept.
     */
    DERIVED_VALUE_DIFFERS(Severity.WARNING),

    // --- the import as a whole (row 0), added with the import engine ---
    /** The load did not complete (store failure, or the service stopped) and was rolled back: the layer is unchanged. */
    LOAD_FAILED(Severity.ERROR),
    /** {0}: the number of rejected rows. All-or-nothing: rows have errors, so nothing was loaded. */
    ROWS_REJECTED(Severity.ERROR),
    /** {0}: the layer id. Upsert needs a layer with a key field; this one has none. */
    UPSERT_WITHOUT_KEY(Severity.ERROR),
    /** {0}: the number of entries, {1}: the limit. The zip holds more files than allowed. */
    ZIP_TOO_MANY_ENTRIES(Severity.ERROR),

    // --- department files' habits (issue 13) ---
    /**
     * {0}: the value as written, {1}: the date read (yyyy-MM-dd). A date that gives only a year and a month (2024-03,
     * 2024年3月) was read as the first day of that month, the earliest it can be (a test date read so is never later
     * than the real one, so a test is never taken for more recent than it was).
     */
    DATE_MONTH_ONLY(Severity.WARNING),
    /**
     * {0}: the value as written, {1}: the Chinese title of the layer it belongs in, {2}: its English title. The row
     * describes a kind of thing another layer holds (a courier point in a cold-chain file): it is not imported here.
     */
    BELONGS_TO_OTHER_LAYER(Severity.ERROR),

    // --- fields mapped by their content (issue 14) ---
    /**
     * {0}: the field, {1}: its Chinese title, {2}: its English title, {3}: the column, {4}: the evidence in Chinese,
     * {5}: in English. No column has the field's name, title or alias, but this column's values all fit it (and no
     * other column's do): it was mapped, inferred, for the user to confirm.
     */
    FIELD_INFERRED(Severity.WARNING),
    /**
     * {0}: the field, {1}: its Chinese title, {2}: its English title, {3}: the candidates with their evidence in
     * Chinese, {4}: in English. No column gives a required field by name; these columns' values fit it, best first:
     * the user accepts one.
     */
    FIELD_CANDIDATES(Severity.WARNING),
    /**
     * {0}: the field, {1}: its Chinese title, {2}: its English title, {3}: the number of rows, {4}: the fields it was
     * derived from. The file did not give the field in these rows: a rule computed it from other values (all-season
     * from the surface, the administrative class from the route code, the segment key from route and number).
     */
    VALUES_DERIVED(Severity.WARNING),

    // --- roads per route (issue 14) ---
    /**
     * {0}: the value, {1}: the layer it should exist in, {2}: the field of that layer whose values name groups of its
     * features. A reference that may name one feature or a group (an inspection's road: a segment code or a route
     * code) names neither.
     */
    UNKNOWN_GROUP_REFERENCE(Severity.ERROR);

    private final Severity severity;

    IssueCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** The key of this code's message text. */
    public String messageKey() {
        return "issue." + name();
    }
}
