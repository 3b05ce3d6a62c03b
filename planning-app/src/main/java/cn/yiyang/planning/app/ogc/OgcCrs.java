package cn.yiyang.planning.app.ogc;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * A CRS the OGC API answers in (Part 2, CRS by reference): its URI, the geo-core CRS that does the arithmetic and
 * whether the CRS's first axis is latitude or northing. CRS84 is longitude, latitude; EPSG:4490 is latitude,
 * longitude; the CGCS2000 Gauss-Kruger CRSs of Yiyang's zones 37 and 38 (EPSG:4525/4526 with the zone prefixed to
 * the easting, 4546/4547 without) are northing, easting, as their EPSG definitions say. CGCS2000 and WGS84 are
 * treated as one frame (centimetres apart), as geo-core does.
 *
 * @param uri        the OGC URI, e.g. {@code http://www.opengis.net/def/crs/EPSG/0/4546}
 * @param crs        the geo-core CRS
 * @param secondAxisFirst whether coordinates are written y first (latitude or northing), as the CRS's axis order
 *                   says
 * @param decimals   the digits written after the point: 9 for degrees (sub-millimetre), 4 for metres
 */
public record OgcCrs(String uri, Crs crs, boolean secondAxisFirst, int decimals) {

    static final String EPSG_PREFIX = "http://www.opengis.net/def/crs/EPSG/0/";
    /** The default: WGS84 (here CGCS2000) longitude, latitude. */
    public static final OgcCrs CRS84 =
            new OgcCrs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", Crs.CGCS2000, false, 9);
    /** CGCS2000 geographic, the stored CRS: latitude, longitude. */
    public static final OgcCrs CGCS2000 = new OgcCrs(EPSG_PREFIX + "4490", Crs.CGCS2000, true, 9);

    /** Every CRS of the API, CRS84 first (the default). */
    public static final List<OgcCrs> SUPPORTED =
            List.of(CRS84, CGCS2000, gaussKruger(4525), gaussKruger(4526), gaussKruger(4546), gaussKruger(4547));

    private static OgcCrs gaussKruger(int epsg) {
        return new OgcCrs(EPSG_PREFIX + epsg, Crs.epsg(epsg), true, 4);
    }

    /**
     * The CRS a request names: its URI, or the short forms {@code EPSG:4546}, {@code [EPSG:4546]} (a safe CURIE) and
     * {@code CRS84}.
     */
    public static Optional<OgcCrs> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (upper.equals("CRS84") || upper.equals("OGC:CRS84")) {
            return Optional.of(CRS84);
        }
        String code = upper.startsWith("EPSG:") ? upper.substring(5) : null;
        for (OgcCrs c : SUPPORTED) {
            if (c.uri.equals(v)
                    || c.uri.replace("http://", "https://").equals(v)
                    || c.epsgCode().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The URIs of every supported CRS, for collections' {@code crs} lists and problems. */
    public static List<String> uris() {
        return SUPPORTED.stream().map(OgcCrs::uri).toList();
    }

    private String epsgCode() {
        return uri.startsWith(EPSG_PREFIX) ? uri.substring(EPSG_PREFIX.length()) : "-";
    }

    /**
     * The same CRS written x first (longitude or easting), as GIS files (GeoJSON, Shapefile, GeoPackage) write even
     * CRSs whose EPSG axis order is latitude or northing first.
     */
    public OgcCrs xFirst() {
        return new OgcCrs(uri, crs, false, decimals);
    }

    /** The stored CRS's coordinates (x = longitude) to this CRS's (x = longitude or easting). */
    public CrsTransform fromStored() {
        return CrsTransform.of(Crs.CGCS2000, crs);
    }

    /**
     * A bbox given in this CRS's axis order as the longitude/latitude box that covers it: the box's edges are
     * sampled so that a projected box is covered after its edges curve.
     *
     * @param v minimum first axis, minimum second axis, maximum first axis, maximum second axis
     */
    Envelope toStoredBox(double[] v) {
        double minX = secondAxisFirst ? v[1] : v[0];
        double minY = secondAxisFirst ? v[0] : v[1];
        double maxX = secondAxisFirst ? v[3] : v[2];
        double maxY = secondAxisFirst ? v[2] : v[3];
        if (crs == Crs.CGCS2000) {
            return new Envelope(minX, maxX, minY, maxY);
        }
        CrsTransform back = fromStored().inverse();
        Envelope out = new Envelope();
        int steps = 16;
        for (int i = 0; i <= steps; i++) {
            double x = minX + (maxX - minX) * i / steps;
            double y = minY + (maxY - minY) * i / steps;
            out.expandToInclude(back.transform(new Coordinate(x, minY)));
            out.expandToInclude(back.transform(new Coordinate(x, maxY)));
            out.expandToInclude(back.transform(new Coordinate(minX, y)));
            out.expandToInclude(back.transform(new Coordinate(maxX, y)));
        }
        return out;
    }
}
