package cn.yiyang.planning.geo.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class GeodesicAreaTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final GeodesicArea AREA = GeodesicArea.CGCS2000;

    /**
     * Expected values from PostGIS 3.3 (GeographicLib, WGS84 ellipsoid, geodesic edges):
     * {@code SELECT ST_Area(ST_GeomFromText(wkt, 4326)::geography)}.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POLYGON((111.6 28.4, 111.63 28.4, 111.635 28.425, 111.61 28.43, 111.6 28.4))|8415900.117735386",
                "POLYGON((111.6 28.4, 111.63 28.4, 111.635 28.425, 111.61 28.43, 111.6 28.4),"
                        + " (111.61 28.41, 111.615 28.41, 111.615 28.415, 111.61 28.41))|8280156.028183222",
                "MULTIPOLYGON(((112.48 28.9, 112.53 28.9, 112.53 28.94, 112.48 28.94, 112.48 28.9)),"
                        + "((112.6 29.1, 112.62 29.1, 112.61 29.12, 112.6 29.1)))|23773641.058200836",
                "POLYGON((111 28, 111.5 28, 111.5 28.5, 111 28.5, 111 28))|2718883218.2565613"
            })
    void agreesWithPostGis(String wkt, double expected) throws ParseException {
        Geometry lonLat = new WKTReader(GF).read(wkt);
        assertThat(AREA.squareMetres(lonLat)).isCloseTo(expected, withinPercentage(0.001));
    }

    /** A 1 km × 1 km square on the central meridian of EPSG:4546 is 1 km² on the ground. */
    @Test
    void gaussKrugerSquareOnTheCentralMeridian() {
        Geometry square = lonLatOfGkSquare(500_000, 3_150_000);
        assertThat(AREA.squareMetres(square)).isCloseTo(1_000_000.0, withinPercentage(0.01));
    }

    /**
     * 132 km east of the central meridian the GK scale is 1.000216, so a 1 km² GK square covers only
     * 1/1.000433 km² of ground. PostGIS: {@code ST_Area(ST_Transform(ST_MakeEnvelope(632000, 3160000, 633000,
     * 3161000, 4546), 4490)::geography)} = 999566.9818729162.
     */
    @Test
    void gaussKrugerSquareAwayFromTheCentralMeridian() {
        Geometry square = lonLatOfGkSquare(632_000, 3_160_000);
        assertThat(AREA.squareMetres(square)).isCloseTo(999_566.9818729162, withinPercentage(0.001));
    }

    @Test
    void convertsToMuAndHectares() {
        Geometry square = lonLatOfGkSquare(500_000, 3_150_000);
        assertThat(AREA.area(square, AreaUnit.HECTARE)).isCloseTo(100.0, withinPercentage(0.01));
        assertThat(AREA.area(square, AreaUnit.MU)).isCloseTo(1500.0, withinPercentage(0.01));
        assertThat(AreaUnit.MU.squareMetres()).isEqualTo(10_000.0 / 15.0);
        assertThat(AreaUnit.MU.fromSquareMetres(10_000)).isCloseTo(15.0, within(1e-12));
        assertThat(AreaUnit.HECTARE.fromSquareMetres(AreaUnit.MU.toSquareMetres(15)))
                .isCloseTo(1.0, within(1e-12));
        assertThat(AreaUnit.SQUARE_KILOMETRE.toSquareMetres(1)).isEqualTo(1e6);
        assertThat(AreaUnit.MU.nameZh()).isEqualTo("亩");
        assertThat(AreaUnit.HECTARE.nameZh()).isEqualTo("公顷");
    }

    @Test
    void nonPolygonalAndEmptyGeometriesHaveNoArea() throws ParseException {
        WKTReader reader = new WKTReader(GF);
        assertThat(AREA.squareMetres(reader.read("LINESTRING(112 28, 112.1 28.1)")))
                .isZero();
        assertThat(AREA.squareMetres(reader.read("POLYGON EMPTY"))).isZero();
        Geometry collection = reader.read("GEOMETRYCOLLECTION(POINT(112 28), "
                + "POLYGON((111.6 28.4, 111.63 28.4, 111.635 28.425, 111.61 28.43, 111.6 28.4)))");
        assertThat(AREA.squareMetres(collection)).isCloseTo(8415900.117735386, withinPercentage(0.001));
    }

    private static Geometry lonLatOfGkSquare(double minEasting, double minNorthing) {
        Geometry gk = GF.toGeometry(new Envelope(minEasting, minEasting + 1000, minNorthing, minNorthing + 1000));
        return CrsTransform.of(Crs.epsg(4546), Crs.CGCS2000).transform(gk);
    }
}
