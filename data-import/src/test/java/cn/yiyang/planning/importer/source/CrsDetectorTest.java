package cn.yiyang.planning.importer.source;

import static cn.yiyang.planning.importer.source.ShapefileSourceTest.assertIssue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** CRS from WKT (ESRI, OGC, WKT2) and from coordinate ranges. */
class CrsDetectorTest {

    @Test
    void esriPrjsByParameters() {
        assertThat(CrsDetector.fromWkt(CorpusGenerator.PRJ_4525, "f")).isEqualTo(Crs.epsg(4525));
        assertThat(CrsDetector.fromWkt(CorpusGenerator.PRJ_4546, "f")).isEqualTo(Crs.epsg(4546));
        assertThat(CrsDetector.fromWkt(CorpusGenerator.PRJ_4490_ESRI, "f")).isEqualTo(Crs.CGCS2000);
        String zone38 = CorpusGenerator.PRJ_4525
                .replace("Zone_37", "Zone_38")
                .replace("37500000.0", "38500000.0")
                .replace("111.0", "114.0");
        assertThat(CrsDetector.fromWkt(zone38, "f")).isEqualTo(Crs.epsg(4526));
        String cm114 = CorpusGenerator.PRJ_4546.replace("CM_111E", "CM_114E").replace("111.0", "114.0");
        assertThat(CrsDetector.fromWkt(cm114, "f")).isEqualTo(Crs.epsg(4547));
    }

    @Test
    void namesDecideWhenParametersAreMissing() {
        String bare = "PROJCS[\"CGCS2000_3_Degree_GK_CM_114E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]]]]";
        assertThat(CrsDetector.fromWkt(bare, "f")).isEqualTo(Crs.epsg(4547));
        assertThat(CrsDetector.fromWkt(bare.replace("CM_114E", "Zone_38"), "f")).isEqualTo(Crs.epsg(4526));
    }

    @Test
    void authorityCodesWinAndOtherFlavoursAreRead() {
        assertThat(CrsDetector.fromWkt(CorpusGenerator.PRJ_4490_OGC, "f")).isEqualTo(Crs.CGCS2000);
        String webMercator = "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\",DATUM["
                + "\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Mercator_Auxiliary_Sphere\"],"
                + "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],"
                + "PARAMETER[\"Standard_Parallel_1\",0.0],PARAMETER[\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]";
        assertThat(CrsDetector.fromWkt(webMercator, "f")).isEqualTo(Crs.WEB_MERCATOR);
        assertThat(CrsDetector.fromWkt(
                        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
                                + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]",
                        "f"))
                .isEqualTo(Crs.WGS84);
        String wkt2 = """
                PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 111E",
                  BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",
                    ELLIPSOID["CGCS2000",6378137,298.257222101]]],
                  CONVERSION["3-degree Gauss-Kruger CM 111E",METHOD["Transverse Mercator"],
                    PARAMETER["Latitude of natural origin",0],PARAMETER["Longitude of natural origin",111],
                    PARAMETER["Scale factor at natural origin",1],PARAMETER["False easting",500000],
                    PARAMETER["False northing",0]],
                  CS[Cartesian,2],AXIS["northing (X)",north],AXIS["easting (Y)",east],LENGTHUNIT["metre",1]]""";
        assertThat(CrsDetector.fromWkt(wkt2, "f")).isEqualTo(Crs.epsg(4546));
    }

    @Test
    void legacyAndUnsupportedAreRefusedWithTheName() {
        assertIssue(
                () -> CrsDetector.fromWkt(CorpusGenerator.PRJ_BEIJING54, "a.shp"),
                ImportIssue.ofFile("a.shp", IssueCode.CRS_LEGACY_DATUM, "Beijing_1954_3_Degree_GK_CM_111E"));
        assertIssue(
                () -> CrsDetector.fromWkt(
                        "GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\",SPHEROID[\"Xian_1980\","
                                + "6378140.0,298.257]]]",
                        "a.shp"),
                ImportIssue.ofFile("a.shp", IssueCode.CRS_LEGACY_DATUM, "GCS_Xian_1980"));
        assertIssue(
                () -> CrsDetector.fromWkt(
                        "PROJCS[\"WGS 84 / UTM zone 49N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
                                + "SPHEROID[\"WGS 84\",6378137,298.257223563]]],PROJECTION[\"Transverse_Mercator\"],"
                                + "PARAMETER[\"central_meridian\",111],PARAMETER[\"scale_factor\",0.9996],"
                                + "PARAMETER[\"false_easting\",500000],AUTHORITY[\"EPSG\",\"32649\"]]",
                        "a.shp"),
                ImportIssue.ofFile("a.shp", IssueCode.CRS_UNSUPPORTED, "WGS 84 / UTM zone 49N"));
        assertIssue(
                () -> CrsDetector.fromWkt("not a crs", "a.shp"),
                ImportIssue.ofFile("a.shp", IssueCode.CRS_UNSUPPORTED, "not a crs"));
        assertIssue(
                () -> CrsDetector.fromCode("EPSG:2383", "g.geojson"),
                ImportIssue.ofFile("g.geojson", IssueCode.CRS_LEGACY_DATUM, "EPSG:2383"));
    }

    @Test
    void inferenceFromCoordinateRanges() {
        assertThat(CrsDetector.infer(new Envelope(37_600_000, 37_640_000, 3_150_000, 3_180_000)))
                .contains(Crs.epsg(4525));
        assertThat(CrsDetector.infer(new Envelope(38_380_000, 38_390_000, 3_150_000, 3_160_000)))
                .contains(Crs.epsg(4526));
        assertThat(CrsDetector.infer(new Envelope(37_990_000, 38_010_000, 3_150_000, 3_160_000)))
                .as("two prefixes")
                .isEmpty();
        assertThat(CrsDetector.infer(new Envelope(112.1, 112.4, 28.4, 28.7))).contains(Crs.CGCS2000);
        assertThat(CrsDetector.infer(new Envelope(28.4, 28.7, 112.1, 112.4)))
                .as("swapped")
                .contains(Crs.CGCS2000);
        assertThat(CrsDetector.infer(new Envelope(600_000, 650_000, 3_150_000, 3_180_000)))
                .contains(Crs.epsg(4546));
        assertThat(CrsDetector.infer(new Envelope(300_000, 350_000, 3_150_000, 3_180_000)))
                .contains(Crs.epsg(4547));
        assertThat(CrsDetector.infer(new Envelope(380_000, 520_000, 3_100_000, 3_180_000)))
                .isEmpty();
        assertThat(CrsDetector.infer(new Envelope(3_150_000, 3_180_000, 600_000, 650_000)))
                .as("northing first")
                .isEmpty();
        assertThat(CrsDetector.infer(new Envelope(0, 100, 0, 100)))
                .as("local drawing units")
                .isEmpty();
        assertThat(CrsDetector.infer(null)).isEmpty();
    }
}
