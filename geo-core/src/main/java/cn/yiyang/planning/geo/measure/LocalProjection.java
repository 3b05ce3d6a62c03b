package cn.yiyang.planning.geo.measure;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.geo.crs.GaussKrugerZone;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Projects CGCS2000 lon/lat geometries to metres in a CGCS2000 3-degree Gauss-Kruger zone (unprefixed eastings,
 * EPSG:4534-4554) and back, so analyses can buffer, snap and measure in metres.
 *
 * <p>The zone is the one containing the centre of the data's envelope: for Yiyang, zone 37 (EPSG:4546, central
 * meridian 111°E) west of 112°30′E and zone 38 (EPSG:4547, 114°E) east of it; an envelope straddling 112°30′E
 * gets the zone of its centre.
 *
 * <p>Distortion: Gauss-Kruger is conformal with scale 1 on the central meridian, growing as about
 * {@code 1 + d²/2R²} at a ground distance {@code d} from it. At Yiyang's latitude (28°-29.5°N) lengths are too
 * long by about 0.012% at 1° from the central meridian, 0.027% at 1.5° (the zone edge) and 0.047% at 2° (the far
 * side of Yiyang from the zone of a Yiyang-wide envelope); areas by twice that. All stay well under 0.1%, below
 * the precision of planning data; use {@link GeodesicDistance} and {@link GeodesicArea} when exact figures are
 * reported.
 *
 * <pre>{@code
 * LocalProjection local = LocalProjection.forGeometry(village);     // zone 37 or 38
 * Geometry buffer = local.toLonLat(local.toMetres(road).buffer(2_000));
 * }</pre>
 *
 * @param zone the Gauss-Kruger zone projected to
 */
public record LocalProjection(GaussKrugerZone zone) {

    /**
     * @param lonLat an envelope in lon/lat degrees
     * @return the projection to the zone containing the envelope's centre
     * @throws IllegalArgumentException if the envelope is empty or its centre lies outside China's zones
     */
    public static LocalProjection forEnvelope(Envelope lonLat) {
        if (lonLat.isNull()) {
            throw new IllegalArgumentException("cannot choose a zone for an empty envelope");
        }
        return new LocalProjection(GaussKrugerZone.ofLongitude(lonLat.centre().x));
    }

    /**
     * @param lonLat a geometry in lon/lat degrees
     * @return the projection to the zone containing the centre of its envelope
     * @throws IllegalArgumentException if the geometry is empty or lies outside China's zones
     */
    public static LocalProjection forGeometry(Geometry lonLat) {
        return forEnvelope(lonLat.getEnvelopeInternal());
    }

    /** @return the projected CRS: CGCS2000 3-degree Gauss-Kruger with unprefixed eastings */
    public Crs crs() {
        return Crs.gaussKruger(zone, false);
    }

    /**
     * @param lonLat a CGCS2000 lon/lat geometry; not modified
     * @param <G> the geometry type, kept
     * @return a copy in metres, SRID set to the zone's EPSG code
     */
    public <G extends Geometry> G toMetres(G lonLat) {
        return CrsTransform.of(Crs.CGCS2000, crs()).transform(lonLat);
    }

    /**
     * @param metres a geometry in this projection's metres; not modified
     * @param <G> the geometry type, kept
     * @return a copy in CGCS2000 lon/lat, SRID 4490
     */
    public <G extends Geometry> G toLonLat(G metres) {
        return CrsTransform.of(crs(), Crs.CGCS2000).transform(metres);
    }

    /**
     * @param lonLat a CGCS2000 lon/lat coordinate
     * @return the coordinate in metres
     */
    public Coordinate toMetres(Coordinate lonLat) {
        return CrsTransform.of(Crs.CGCS2000, crs()).transform(lonLat);
    }

    /**
     * @param metres a coordinate in this projection's metres
     * @return the coordinate in CGCS2000 lon/lat
     */
    public Coordinate toLonLat(Coordinate metres) {
        return CrsTransform.of(crs(), Crs.CGCS2000).transform(metres);
    }

    /**
     * The point scale factor of this projection at a place: a short distance measured in the projection's metres
     * is {@code k} times the distance on the ground (the GRS80 ellipsoid). Divide projected distances by it to get
     * true metres; at Yiyang's far side, 2° from the central meridian, {@code k - 1} is about 4.7e-4.
     *
     * <p>Series for the transverse Mercator (Snyder, <i>Map Projections: A Working Manual</i>, eq. 8-11, with
     * {@code k0 = 1}); its truncation error is below 1e-9 within 3° of the central meridian.
     *
     * @param lonLat a CGCS2000 lon/lat coordinate
     * @return the scale factor, 1 on the central meridian
     */
    public double scaleFactor(Coordinate lonLat) {
        double phi = Math.toRadians(lonLat.y);
        double a = Math.cos(phi) * Math.toRadians(lonLat.x - zone.centralMeridian());
        double f = Ellipsoid.GRS80.flattening();
        double e2 = f * (2 - f);
        double ep2 = e2 / (1 - e2);
        double c = ep2 * Math.cos(phi) * Math.cos(phi);
        double t = Math.tan(phi) * Math.tan(phi);
        double a2 = a * a;
        return 1 + (1 + c) * a2 / 2 + (5 - 4 * t + 42 * c + 13 * c * c - 28 * ep2) * a2 * a2 / 24;
    }
}
