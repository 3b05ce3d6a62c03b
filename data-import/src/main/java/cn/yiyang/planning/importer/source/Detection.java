package cn.yiyang.planning.importer.source;

/** How a property of the file (its encoding or CRS) was established. */
public enum Detection {
    /** The user said so. */
    USER,
    /** The file declares it (.cpg, .prj, GeoPackage srs table, GeoJSON's crs member). */
    DECLARED,
    /** A header says so (the DBF language-driver byte). */
    HEADER,
    /** Inferred from the content (valid UTF-8, coordinate ranges): the user should confirm. */
    INFERRED,
    /** The format's rule when nothing says otherwise (GeoJSON is WGS84 lon/lat and UTF-8). */
    FORMAT_DEFAULT,
    /** Not known: the user must say. */
    UNKNOWN
}
