package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.geo.crs.GaussKrugerZone;
import cn.yiyang.planning.geo.crs.LegacyDatumException;
import cn.yiyang.planning.geo.crs.UnsupportedCrsException;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Establishes the CRS of a file: from a WKT text (a shapefile's .prj, a GeoPackage's srs definition), or, when
 * the file names none, from the range of its coordinates.
 *
 * <h2>WKT</h2>
 * ESRI and OGC WKT1 and WKT2 are read. An EPSG authority code on the CRS wins. Otherwise the datum and the
 * projection's parameters decide: CGCS2000 lon/lat (EPSG:4490), WGS84 (4326), Web Mercator (3857), and
 * CGCS2000 transverse Mercator with scale 1 on a central meridian that is a multiple of 3°, false northing 0
 * and false easting 500 000 (EPSG:4534-4554) or zone × 10⁶ + 500 000 (EPSG:4513-4533). The 6-degree
 * CGCS2000 CRSs whose central meridian is a multiple of 3° have the very same definition and are recognised as
 * the 3-degree CRS. When a text carries no parameters, ArcGIS's names ({@code CGCS2000_3_Degree_GK_Zone_37},
 * {@code CGCS2000_3_Degree_GK_CM_111E}) decide. Beijing 1954, New Beijing and Xi'an 1980 (by name, datum or
 * ellipsoid) are refused with CRS_LEGACY_DATUM: they need local transformation parameters.
 *
 * <h2>Coordinates</h2>
 * Without a declared CRS, {@link #infer(Envelope)} decides only when the coordinates leave no doubt:
 * <ul>
 * <li>eastings of 8 integer digits whose two leading digits are one CGCS2000 zone (25-45), the same for the
 *     whole extent, with northings of China ({@value #MIN_NORTHING}-{@value #MAX_NORTHING} m): that
 *     zone-prefixed Gauss-Kruger CRS (Yiyang: zone 37 = EPSG:4525, zone 38 = EPSG:4526);</li>
 * <li>lon {@value #MIN_LON}-{@value #MAX_LON}, lat {@value #MIN_LAT}-{@value #MAX_LAT} (Hunan around Yiyang):
 *     CGCS2000 lon/lat; the same ranges with x and y exchanged also give CGCS2000 lon/lat, and validation then
 *     reports the swapped axes per row;</li>
 * <li>unprefixed eastings (EPSG:4546 or 4547): Yiyang straddles zones 37 and 38, so the zone cannot be read from
 *     the numbers. It is inferred only when the whole extent lies within Yiyang (plus about 10 km) in exactly one
 *     of the two zones; because the two zones put Yiyang at disjoint eastings (zone 37: about 460-700 km, zone
 *     38: about 170-410 km), that is unambiguous for data of Yiyang. Anything else stays unknown.</li>
 * </ul>
 * An inferred CRS is only a proposal: readers mark it {@link Detection#INFERRED} with a CRS_INFERRED warning for
 * the user to confirm; an unknown one gets NO_CRS and the user must choose.
 */
public final class CrsDetector {

    static final double MIN_LON = 108;
    static final double MAX_LON = 116;
    static final double MIN_LAT = 26;
    static final double MAX_LAT = 31;
    static final double MIN_NORTHING = 1_900_000;
    static final double MAX_NORTHING = 6_000_000;
    /** Yiyang's extent (110°43′-112°56′E, 27°58′-29°31′N) plus about 10 km. */
    private static final Envelope YIYANG = new Envelope(110.6, 113.05, 27.87, 29.62);

    private static final Pattern GK_ZONE_NAME = Pattern.compile("CGCS_?2000_3_DEGREE_GK_ZONE_(\\d{2})");
    private static final Pattern GK_CM_NAME = Pattern.compile("CGCS_?2000_3_DEGREE_GK_CM_(\\d{2,3})E");
    private static final List<String> LEGACY = List.of(
            "BEIJING_1954",
            "BEIJING1954",
            "BEIJING_54",
            "NEW_BEIJING",
            "XIAN_1980",
            "XIAN1980",
            "XI_AN_1980",
            "XIAN_80",
            "KRASOVSKY",
            "KRASSOWSKY",
            "IAG_1975",
            "IAG_75",
            "北京",
            "西安");
    private static final List<String> CGCS2000 =
            List.of("CHINA_2000", "CGCS2000", "CGCS_2000", "CHINA_GEODETIC_COORDINATE_SYSTEM_2000", "2000国家大地坐标系");
    private static final List<String> WGS84 = List.of("WGS_1984", "WGS84", "WGS_84", "WORLD_GEODETIC_SYSTEM_1984");

    private CrsDetector() {}

    /**
     * The CRS a WKT text describes.
     *
     * @param wkt      the text of a .prj file or a GeoPackage srs definition
     * @param fileName the file, for the issue
     * @return the supported CRS
     * @throws ImportException CRS_LEGACY_DATUM (argument: the CRS's name) for Beijing 1954 / Xi'an 1980,
     *                         CRS_UNSUPPORTED (argument: the CRS's name, or the start of the text) otherwise
     */
    public static Crs fromWkt(String wkt, String fileName) {
        Wkt root;
        try {
            root = Wkt.parse(wkt);
        } catch (Wkt.SyntaxException e) {
            throw unsupported(fileName, abbreviate(wkt));
        }
        if (root.keyword().equals("COMPD_CS") || root.keyword().equals("COMPOUNDCRS")) {
            root = root.child("PROJCS", "PROJCRS", "GEOGCS", "GEOGCRS", "GEODCRS")
                    .orElseThrow(() -> unsupported(fileName, abbreviate(wkt)));
        }
        String name = root.name().isEmpty() ? abbreviate(wkt) : root.name();
        if (isLegacy(root)) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.CRS_LEGACY_DATUM, name));
        }
        Optional<Wkt.Authority> authority = root.authority();
        if (authority.isPresent()) {
            Optional<Crs> byCode = byAuthority(authority.get(), name, fileName);
            if (byCode.isPresent()) {
                return byCode.get();
            }
        }
        return switch (root.keyword()) {
            case "GEOGCS", "GEOGCRS", "GEODCRS" -> geographic(root).orElseThrow(() -> unsupported(fileName, name));
            case "PROJCS", "PROJCRS" -> projected(root, name).orElseThrow(() -> unsupported(fileName, name));
            default -> throw unsupported(fileName, name);
        };
    }

    /**
     * The CRS that a file's coordinates imply, when they leave no doubt (see the class comment).
     *
     * @param extent the data's extent as stored (x first), or null
     * @return the CRS, or empty when it cannot be told
     */
    public static Optional<Crs> infer(Envelope extent) {
        if (extent == null || extent.isNull()) {
            return Optional.empty();
        }
        double minX = extent.getMinX();
        double maxX = extent.getMaxX();
        if (GaussKrugerZone.isPrefixedEasting(minX)
                && GaussKrugerZone.isPrefixedEasting(maxX)
                && GaussKrugerZone.ofPrefixedEasting(minX).equals(GaussKrugerZone.ofPrefixedEasting(maxX))
                && extent.getMinY() >= MIN_NORTHING
                && extent.getMaxY() <= MAX_NORTHING) {
            return Optional.of(Crs.gaussKruger(GaussKrugerZone.ofPrefixedEasting(minX), true));
        }
        if (new Envelope(MIN_LON, MAX_LON, MIN_LAT, MAX_LAT).contains(extent)
                || new Envelope(MIN_LAT, MAX_LAT, MIN_LON, MAX_LON).contains(extent)) {
            return Optional.of(Crs.CGCS2000);
        }
        if (minX > 0 && maxX < 1_000_000 && extent.getMinY() >= MIN_NORTHING && extent.getMaxY() <= MAX_NORTHING) {
            List<Crs> fitting = List.of(37, 38).stream()
                    .map(zone -> Crs.gaussKruger(new GaussKrugerZone(zone), false))
                    .filter(crs -> withinYiyang(crs, extent))
                    .toList();
            if (fitting.size() == 1) {
                return Optional.of(fitting.get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * The CRS of a file: the user's choice when given; else what the file declares; else inferred from the
     * extent (CRS_INFERRED, to confirm) or unknown (NO_CRS). Issues are added to {@code issues}.
     *
     * @param fromFile what the file declares, or null when it declares nothing; may throw ImportException
     */
    static DetectedCrs resolve(
            SourceOptions options,
            Supplier<DetectedCrs> fromFile,
            Envelope extent,
            String fileName,
            List<ImportIssue> issues) {
        if (options.crs() != null) {
            return new DetectedCrs(options.crs(), Detection.USER, null);
        }
        DetectedCrs declared = fromFile.get();
        if (declared != null) {
            return declared;
        }
        Optional<Crs> inferred = infer(extent);
        if (inferred.isPresent()) {
            issues.add(ImportIssue.ofFile(fileName, IssueCode.CRS_INFERRED, inferred.get()));
            return new DetectedCrs(inferred.get(), Detection.INFERRED, null);
        }
        issues.add(ImportIssue.ofFile(fileName, IssueCode.NO_CRS));
        return new DetectedCrs(null, Detection.UNKNOWN, null);
    }

    /**
     * A CRS code as a file declares it (GeoJSON's crs member, a GeoPackage's organization code).
     *
     * @throws ImportException CRS_LEGACY_DATUM or CRS_UNSUPPORTED (argument: the code)
     */
    static Crs fromCode(String code, String fileName) {
        String normal = code.strip().toUpperCase(Locale.ROOT);
        if (normal.matches("URN:OGC:DEF:CRS:OGC:[^:]*:CRS84|CRS84|OGC:CRS84")
                || normal.equals("HTTP://WWW.OPENGIS.NET/DEF/CRS/OGC/1.3/CRS84")) {
            return Crs.WGS84;
        }
        Matcher http = Pattern.compile("HTTPS?://WWW.OPENGIS.NET/DEF/CRS/EPSG/[^/]+/(\\d+)")
                .matcher(normal);
        String parsed = http.matches() ? http.group(1) : code;
        try {
            return Crs.parse(parsed);
        } catch (LegacyDatumException e) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.CRS_LEGACY_DATUM, code), e);
        } catch (UnsupportedCrsException e) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.CRS_UNSUPPORTED, code), e);
        }
    }

    /** @return the name of the CRS a WKT text describes (for {@link DetectedCrs#declared()}), or null */
    static String wktName(String wkt) {
        try {
            String name = Wkt.parse(wkt).name();
            return name.isEmpty() ? null : name;
        } catch (Wkt.SyntaxException e) {
            return null;
        }
    }

    private static boolean withinYiyang(Crs gk, Envelope extent) {
        CrsTransform toLonLat = CrsTransform.of(gk, Crs.CGCS2000);
        for (Coordinate corner : new Coordinate[] {
            new Coordinate(extent.getMinX(), extent.getMinY()),
            new Coordinate(extent.getMinX(), extent.getMaxY()),
            new Coordinate(extent.getMaxX(), extent.getMinY()),
            new Coordinate(extent.getMaxX(), extent.getMaxY())
        }) {
            if (!YIYANG.contains(toLonLat.transform(corner))) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Crs> byAuthority(Wkt.Authority authority, String name, String fileName) {
        if (authority.name().equals("ESRI") && List.of("102100", "102113").contains(authority.code())) {
            return Optional.of(Crs.WEB_MERCATOR);
        }
        if (!authority.name().equals("EPSG") || !authority.code().matches("\\d{1,6}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Crs.epsg(Integer.parseInt(authority.code())));
        } catch (LegacyDatumException e) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.CRS_LEGACY_DATUM, name), e);
        } catch (UnsupportedCrsException e) {
            throw new ImportException(ImportIssue.ofFile(fileName, IssueCode.CRS_UNSUPPORTED, name), e);
        }
    }

    private static Optional<Crs> geographic(Wkt geog) {
        String datum = normal(geog.name() + " "
                + geog.find("DATUM", "GEODETICDATUM", "TRF").map(Wkt::name).orElse(""));
        if (containsAny(datum, CGCS2000)) {
            return Optional.of(Crs.CGCS2000);
        }
        if (containsAny(datum, WGS84)) {
            return Optional.of(Crs.WGS84);
        }
        return Optional.empty();
    }

    private static Optional<Crs> projected(Wkt proj, String name) {
        Optional<Crs> base =
                proj.child("GEOGCS", "BASEGEOGCRS", "BASEGEODCRS", "GEOGCRS").flatMap(CrsDetector::geographic);
        String projection =
                normal(proj.find("PROJECTION", "METHOD").map(Wkt::name).orElse(""));
        String normalName = normal(name);
        if (base.isPresent()
                && base.get() == Crs.WGS84
                && (normalName.contains("WEB_MERCATOR")
                        || normalName.contains("PSEUDO_MERCATOR")
                        || projection.contains("AUXILIARY_SPHERE")
                        || projection.contains("PSEUDO_MERCATOR"))) {
            return Optional.of(Crs.WEB_MERCATOR);
        }
        if (base.isEmpty() || base.get() != Crs.CGCS2000) {
            return Optional.empty();
        }
        Map<String, Double> params = parameters(proj);
        if (params.isEmpty()) {
            return byArcGisName(normalName);
        }
        if (!projection.contains("TRANSVERSE_MERCATOR") && !projection.contains("GAUSS_KRUGER")) {
            return Optional.empty();
        }
        double cm = param(params, Double.NaN, "CENTRAL_MERIDIAN", "LONGITUDE_OF_NATURAL_ORIGIN", "LONGITUDE_OF_ORIGIN");
        double falseEasting = param(params, 0, "FALSE_EASTING");
        double falseNorthing = param(params, 0, "FALSE_NORTHING");
        double scale = param(params, 1, "SCALE_FACTOR", "SCALE_FACTOR_AT_NATURAL_ORIGIN");
        double lat0 = param(params, 0, "LATITUDE_OF_ORIGIN", "LATITUDE_OF_NATURAL_ORIGIN");
        if (Double.isNaN(cm) || scale != 1 || falseNorthing != 0 || lat0 != 0 || cm % 3 != 0) {
            return Optional.empty();
        }
        int zoneNumber = (int) (cm / 3);
        if (zoneNumber < GaussKrugerZone.FIRST || zoneNumber > GaussKrugerZone.LAST) {
            return Optional.empty();
        }
        GaussKrugerZone zone = new GaussKrugerZone(zoneNumber);
        if (falseEasting == zone.falseEasting(false)) {
            return Optional.of(Crs.gaussKruger(zone, false));
        }
        if (falseEasting == zone.falseEasting(true)) {
            return Optional.of(Crs.gaussKruger(zone, true));
        }
        return Optional.empty();
    }

    private static Optional<Crs> byArcGisName(String normalName) {
        Matcher zone = GK_ZONE_NAME.matcher(normalName);
        Matcher cm = GK_CM_NAME.matcher(normalName);
        try {
            if (zone.find()) {
                return Optional.of(Crs.gaussKruger(new GaussKrugerZone(Integer.parseInt(zone.group(1))), true));
            }
            if (cm.find() && Integer.parseInt(cm.group(1)) % 3 == 0) {
                return Optional.of(Crs.gaussKruger(new GaussKrugerZone(Integer.parseInt(cm.group(1)) / 3), false));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Map<String, Double> parameters(Wkt proj) {
        Map<String, Double> params = new TreeMap<>();
        Wkt holder = proj.child("CONVERSION").orElse(proj);
        for (Wkt p : holder.children("PARAMETER")) {
            p.number(1).ifPresent(v -> params.put(normal(p.name()), v));
        }
        return params;
    }

    private static double param(Map<String, Double> params, double fallback, String... names) {
        for (String n : names) {
            if (params.containsKey(n)) {
                return params.get(n);
            }
        }
        return fallback;
    }

    private static boolean isLegacy(Wkt root) {
        StringBuilder names = new StringBuilder(root.name());
        for (String keyword : new String[] {"GEOGCS", "BASEGEOGCRS", "BASEGEODCRS", "DATUM", "SPHEROID", "ELLIPSOID"}) {
            root.find(keyword).ifPresent(n -> names.append(' ').append(n.name()));
        }
        return containsAny(normal(names.toString()), LEGACY);
    }

    private static boolean containsAny(String text, List<String> needles) {
        return needles.stream().anyMatch(text::contains);
    }

    /** Upper case, every run of characters other than letters and digits as one underscore. */
    private static String normal(String text) {
        return text.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
    }

    private static ImportException unsupported(String fileName, String what) {
        return new ImportException(ImportIssue.ofFile(fileName, IssueCode.CRS_UNSUPPORTED, what));
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
