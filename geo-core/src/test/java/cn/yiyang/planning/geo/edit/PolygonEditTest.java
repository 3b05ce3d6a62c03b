package cn.yiyang.planning.geo.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Split and merge on WKT fixtures in lon/lat near Yiyang. */
class PolygonEditTest {

    private static final WKTReader WKT = new WKTReader(new GeometryFactory(new PrecisionModel(), 4490));
    /** A 0.002° square at 112.300°E, 28.500°N. */
    private static final String SQUARE =
            "POLYGON ((112.300 28.500, 112.302 28.500, 112.302 28.502, 112.300 28.502, 112.300 28.500))";

    private static Geometry wkt(String text) {
        try {
            return WKT.read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aLineCrossingTwiceCutsThePolygonIntoTwoPartsThatAddUpToIt() {
        Geometry square = wkt(SQUARE);
        // crosses the west edge and the east edge, a quarter from the bottom
        PolygonSplit.Result result = PolygonSplit.split(square, wkt("LINESTRING (112.2995 28.5005, 112.3025 28.5005)"));

        assertThat(result).isInstanceOf(PolygonSplit.Parts.class);
        var parts = ((PolygonSplit.Parts) result).parts();
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).getArea()).isGreaterThan(parts.get(1).getArea()); // largest first
        assertThat(parts.get(0).getArea() / square.getArea()).isCloseTo(0.75, offset(1e-9));
        assertThat(parts.get(0).union(parts.get(1)).symDifference(square).getArea())
                .isLessThan(1e-15);
        assertThat(parts.get(0).intersection(parts.get(1)).getArea()).isLessThan(1e-15);
    }

    @Test
    void aLineWithABendAcrossAMultipolygonPartCutsOnlyThatPart() {
        Geometry multi = wkt("MULTIPOLYGON (((112.300 28.500, 112.302 28.500, 112.302 28.502, 112.300 28.502,"
                + " 112.300 28.500)), ((112.310 28.500, 112.312 28.500, 112.312 28.502, 112.310 28.502,"
                + " 112.310 28.500)))");

        PolygonSplit.Result result =
                PolygonSplit.split(multi, wkt("LINESTRING (112.301 28.499, 112.3012 28.501, 112.301 28.503)"));

        assertThat(((PolygonSplit.Parts) result).parts()).hasSize(3);
    }

    @Test
    void aLineThatDoesNotCrossIsRefused() {
        Geometry square = wkt(SQUARE);

        assertThat(PolygonSplit.split(square, wkt("LINESTRING (112.303 28.500, 112.304 28.502)")))
                .isEqualTo(new PolygonSplit.Refused(EditRefusal.LINE_DOES_NOT_CROSS));
        // enters but ends inside: a dangle cuts nothing
        assertThat(PolygonSplit.split(square, wkt("LINESTRING (112.2995 28.501, 112.301 28.501)")))
                .isEqualTo(new PolygonSplit.Refused(EditRefusal.LINE_DOES_NOT_CROSS));
    }

    @Test
    void badInputIsRefusedWithItsReason() {
        Geometry bowTie =
                wkt("POLYGON ((112.300 28.500, 112.302 28.502, 112.302 28.500, 112.300 28.502, 112.300 28.500))");

        assertThat(PolygonSplit.split(bowTie, wkt("LINESTRING (112.2995 28.5005, 112.3025 28.5005)")))
                .isEqualTo(new PolygonSplit.Refused(EditRefusal.INVALID_POLYGON));
        assertThat(PolygonSplit.split(wkt(SQUARE), wkt("POINT (112.301 28.501)")))
                .isEqualTo(new PolygonSplit.Refused(EditRefusal.INVALID_LINE));
        assertThat(EditRefusal.LINE_DOES_NOT_CROSS.code()).isEqualTo("line_does_not_cross");
    }

    @Test
    void polygonsSharingAnEdgeMergeIntoOne() {
        Geometry west = wkt(SQUARE);
        Geometry east =
                wkt("POLYGON ((112.302 28.500, 112.304 28.500, 112.304 28.502, 112.302 28.502, 112.302 28.500))");

        PolygonMerge.Result result = PolygonMerge.merge(west, east);

        assertThat(result).isInstanceOf(PolygonMerge.Merged.class);
        Geometry merged = ((PolygonMerge.Merged) result).merged();
        assertThat(merged.getGeometryType()).isEqualTo("Polygon");
        assertThat(merged.symDifference(wkt("POLYGON ((112.300 28.500, 112.304 28.500, 112.304 28.502,"
                                + " 112.300 28.502, 112.300 28.500))"))
                        .getArea())
                .isLessThan(1e-15);
    }

    @Test
    void polygonsApartOrTouchingAtACornerAreRefused() {
        Geometry west = wkt(SQUARE);
        Geometry apart =
                wkt("POLYGON ((112.305 28.500, 112.306 28.500, 112.306 28.502, 112.305 28.502, 112.305 28.500))");
        Geometry corner =
                wkt("POLYGON ((112.302 28.502, 112.304 28.502, 112.304 28.504, 112.302 28.504, 112.302 28.502))");

        assertThat(PolygonMerge.merge(west, apart)).isEqualTo(new PolygonMerge.Refused(EditRefusal.NOT_ADJACENT));
        assertThat(PolygonMerge.merge(west, corner)).isEqualTo(new PolygonMerge.Refused(EditRefusal.NOT_ADJACENT));
    }
}
