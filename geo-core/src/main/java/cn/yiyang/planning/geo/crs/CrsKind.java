package cn.yiyang.planning.geo.crs;

/** The kind of a supported {@link Crs}, which decides its units and how it is transformed. */
public enum CrsKind {
    /** Longitude and latitude in degrees (CGCS2000, WGS84). */
    GEOGRAPHIC,
    /** CGCS2000 3-degree Gauss-Kruger (transverse Mercator, scale 1 on the central meridian), metres. */
    PROJECTED_GK,
    /** Spherical "Web" Mercator of online tiled maps (EPSG:3857), metres. */
    WEB_MERCATOR,
    /** Obfuscated longitude and latitude of Chinese consumer maps (GCJ-02, BD-09), degrees. */
    OBFUSCATED
}
