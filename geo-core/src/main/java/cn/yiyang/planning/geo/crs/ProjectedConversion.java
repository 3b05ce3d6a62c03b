package cn.yiyang.planning.geo.crs;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Converts a projected CRS (Gauss-Kruger, Web Mercator) to and from lon/lat on its own ellipsoid with proj4j,
 * from the CRS's explicit proj4 definition. No datum shift is involved: the projection's lon/lat is taken to be
 * CGCS2000 (= WGS84) lon/lat, which is what EPSG:3857 and the CGCS2000 Gauss-Kruger CRSs define.
 *
 * <p>proj4j transforms keep mutable state, so each thread gets its own pair.
 */
final class ProjectedConversion implements LonLatConversion {

    private static final double PREFIX_UNIT = 1_000_000.0;

    private record Proj4jPair(
            CoordinateTransform toLonLat, CoordinateTransform fromLonLat, ProjCoordinate in, ProjCoordinate out) {}

    private final Crs crs;
    private final ThreadLocal<Proj4jPair> transforms;

    ProjectedConversion(Crs crs) {
        this.crs = crs;
        String definition = crs.proj4().orElseThrow();
        this.transforms = ThreadLocal.withInitial(() -> {
            CoordinateReferenceSystem projected = new CRSFactory().createFromParameters(crs.code(), definition);
            CoordinateReferenceSystem lonLat = projected.createGeographic();
            CoordinateTransformFactory factory = new CoordinateTransformFactory();
            return new Proj4jPair(
                    factory.createTransform(projected, lonLat),
                    factory.createTransform(lonLat, projected),
                    new ProjCoordinate(),
                    new ProjCoordinate());
        });
    }

    @Override
    public void toLonLat(Coordinate c) {
        crs.gaussKrugerZone().ifPresent(zone -> checkEasting(zone, c));
        Proj4jPair pair = transforms.get();
        apply(pair.toLonLat(), pair, c);
    }

    @Override
    public void fromLonLat(Coordinate c) {
        Proj4jPair pair = transforms.get();
        apply(pair.fromLonLat(), pair, c);
    }

    private static void apply(CoordinateTransform transform, Proj4jPair pair, Coordinate c) {
        pair.in().x = c.x;
        pair.in().y = c.y;
        transform.transform(pair.in(), pair.out());
        c.x = pair.out().x;
        c.y = pair.out().y;
    }

    /** Refuses eastings that cannot belong to this CRS: the usual prefix and axis-order mistakes. */
    private void checkEasting(GaussKrugerZone zone, Coordinate c) {
        double min = crs.isZonePrefixed() ? zone.eastingPrefix() : 0.0;
        if (c.x > min && c.x < min + PREFIX_UNIT) {
            return;
        }
        String hint = "";
        if (GaussKrugerZone.isPrefixedEasting(c.x)) {
            GaussKrugerZone prefix = GaussKrugerZone.ofPrefixedEasting(c.x);
            hint = ": it carries the zone-" + prefix.number() + " prefix, so its CRS is EPSG:" + prefix.epsg(true);
        } else if (c.x > 0.0 && c.x < PREFIX_UNIT) {
            hint = ": it carries no zone prefix, so its CRS is EPSG:" + zone.epsg(false);
        } else if (c.y > min && c.y < min + PREFIX_UNIT) {
            hint = ": x and y look swapped (survey tables write the northing as X)";
        }
        throw new IllegalArgumentException("easting " + c.x + " is impossible in " + crs + hint);
    }
}
