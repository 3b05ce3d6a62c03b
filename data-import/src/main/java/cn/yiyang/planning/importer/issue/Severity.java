package cn.yiyang.planning.importer.issue;

/** How much a problem matters. */
public enum Severity {
    /** The file cannot be imported, or the row is rejected. */
    ERROR,
    /** Imported, but the user should know (a repair, a guess, a value kept in extra). */
    WARNING
}
