package cn.yiyang.planning.geo.measure;

/**
 * A reference ellipsoid of revolution.
 *
 * @param name a display name
 * @param semiMajorAxis the equatorial radius {@code a} in metres
 * @param inverseFlattening {@code 1/f}
 */
public record Ellipsoid(String name, double semiMajorAxis, double inverseFlattening) {

    /**
     * GRS80, which is also the CGCS2000 ellipsoid: CGCS2000 has the same {@code a} and, to the precision of
     * any distance or area, the same {@code f} (1/298.257222101); only its GM and ω differ.
     */
    public static final Ellipsoid GRS80 = new Ellipsoid("GRS80", 6_378_137.0, 298.257222101);

    /** WGS84, the GPS ellipsoid (f = 1/298.257223563); differs from GRS80 by 0.1 mm in the semi-minor axis. */
    public static final Ellipsoid WGS84 = new Ellipsoid("WGS 84", 6_378_137.0, 298.257223563);

    /**
     * @param name a display name
     * @param semiMajorAxis {@code a} in metres, positive
     * @param inverseFlattening {@code 1/f}, greater than 1
     */
    public Ellipsoid {
        if (!(semiMajorAxis > 0) || !(inverseFlattening > 1)) {
            throw new IllegalArgumentException(
                    "not an oblate ellipsoid: a=" + semiMajorAxis + ", 1/f=" + inverseFlattening);
        }
    }

    /** @return the flattening {@code f} */
    public double flattening() {
        return 1.0 / inverseFlattening;
    }

    /** @return the polar radius {@code b = a(1 - f)} in metres */
    public double semiMinorAxis() {
        return semiMajorAxis * (1.0 - flattening());
    }
}
