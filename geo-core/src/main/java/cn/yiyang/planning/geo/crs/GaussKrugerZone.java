package cn.yiyang.planning.geo.crs;

/**
 * A CGCS2000 3-degree Gauss-Kruger zone (3度带), numbered 25 to 45 as in the EPSG registry.
 *
 * <p>Zone {@code n} has its central meridian at {@code 3n} degrees east and covers {@code 3n ± 1.5} degrees.
 * Its coordinates come in two forms: with the zone number prefixed to the easting (EPSG:4513-4533,
 * false easting {@code n × 1 000 000 + 500 000}, an 8-digit easting such as {@code 37 632 114.89}) or without
 * (EPSG:4534-4554, false easting 500 000). The two eastings of one point differ by exactly {@code n × 10⁶};
 * northings are identical.
 *
 * <p>Yiyang straddles zone 37 (central meridian 111°E, EPSG:4525 prefixed / EPSG:4546 unprefixed) and
 * zone 38 (114°E, EPSG:4526 / EPSG:4547); the boundary is 112°30′E.
 *
 * <pre>{@code
 * GaussKrugerZone zone = GaussKrugerZone.ofLongitude(112.35);   // zone 37
 * zone.epsg(false);                                             // 4546
 * GaussKrugerZone.ofPrefixedEasting(38_412_345.6).number();     // 38
 * }</pre>
 *
 * @param number the zone number, 25 to 45
 */
public record GaussKrugerZone(int number) {

    /** The first zone with an EPSG code (central meridian 75°E). */
    public static final int FIRST = 25;
    /** The last zone with an EPSG code (central meridian 135°E). */
    public static final int LAST = 45;
    /** The width of a zone in degrees of longitude. */
    public static final double WIDTH_DEGREES = 3.0;
    /** The false easting of every zone, before any zone prefix. */
    public static final double FALSE_EASTING = 500_000.0;

    private static final int FIRST_PREFIXED_EPSG = 4513;
    private static final int FIRST_UNPREFIXED_EPSG = 4534;
    private static final double PREFIX_UNIT = 1_000_000.0;

    /**
     * @param number the zone number
     * @throws IllegalArgumentException if the number is outside 25..45
     */
    public GaussKrugerZone {
        if (number < FIRST || number > LAST) {
            throw new IllegalArgumentException(
                    "3-degree Gauss-Kruger zone " + number + " is outside the CGCS2000 zones " + FIRST + ".." + LAST);
        }
    }

    /**
     * The zone whose strip contains a longitude: {@code round(lon / 3)}. A longitude exactly on a boundary
     * (e.g. 112.5°E) belongs to the eastern zone.
     *
     * @param longitude degrees east
     * @return the zone
     * @throws IllegalArgumentException if the longitude is not finite or outside 73.5°E..136.5°E
     */
    public static GaussKrugerZone ofLongitude(double longitude) {
        if (!Double.isFinite(longitude)) {
            throw new IllegalArgumentException("longitude is not a number: " + longitude);
        }
        long zone = Math.round(longitude / WIDTH_DEGREES);
        if (zone < FIRST || zone > LAST) {
            throw new IllegalArgumentException(
                    "longitude " + longitude + " lies outside the CGCS2000 3-degree zones (73.5°E..136.5°E)");
        }
        return new GaussKrugerZone((int) zone);
    }

    /**
     * Reads the zone from an easting with the zone number prefixed: an 8-digit easting whose two leading
     * digits are the zone, e.g. {@code 37 632 114.89} is in zone 37.
     *
     * @param easting a prefixed easting in metres
     * @return the zone
     * @throws IllegalArgumentException if the easting does not carry a zone prefix 25..45
     */
    public static GaussKrugerZone ofPrefixedEasting(double easting) {
        if (!isPrefixedEasting(easting)) {
            throw new IllegalArgumentException("easting " + easting + " carries no zone prefix: expected 8 integer"
                    + " digits whose leading two are the zone " + FIRST + ".." + LAST + ", e.g. 37632114.89");
        }
        return new GaussKrugerZone((int) Math.floor(easting / PREFIX_UNIT));
    }

    /**
     * Tells a zone-prefixed easting (25 000 000 ≤ easting &lt; 46 000 000) from an unprefixed one (about
     * 500 000 ± 300 000).
     *
     * @param easting an easting in metres
     * @return whether it carries a zone prefix 25..45
     */
    public static boolean isPrefixedEasting(double easting) {
        return easting >= FIRST * PREFIX_UNIT && easting < (LAST + 1) * PREFIX_UNIT;
    }

    /** @return the central meridian in degrees east, {@code 3 × number} */
    public double centralMeridian() {
        return number * WIDTH_DEGREES;
    }

    /**
     * @param zonePrefixed whether the easting carries the zone number
     * @return the EPSG code: 4513..4533 when prefixed, 4534..4554 when not
     */
    public int epsg(boolean zonePrefixed) {
        return (zonePrefixed ? FIRST_PREFIXED_EPSG : FIRST_UNPREFIXED_EPSG) + number - FIRST;
    }

    /**
     * @param zonePrefixed whether the easting carries the zone number
     * @return the false easting in metres: {@code number × 10⁶ + 500 000} when prefixed, else 500 000
     */
    public double falseEasting(boolean zonePrefixed) {
        return zonePrefixed ? eastingPrefix() + FALSE_EASTING : FALSE_EASTING;
    }

    /** @return the amount the zone prefix adds to an easting, {@code number × 10⁶} metres */
    public double eastingPrefix() {
        return number * PREFIX_UNIT;
    }
}
