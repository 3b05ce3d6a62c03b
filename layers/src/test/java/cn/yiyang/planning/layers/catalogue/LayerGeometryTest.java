package cn.yiyang.planning.layers.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** The one rule for a layer's geometry: its kind, multi forms for lines and polygons, EPSG:4490. */
class LayerGeometryTest {

    /** A file's factory: no SRID, as a reader makes geometries before they are transformed. */
    private static final GeometryFactory FILE = new GeometryFactory();

    private static final LayerCatalogue CATALOGUE = LayerCatalogue.standard();

    private static LineString line() {
        return FILE.createLineString(new Coordinate[] {new Coordinate(112.1, 28.5), new Coordinate(112.2, 28.6)});
    }

    private static Polygon square() {
        return (Polygon) FILE.toGeometry(new Envelope(112.1, 112.2, 28.5, 28.6));
    }

    @Test
    void singleLinesAndPolygonsBecomeTheirMultiFormsOnTheirOwnFactory() {
        Geometry lines = LayerGeometry.shape(GeometryKind.MULTILINESTRING, line());
        Geometry polygons = LayerGeometry.shape(GeometryKind.MULTIPOLYGON, square());
        assertThat(lines).isInstanceOf(MultiLineString.class);
        assertThat(lines.getFactory()).isSameAs(FILE);
        assertThat(lines.getGeometryN(0).equalsExact(line())).isTrue();
        assertThat(polygons).isInstanceOf(MultiPolygon.class);
        assertThat(polygons.getFactory()).isSameAs(FILE);
        assertThat(polygons.getGeometryN(0).equalsExact(square())).isTrue();
    }

    @Test
    void geometriesOfTheKindStayAsTheyAre() {
        Point p = FILE.createPoint(new Coordinate(112.1, 28.5));
        MultiPolygon mp = FILE.createMultiPolygon(new Polygon[] {square()});
        assertThat(LayerGeometry.shape(GeometryKind.POINT, p)).isSameAs(p);
        assertThat(LayerGeometry.shape(GeometryKind.MULTIPOLYGON, mp)).isSameAs(mp);
    }

    @Test
    void aMultiPointOfOnePointIsThatPointAndOfTwoIsNoPoint() {
        Point p = FILE.createPoint(new Coordinate(112.1, 28.5));
        Point q = FILE.createPoint(new Coordinate(112.2, 28.5));
        assertThat(LayerGeometry.shape(GeometryKind.POINT, FILE.createMultiPoint(new Point[] {p}))
                        .equalsExact(p))
                .isTrue();
        assertThat(LayerGeometry.shape(GeometryKind.POINT, FILE.createMultiPoint(new Point[] {p, q})))
                .isNull();
    }

    @Test
    void otherTypesAndLayersWithoutGeometryGiveNull() {
        assertThat(LayerGeometry.shape(GeometryKind.POINT, line())).isNull();
        assertThat(LayerGeometry.shape(GeometryKind.MULTIPOLYGON, line())).isNull();
        assertThat(LayerGeometry.shape(GeometryKind.MULTILINESTRING, square())).isNull();
        assertThat(LayerGeometry.shape(GeometryKind.NONE, square())).isNull();
        assertThat(LayerGeometry.shape(GeometryKind.POINT, null)).isNull();
    }

    @Test
    void storedGeometriesAreOfTheLayersKindInEpsg4490() {
        Geometry road = LayerGeometry.stored(CATALOGUE.get("road"), line());
        assertThat(road).isInstanceOf(MultiLineString.class);
        assertThat(road.getSRID()).isEqualTo(LayerDef.SRID);
        assertThat(LayerGeometry.FACTORY.getSRID()).isEqualTo(LayerDef.SRID);
        assertThat(LayerGeometry.stored(CATALOGUE.get("road"), null)).isNull();
        assertThat(LayerGeometry.stored(CATALOGUE.get("road_inspection"), line()))
                .isNull();
    }

    @Test
    void aGeometryThatCannotBeOfTheLayersKindIsRefusedNamingTheLayer() {
        assertThatThrownBy(() -> LayerGeometry.stored(CATALOGUE.get("village"), line()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("village: a MultiPolygon geometry was expected, got LineString");
    }
}
