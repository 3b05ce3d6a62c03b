package cn.yiyang.planning.geo.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.GaussKrugerZone;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class LocalProjectionTest {

    private static final GeometryFactory GF = new GeometryFactory();
    /** Yiyang's extent. */
    private static final Envelope YIYANG = new Envelope(110.72, 112.94, 27.97, 29.52);

    @ParameterizedTest
    @CsvSource({
        "111.90, 112.10, 37, 4546", // 赫山区 west of the boundary
        "112.60, 112.90, 38, 4547", // east of 112°30'
        "112.30, 112.60, 37, 4546", // straddles, centre 112.45
        "112.40, 112.70, 38, 4547", // straddles, centre 112.55
        "110.72, 112.94, 37, 4546"
    }) // the whole of Yiyang, centre 111.83
    void picksTheZoneOfTheEnvelopeCentre(double west, double east, int zone, int epsg) {
        LocalProjection local = LocalProjection.forEnvelope(new Envelope(west, east, 28.5, 28.9));
        assertThat(local.zone()).isEqualTo(new GaussKrugerZone(zone));
        assertThat(local.crs()).isSameAs(Crs.epsg(epsg));
    }

    @Test
    void roundTripsGeometries() {
        Polygon village = GF.createPolygon(new Coordinate[] {
            new Coordinate(112.45, 28.80),
            new Coordinate(112.56, 28.80),
            new Coordinate(112.56, 28.86),
            new Coordinate(112.45, 28.80)
        });
        LocalProjection local = LocalProjection.forGeometry(village);
        Polygon metres = local.toMetres(village);
        assertThat(metres.getSRID()).isEqualTo(4547);
        assertThat(local.toLonLat(metres).equalsExact(village, 1e-10)).isTrue();
        Coordinate c = new Coordinate(112.5, 28.8);
        assertThat(local.toLonLat(local.toMetres(c)).distance(c)).isLessThan(1e-10);
    }

    /** Documented bound: lengths within 0.05% of the geodesic anywhere in Yiyang, even 1.94° from the CM. */
    @Test
    void distortionAcrossYiyangIsUnderAFifthOfAPermille() {
        LocalProjection local = LocalProjection.forEnvelope(YIYANG);
        for (double lon = YIYANG.getMinX(); lon <= YIYANG.getMaxX(); lon += 0.111) {
            for (double lat = YIYANG.getMinY(); lat <= YIYANG.getMaxY(); lat += 0.155) {
                Coordinate a = new Coordinate(lon, lat);
                Coordinate b = new Coordinate(lon + 0.01, lat + 0.01);
                double planar = local.toMetres(a).distance(local.toMetres(b));
                double ratio = planar / GeodesicDistance.CGCS2000.distance(a, b);
                assertThat(ratio - 1).as("at %s", a).isBetween(0.0, 0.0005);
            }
        }
    }

    /** A 2 km buffer built in metres covers π·2000² m² of the plane, and within 0.1% of that on the ground. */
    @Test
    void buffersInMetres() {
        LocalProjection local = LocalProjection.forEnvelope(YIYANG);
        Geometry village = GF.createPoint(new Coordinate(112.9, 29.5));
        Geometry buffer = local.toLonLat(local.toMetres(village).buffer(2_000, 64));
        assertThat(GeodesicArea.CGCS2000.squareMetres(buffer)).isCloseTo(Math.PI * 2000 * 2000, withinPercentage(0.1));
    }

    @Test
    void refusesEmptyEnvelopes() {
        assertThatThrownBy(() -> LocalProjection.forEnvelope(new Envelope()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalProjection.forGeometry(GF.createPolygon()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "111.00, 28.5", // on the central meridian of zone 37
        "112.00, 28.5", // 1° east
        "112.94, 29.5", // Yiyang's far east corner, 1.94° from 111°E
        "110.72, 27.97"
    }) // its far west corner
    void scaleFactorTurnsProjectedMetresIntoGroundMetres(double lon, double lat) {
        LocalProjection local = new LocalProjection(new GaussKrugerZone(37));
        Coordinate a = new Coordinate(lon, lat);
        Coordinate b = new Coordinate(lon + 0.0004, lat + 0.0003); // about 50 m away
        double projected = local.toMetres(a).distance(local.toMetres(b));
        double ground = GeodesicDistance.CGCS2000.distance(a, b);
        double k = local.scaleFactor(new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2));
        assertThat(projected / k).isCloseTo(ground, Assertions.within(1e-6));
        if (lon > 112.9) {
            assertThat(k - 1).isBetween(4.0e-4, 5.5e-4); // 2.4 cm over 50 m: why distances divide by k
        }
    }
}
