package cn.yiyang.planning.geo.crs;

/** The geodetic datum a CRS belongs to, as far as the planning GIS needs to tell them apart. */
public enum DatumFamily {
    /** China Geodetic Coordinate System 2000, the legal datum since 2008; treated as equal to WGS84. */
    CGCS2000("2000国家大地坐标系", "CGCS2000", false),
    /** World Geodetic System 1984, the GPS datum; also the base of GCJ-02 and BD-09. */
    WGS84("WGS84坐标系", "WGS 84", false),
    /** Beijing 1954 (Krasovsky ellipsoid); needs local parameters to reach CGCS2000. */
    BEIJING1954("1954北京坐标系", "Beijing 1954", true),
    /** New Beijing 1954 (Xi'an 1980 adjustment on the Krasovsky ellipsoid); needs local parameters. */
    NEW_BEIJING1954("新1954北京坐标系", "New Beijing", true),
    /** Xi'an 1980 (IAG 1975 ellipsoid); needs local parameters to reach CGCS2000. */
    XIAN1980("1980西安坐标系", "Xian 1980", true);

    private final String nameZh;
    private final String nameEn;
    private final boolean needsLocalParameters;

    DatumFamily(String nameZh, String nameEn, boolean needsLocalParameters) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.needsLocalParameters = needsLocalParameters;
    }

    /** @return the Chinese name, e.g. {@code 1954北京坐标系} */
    public String nameZh() {
        return nameZh;
    }

    /** @return the English (EPSG) name, e.g. {@code Beijing 1954} */
    public String nameEn() {
        return nameEn;
    }

    /**
     * @return whether converting this datum to CGCS2000 needs local transformation parameters
     *     (seven- or four-parameter sets published per region), which this module does not guess
     */
    public boolean needsLocalParameters() {
        return needsLocalParameters;
    }
}
