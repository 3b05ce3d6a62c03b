package cn.yiyang.planning.geo.crs;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system the planning GIS supports: CGCS2000 and WGS84 lon/lat, Web Mercator,
 * the 42 CGCS2000 3-degree Gauss-Kruger CRSs (EPSG:4513-4554), and the obfuscated GCJ-02 and BD-09.
 *
 * <p>Instances are immutable and canonical (one per CRS), so {@code ==} and {@code equals} agree.
 * Coordinates are always {@code x} = longitude or easting, {@code y} = latitude or northing: EPSG:4490's
 * official latitude-first axis order is never used.
 *
 * <p>Each CRS with an EPSG code carries an explicit proj4 definition (see {@link #proj4()}) rather than
 * trusting a registry. The Gauss-Kruger CRSs use proj4j's {@code etmerc}, the exact Poder/Engsager transverse
 * Mercator that PROJ 6+ (hence PostGIS and GDAL) uses for {@code tmerc}: it matches PostGIS to nanometres.
 * proj4j 1.4.1's own {@code tmerc} is the older truncated series: a few micrometres off across Yiyang (up to
 * 3.3° from a central meridian), but it degrades further out.
 *
 * <pre>{@code
 * Crs gk = Crs.epsg(4546);            // CGCS2000 / 3-degree Gauss-Kruger CM 111E
 * Crs gcj = Crs.parse("GCJ-02");      // Crs.GCJ02
 * Crs.parse("EPSG:2414");             // throws LegacyDatumException (Beijing 1954)
 * }</pre>
 */
public final class Crs {

    private static final String GRS80_LONLAT = "+proj=longlat +ellps=GRS80 +no_defs";

    /**
     * CGCS2000 lon/lat (2000国家大地坐标系), EPSG:4490, on the GRS80 ellipsoid. Treated as identical to WGS84:
     * the two frames differ by a few centimetres, well under the precision of planning data.
     */
    public static final Crs CGCS2000 = new Crs(
            "EPSG:4490",
            4490,
            "2000国家大地坐标系",
            "CGCS2000",
            CrsKind.GEOGRAPHIC,
            DatumFamily.CGCS2000,
            null,
            false,
            GRS80_LONLAT);

    /** WGS84 lon/lat (GPS), EPSG:4326; treated as identical to {@link #CGCS2000}. */
    public static final Crs WGS84 = new Crs(
            "EPSG:4326",
            4326,
            "WGS84坐标系",
            "WGS 84",
            CrsKind.GEOGRAPHIC,
            DatumFamily.WGS84,
            null,
            false,
            "+proj=longlat +datum=WGS84 +no_defs");

    /**
     * Web Mercator (EPSG:3857) of online tile maps such as Tianditu's {@code _w} sets: WGS84 (hence CGCS2000)
     * lon/lat put through the spherical Mercator formulas, in metres. Not for measuring: scale grows
     * as {@code 1/cos(lat)}, about 14% at Yiyang.
     */
    public static final Crs WEB_MERCATOR = new Crs(
            "EPSG:3857",
            3857,
            "Web墨卡托投影",
            "WGS 84 / Pseudo-Mercator",
            CrsKind.WEB_MERCATOR,
            DatumFamily.WGS84,
            null,
            false,
            "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs");

    /**
     * GCJ-02 (国测局坐标系, "Mars coordinates") of AutoNavi/Amap and Tencent maps: WGS84 lon/lat shifted by
     * the published obfuscation formula, by some hundreds of metres. Outside China's rough bounding box the
     * formula is not applied and coordinates equal WGS84.
     */
    public static final Crs GCJ02 =
            new Crs("GCJ02", 0, "国测局坐标系(火星坐标)", "GCJ-02", CrsKind.OBFUSCATED, DatumFamily.WGS84, null, false, null);

    /** BD-09 (百度坐标系) lon/lat of Baidu maps: GCJ-02 further obfuscated by Baidu's published formula. */
    public static final Crs BD09 =
            new Crs("BD09", 0, "百度坐标系", "BD-09", CrsKind.OBFUSCATED, DatumFamily.WGS84, null, false, null);

    private static final Map<Integer, Crs> BY_EPSG = new TreeMap<>();
    private static final Pattern EPSG_CODE = Pattern.compile("(?:EPSG:{1,2}|URN:OGC:DEF:CRS:EPSG:[^:]*:)?(\\d{1,6})");

    static {
        for (Crs crs : new Crs[] {CGCS2000, WGS84, WEB_MERCATOR}) {
            BY_EPSG.put(crs.epsg, crs);
        }
        for (int number = GaussKrugerZone.FIRST; number <= GaussKrugerZone.LAST; number++) {
            GaussKrugerZone zone = new GaussKrugerZone(number);
            for (boolean prefixed : new boolean[] {true, false}) {
                Crs crs = newGaussKruger(zone, prefixed);
                BY_EPSG.put(crs.epsg, crs);
            }
        }
    }

    private final String code;
    private final int epsg;
    private final String nameZh;
    private final String nameEn;
    private final CrsKind kind;
    private final DatumFamily datum;
    private final GaussKrugerZone zone;
    private final boolean zonePrefixed;
    private final String proj4;

    private Crs(
            String code,
            int epsg,
            String nameZh,
            String nameEn,
            CrsKind kind,
            DatumFamily datum,
            GaussKrugerZone zone,
            boolean zonePrefixed,
            String proj4) {
        this.code = code;
        this.epsg = epsg;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
        this.datum = datum;
        this.zone = zone;
        this.zonePrefixed = zonePrefixed;
        this.proj4 = proj4;
    }

    private static Crs newGaussKruger(GaussKrugerZone zone, boolean prefixed) {
        int cm = (int) zone.centralMeridian();
        int epsg = zone.epsg(prefixed);
        String nameEn = prefixed
                ? "CGCS2000 / 3-degree Gauss-Kruger zone " + zone.number()
                : "CGCS2000 / 3-degree Gauss-Kruger CM " + cm + "E";
        String nameZh = "2000国家大地坐标系 3度带高斯-克吕格投影 " + (prefixed ? "第" + zone.number() + "带(带号前缀)" : "中央经线" + cm + "°E");
        String proj4 = "+proj=etmerc +lat_0=0 +lon_0=" + cm + " +k=1 +x_0=" + (long) zone.falseEasting(prefixed)
                + " +y_0=0 +ellps=GRS80 +units=m +no_defs";
        return new Crs(
                "EPSG:" + epsg,
                epsg,
                nameZh,
                nameEn,
                CrsKind.PROJECTED_GK,
                DatumFamily.CGCS2000,
                zone,
                prefixed,
                proj4);
    }

    /**
     * The supported CRS with an EPSG code.
     *
     * @param epsg e.g. 4490, 4326, 3857, 4513..4554
     * @return the canonical instance
     * @throws LegacyDatumException for a Beijing 1954, New Beijing 1954 or Xi'an 1980 code
     * @throws UnsupportedCrsException for any other code
     */
    public static Crs epsg(int epsg) {
        Crs crs = BY_EPSG.get(epsg);
        if (crs != null) {
            return crs;
        }
        DatumFamily legacy = LegacyCrsCodes.datumOf(epsg).orElse(null);
        if (legacy != null) {
            throw new LegacyDatumException(epsg, legacy);
        }
        throw new UnsupportedCrsException(
                "EPSG:" + epsg,
                "EPSG:" + epsg + " is not supported; supported are"
                        + " EPSG:4490 (CGCS2000), EPSG:4326, EPSG:3857, EPSG:4513-4554 (CGCS2000 3-degree Gauss-Kruger),"
                        + " GCJ02 and BD09");
    }

    /**
     * The CGCS2000 3-degree Gauss-Kruger CRS of a zone.
     *
     * @param zone the zone
     * @param zonePrefixed whether eastings carry the zone number (EPSG:4513-4533) or not (EPSG:4534-4554)
     * @return the canonical instance
     */
    public static Crs gaussKruger(GaussKrugerZone zone, boolean zonePrefixed) {
        return BY_EPSG.get(zone.epsg(zonePrefixed));
    }

    /**
     * Parses a CRS code, ignoring case and surrounding blanks: {@code "EPSG:4546"}, {@code "4546"},
     * {@code "urn:ogc:def:crs:EPSG::4490"}, {@code "GCJ02"} / {@code "GCJ-02"}, {@code "BD09"} / {@code "BD-09"}.
     *
     * @param code the code
     * @return the canonical instance
     * @throws LegacyDatumException for a Beijing 1954, New Beijing 1954 or Xi'an 1980 code
     * @throws UnsupportedCrsException for a malformed, unknown or unsupported code
     */
    public static Crs parse(String code) {
        String normal = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        String compact = normal.replace("-", "").replace("_", "");
        if (compact.equals("GCJ02")) {
            return GCJ02;
        }
        if (compact.equals("BD09")) {
            return BD09;
        }
        Matcher m = EPSG_CODE.matcher(normal);
        if (!m.matches()) {
            throw new UnsupportedCrsException(
                    code,
                    "'" + code + "' is not a CRS code: expected EPSG:nnnn," + " a bare EPSG number, GCJ02 or BD09");
        }
        return epsg(Integer.parseInt(m.group(1)));
    }

    /** @return the code: {@code "EPSG:nnnn"}, {@code "GCJ02"} or {@code "BD09"}; {@link #parse} accepts it */
    public String code() {
        return code;
    }

    /** @return the EPSG code, empty for GCJ-02 and BD-09 which have none */
    public OptionalInt epsg() {
        return epsg == 0 ? OptionalInt.empty() : OptionalInt.of(epsg);
    }

    /** @return the Chinese name, e.g. {@code 2000国家大地坐标系} */
    public String nameZh() {
        return nameZh;
    }

    /** @return the English name, for EPSG CRSs the EPSG name, e.g. {@code CGCS2000 / 3-degree Gauss-Kruger CM 111E} */
    public String nameEn() {
        return nameEn;
    }

    /** @return the kind */
    public CrsKind kind() {
        return kind;
    }

    /** @return the datum family */
    public DatumFamily datum() {
        return datum;
    }

    /** @return the Gauss-Kruger zone, present exactly when {@link #kind()} is {@link CrsKind#PROJECTED_GK} */
    public Optional<GaussKrugerZone> gaussKrugerZone() {
        return Optional.ofNullable(zone);
    }

    /** @return whether eastings carry the zone number (EPSG:4513-4533); false for every other CRS */
    public boolean isZonePrefixed() {
        return zonePrefixed;
    }

    /**
     * @return the proj4 definition used to transform this CRS, always lon/lat or easting/northing order;
     *     empty for GCJ-02 and BD-09, which are formulas on WGS84 lon/lat rather than projections
     */
    public Optional<String> proj4() {
        return Optional.ofNullable(proj4);
    }

    /** @return the code and English name, e.g. {@code EPSG:4546 (CGCS2000 / 3-degree Gauss-Kruger CM 111E)} */
    @Override
    public String toString() {
        return code + " (" + nameEn + ")";
    }
}
