package cn.yiyang.planning.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXYZM;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

class CrsTransformTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final List<Crs> METRIC =
            List.of(Crs.epsg(4546), Crs.epsg(4525), Crs.epsg(4547), Crs.epsg(4526), Crs.WEB_MERCATOR);

    @Test
    void onlyACrsToItselfIsTheIdentity() {
        assertThat(CrsTransform.of(Crs.parse("EPSG:4490"), Crs.CGCS2000).isIdentity())
                .isTrue();
        assertThat(CrsTransform.of(Crs.epsg(4546), Crs.epsg(4546)).isIdentity()).isTrue();
        assertThat(CrsTransform.of(Crs.WGS84, Crs.CGCS2000).isIdentity())
                .as("the same coordinates, but a lon/lat check")
                .isFalse();
        assertThat(CrsTransform.of(Crs.CGCS2000, Crs.epsg(4546)).isIdentity()).isFalse();
    }

    /** The reference value quoted for PostGIS and GDAL. */
    @Test
    void referencePointInZone37() {
        Coordinate en = CrsTransform.of(Crs.CGCS2000, Crs.epsg(4546)).transform(new Coordinate(112.35, 28.55));
        assertThat(en.x).isCloseTo(632114.8912, within(1e-4));
        assertThat(en.y).isCloseTo(3160138.8465, within(1e-4));
    }

    @Test
    void prefixedAndUnprefixedEastingsDifferByExactlyTheZonePrefix() {
        for (Coordinate p : YiyangPoints.grid(7)) {
            for (GaussKrugerZone zone : List.of(new GaussKrugerZone(37), new GaussKrugerZone(38))) {
                Coordinate prefixed = CrsTransform.of(Crs.CGCS2000, Crs.gaussKruger(zone, true))
                        .transform(p);
                Coordinate plain = CrsTransform.of(Crs.CGCS2000, Crs.gaussKruger(zone, false))
                        .transform(p);
                assertThat(prefixed.x - plain.x).isCloseTo(zone.eastingPrefix(), within(1e-6));
                assertThat(prefixed.y).isEqualTo(plain.y);
                assertThat(GaussKrugerZone.ofPrefixedEasting(prefixed.x)).isEqualTo(zone);
            }
        }
    }

    @Test
    void roundTripsBetweenEveryPairAcrossYiyang() {
        for (Coordinate lonLat : YiyangPoints.grid(9)) {
            for (Crs a : METRIC) {
                Coordinate inA = CrsTransform.of(Crs.CGCS2000, a).transform(lonLat);
                for (Crs b : METRIC) {
                    Coordinate back = CrsTransform.of(b, a)
                            .transform(CrsTransform.of(a, b).transform(inA));
                    assertThat(back.distance(inA))
                            .as("%s <-> %s at %s", a, b, lonLat)
                            .isLessThan(1e-6);
                }
                Coordinate lonLatBack = CrsTransform.of(a, Crs.CGCS2000).transform(inA);
                assertThat(lonLatBack.distance(lonLat))
                        .as("%s at %s", a, lonLat)
                        .isLessThan(1e-10);
            }
        }
    }

    @Test
    void chainThroughAllYiyangCrssReturnsToTheStart() {
        List<Crs> chain = List.of(
                Crs.CGCS2000,
                Crs.epsg(4546),
                Crs.epsg(4525),
                Crs.epsg(4547),
                Crs.epsg(4526),
                Crs.WEB_MERCATOR,
                Crs.WGS84,
                Crs.CGCS2000);
        for (Coordinate start : YiyangPoints.grid(5)) {
            Coordinate c = start;
            for (int i = 1; i < chain.size(); i++) {
                c = CrsTransform.of(chain.get(i - 1), chain.get(i)).transform(c);
            }
            assertThat(c.distance(start)).isLessThan(1e-10);
        }
    }

    @Test
    void cgcs2000AndWgs84AreTheSame() {
        Coordinate p = new Coordinate(112.35, 28.55);
        assertThat(CrsTransform.of(Crs.CGCS2000, Crs.WGS84).transform(p)).isEqualTo(p);
        assertThat(CrsTransform.of(Crs.WGS84, Crs.epsg(4546)).transform(p))
                .isEqualTo(CrsTransform.of(Crs.CGCS2000, Crs.epsg(4546)).transform(p));
    }

    @Test
    void transformsGeometriesKeepingTypeZAndInput() {
        Polygon lonLat = GF.createPolygon(new Coordinate[] {
            new Coordinate(112.30, 28.50, 35.0),
            new Coordinate(112.32, 28.50, 36.0),
            new Coordinate(112.32, 28.52, 37.0),
            new Coordinate(112.30, 28.50, 35.0)
        });
        Polygon gk = CrsTransform.of(Crs.CGCS2000, Crs.epsg(4546)).transform(lonLat);
        assertThat(gk.getSRID()).isEqualTo(4546);
        assertThat(gk.getCoordinates()[1].getZ()).isEqualTo(36.0);
        assertThat(gk.getEnvelopeInternal().getMinX()).isGreaterThan(600_000);
        assertThat(lonLat.getCoordinates()[1].x).isEqualTo(112.32);
        Polygon back = CrsTransform.of(Crs.epsg(4546), Crs.CGCS2000).transform(gk);
        assertThat(back.equalsExact(lonLat, 1e-10)).isTrue();
        assertThat(CrsTransform.of(Crs.CGCS2000, Crs.GCJ02).transform(lonLat).getSRID())
                .isZero();
    }

    @Test
    void transformsCoordinateKeepingMeasure() {
        Coordinate c = CrsTransform.of(Crs.CGCS2000, Crs.epsg(4547)).transform(new CoordinateXYZM(112.6, 28.9, 10, 7));
        assertThat(c).isInstanceOf(CoordinateXYZM.class);
        assertThat(c.getZ()).isEqualTo(10.0);
        assertThat(c.getM()).isEqualTo(7.0);
    }

    @Test
    void refusesEastingsOfTheWrongFormOrSwappedAxes() {
        assertThatThrownBy(() -> CrsTransform.of(Crs.epsg(4546), Crs.CGCS2000)
                        .transform(new Coordinate(37_632_114.89, 3_160_138.85)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EPSG:4525");
        assertThatThrownBy(() -> CrsTransform.of(Crs.epsg(4525), Crs.CGCS2000)
                        .transform(new Coordinate(632_114.89, 3_160_138.85)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EPSG:4546");
        assertThatThrownBy(() -> CrsTransform.of(Crs.epsg(4546), Crs.CGCS2000)
                        .transform(new Coordinate(3_160_138.85, 632_114.89)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("swapped");
        LineString wrongZone = GF.createLineString(
                new Coordinate[] {new Coordinate(38_412_345.6, 3_160_000), new Coordinate(38_412_445.6, 3_160_000)});
        assertThatThrownBy(() -> CrsTransform.of(Crs.epsg(4525), Crs.CGCS2000).transform(wrongZone))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EPSG:4526");
    }

    @Test
    void refusesLatitudeFirstAndMetresGivenAsLonLat() {
        CrsTransform toGk = CrsTransform.of(Crs.CGCS2000, Crs.epsg(4546));
        assertThatThrownBy(() -> toGk.transform(new Coordinate(28.55, 112.35)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latitude, longitude");
        assertThatThrownBy(() -> toGk.transform(new Coordinate(632_114.89, 3_160_138.85)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("projected metres");
        assertThatThrownBy(() -> CrsTransform.of(Crs.GCJ02, Crs.WGS84).transform(new Coordinate(Double.NaN, 28)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isCachedAndInvertible() {
        CrsTransform t = CrsTransform.of(Crs.CGCS2000, Crs.epsg(4547));
        assertThat(CrsTransform.of(Crs.CGCS2000, Crs.epsg(4547))).isSameAs(t);
        assertThat(t.inverse().source()).isSameAs(Crs.epsg(4547));
        assertThat(t.inverse().inverse()).isSameAs(t);
        assertThat(t).hasToString("EPSG:4490 -> EPSG:4547");
    }

    @Test
    void isThreadSafe() {
        List<Coordinate> points = YiyangPoints.grid(40);
        CrsTransform t = CrsTransform.of(Crs.BD09, Crs.epsg(4526));
        List<Coordinate> sequential = points.stream().map(t::transform).toList();
        for (int round = 0; round < 5; round++) {
            List<Coordinate> parallel = IntStream.range(0, points.size())
                    .parallel()
                    .mapToObj(i -> t.transform(points.get(i)))
                    .toList();
            assertThat(parallel).isEqualTo(sequential);
        }
    }
}
