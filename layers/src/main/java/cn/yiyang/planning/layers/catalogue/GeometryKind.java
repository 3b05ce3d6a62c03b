package cn.yiyang.planning.layers.catalogue;

/** The geometry a layer stores. Lines and polygons are always stored as their multi forms. */
public enum GeometryKind {
    POINT("Point", "POINT"),
    MULTILINESTRING("MultiLineString", "MULTILINESTRING"),
    MULTIPOLYGON("MultiPolygon", "MULTIPOLYGON"),
    /** A table without geometry (inspections, test results). */
    NONE(null, null);

    private final String jtsType;
    private final String sqlType;

    GeometryKind(String jtsType, String sqlType) {
        this.jtsType = jtsType;
        this.sqlType = sqlType;
    }

    /** The JTS geometry type name ({@code Geometry.getGeometryType()}), or null for {@link #NONE}. */
    public String jtsType() {
        return jtsType;
    }

    /** The SQL/MM type name used in column definitions, or null for {@link #NONE}. */
    public String sqlType() {
        return sqlType;
    }

    public boolean hasGeometry() {
        return this != NONE;
    }
}
