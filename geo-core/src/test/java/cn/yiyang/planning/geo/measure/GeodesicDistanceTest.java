package cn.yiyang.planning.geo.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class GeodesicDistanceTest {

    private static final GeodesicDistance GEODESIC = GeodesicDistance.CGCS2000;

    /** Vincenty's (1975) published example on GRS80 / Australian geodetic tables: Flinders Peak to Buninyong. */
    @Test
    void flindersPeakToBuninyong() {
        Coordinate flindersPeak = new Coordinate(dms(144, 25, 29.52440), -dms(37, 57, 3.72030));
        Coordinate buninyong = new Coordinate(dms(143, 55, 35.38390), -dms(37, 39, 10.15610));
        GeodesicInverse inverse = GEODESIC.inverse(flindersPeak, buninyong);
        assertThat(inverse.distance()).isCloseTo(54_972.271, within(0.001));
        assertThat(inverse.initialAzimuth()).isCloseTo(dms(306, 52, 5.37), within(0.005 / 3600));
        // published reverse azimuth 127°10'25.07" (from Buninyong back); the forward azimuth there is 180° more
        assertThat(inverse.finalAzimuth()).isCloseTo(dms(127, 10, 25.07) + 180, within(0.005 / 3600));
    }

    /**
     * Expected values from PostGIS 3.3 (GeographicLib):
     * {@code SELECT ST_DistanceSpheroid(ST_SetSRID(a::geometry,4490), ST_SetSRID(b::geometry,4490),
     * 'SPHEROID["GRS_1980",6378137,298.257222101]')}.
     */
    @ParameterizedTest
    @CsvSource({
        "112.35, 28.55, 111.5, 28.4, 84881.7122048625",
        "110.72, 27.97, 112.94, 29.52, 276632.5915125286",
        "110.0, 27.0, 112.9, 29.0, 361209.0751722692",
        "112.35, 28.55, 112.3501, 28.5501, 14.784821391461149",
        "112.35, 28.55, 112.35000001, 28.55, 0.0009785814455843794"
    })
    void agreesWithPostGisWithinAMillimetre(double lon1, double lat1, double lon2, double lat2, double expected) {
        Coordinate a = new Coordinate(lon1, lat1);
        Coordinate b = new Coordinate(lon2, lat2);
        assertThat(GEODESIC.distance(a, b)).isCloseTo(expected, within(1e-4));
        assertThat(GEODESIC.distance(b, a)).isCloseTo(expected, within(1e-4));
    }

    /** A millimetre along a parallel is the parallel's arc, {@code N cos φ Δλ}, to far below a nanometre. */
    @Test
    void nearlyCoincidentPointsKeepRelativePrecision() {
        Coordinate a = new Coordinate(112.35, 28.55);
        Coordinate b = new Coordinate(112.35000001, 28.55);
        double phi = Math.toRadians(28.55);
        double f = Ellipsoid.GRS80.flattening();
        double n = Ellipsoid.GRS80.semiMajorAxis() / Math.sqrt(1 - f * (2 - f) * Math.sin(phi) * Math.sin(phi));
        double arc = n * Math.cos(phi) * Math.toRadians(b.x - a.x);
        assertThat(GEODESIC.distance(a, b)).isCloseTo(arc, offset(1e-12));
        assertThat(GEODESIC.distance(a, new Coordinate(112.35, 28.550000001))).isBetween(1e-4, 1.2e-4);
        GeodesicInverse same = GEODESIC.inverse(a, new Coordinate(112.35, 28.55));
        assertThat(same.distance()).isZero();
        assertThat(same.initialAzimuth()).isNaN();
    }

    @Test
    void nearlyAntipodalPointsAreRefused() {
        assertThatThrownBy(() -> GEODESIC.distance(new Coordinate(0, 0), new Coordinate(179.8, 0.3)))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("antipodal");
    }

    @Test
    void haversineScreensWithinHalfAPercent() {
        Coordinate a = new Coordinate(110.72, 27.97);
        Coordinate b = new Coordinate(112.94, 29.52);
        assertThat(GeodesicDistance.haversine(a, b)).isCloseTo(GEODESIC.distance(a, b), withinPercentage(0.5));
        assertThat(GeodesicDistance.haversine(a, a)).isZero();
    }

    @Test
    void lengthSumsSegmentsAndPerimeters() {
        GeometryFactory gf = new GeometryFactory();
        Coordinate a = new Coordinate(112.35, 28.55);
        Coordinate b = new Coordinate(112.36, 28.55);
        Coordinate c = new Coordinate(112.36, 28.56);
        LineString road = gf.createLineString(new Coordinate[] {a, b, c});
        assertThat(GEODESIC.length(road)).isEqualTo(GEODESIC.distance(a, b) + GEODESIC.distance(b, c));
        assertThat(GEODESIC.length(gf.createPolygon(new Coordinate[] {a, b, c, a})))
                .isCloseTo(GEODESIC.distance(a, b) + GEODESIC.distance(b, c) + GEODESIC.distance(c, a), within(1e-9));
        assertThat(GEODESIC.length(gf.createPoint(a))).isZero();
    }

    @Test
    void ellipsoidsDifferNegligibly() {
        Coordinate a = new Coordinate(110.72, 27.97);
        Coordinate b = new Coordinate(112.94, 29.52);
        assertThat(GeodesicDistance.on(Ellipsoid.WGS84).distance(a, b))
                .isCloseTo(GEODESIC.distance(a, b), within(1e-4));
        assertThat(Ellipsoid.GRS80.semiMinorAxis()).isCloseTo(6_356_752.314140, within(1e-6));
    }

    private static double dms(int degrees, int minutes, double seconds) {
        return degrees + minutes / 60.0 + seconds / 3600.0;
    }
}
