package cn.yiyang.planning.importer.source;

import static cn.yiyang.planning.importer.source.ShapefileSourceTest.all;
import static cn.yiyang.planning.importer.source.ShapefileSourceTest.assertIssue;
import static cn.yiyang.planning.importer.source.ShapefileSourceTest.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** GeoJSON, newline-delimited GeoJSON and CSV files of the corpus, each with its exact outcome. */
class TextSourcesTest {

    private final SourceOpener opener = new SourceOpener(UploadLimits.DEFAULT, null);

    @Test
    void featureCollectionWithCrsMember() {
        try (FeatureSource source = opener.open(Corpus.file("villages.geojson"), "村.geojson", SourceOptions.DETECT)) {
            SourceDescription d = source.describe();
            assertThat(d.format()).isEqualTo(SourceFormat.GEOJSON);
            assertThat(d.encoding()).isEqualTo(new DetectedEncoding(StandardCharsets.UTF_8, Detection.FORMAT_DEFAULT));
            assertThat(d.crs())
                    .isEqualTo(new DetectedCrs(Crs.CGCS2000, Detection.DECLARED, "urn:ogc:def:crs:EPSG::4490"));
            assertThat(d.fields())
                    .containsExactly(
                            new SourceField("村名", "text"),
                            new SourceField("村代码", "text"),
                            new SourceField("户数", "integer"),
                            new SourceField("重点帮扶", "boolean"),
                            new SourceField("面积", "decimal"),
                            new SourceField("备注", "text"),
                            new SourceField("id", "integer"));
            assertThat(d.featureCount()).isEqualTo(2);
            assertThat(d.geometryTypes()).containsExactly("Point");
            assertThat(d.issues()).isEmpty();
            List<SourceRecord> records = all(source);
            assertThat(records.get(0).values())
                    .containsExactly(
                            entry("村名", "新月村"),
                            entry("村代码", "430903100201"),
                            entry("户数", 412L),
                            entry("重点帮扶", true),
                            entry("面积", 356.75),
                            entry("备注", null),
                            entry("id", 1L));
            assertThat(records.get(0).geometry().getCoordinate()).isEqualTo(new Coordinate(112.31, 28.51));
            assertThat(records.get(0).geometry().getSRID()).isEqualTo(4490);
            assertThat(records.get(1).values().get("备注")).isEqualTo("{\"来源\":\"乡镇上报\"}");
            assertThat(records.get(1).values().get("面积")).isEqualTo(512L);
        }
    }

    @Test
    void newlineDelimitedGeoJsonKeepsReadingAfterABrokenLine() {
        try (FeatureSource source = opener.open(Corpus.file("villages.geojsonl"), "村.geojsonl", SourceOptions.DETECT)) {
            SourceDescription d = source.describe();
            assertThat(d.format()).isEqualTo(SourceFormat.GEOJSON_SEQ);
            assertThat(d.crs()).isEqualTo(new DetectedCrs(Crs.WGS84, Detection.FORMAT_DEFAULT, "RFC 7946"));
            assertThat(d.featureCount()).isEqualTo(4);
            List<SourceRecord> records = all(source);
            assertThat(records.get(0).values()).containsExactly(entry("村名", "新月村"), entry("户数", 412L));
            assertThat(records.get(2).problem())
                    .isEqualTo(ImportIssue.ofRow("村.geojsonl", 3, null, IssueCode.UNREADABLE_RECORD));
            assertThat(records.get(3).row()).isEqualTo(4);
            assertThat(records.get(3).values()).containsExactly(entry("村名", "欧江岔村"), entry("户数", 301L));
            assertThat(records.get(3).geometry()).isNull();
            assertThat(records.get(3).problem()).isNull();
        }
    }

    @Test
    void rfc8142SequenceWithRecordSeparators(@TempDir Path tmp) throws Exception {
        Path seq = tmp.resolve("upload");
        Files.writeString(
                seq,
                "\u001e{\"type\":\"Feature\",\"properties\":{\"a\":1},\n\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[112.3,28.5]}}\n\u001e{\"type\":\"Feature\",\"properties\":{\"a\":2},\"geometry\":null}\n");
        try (FeatureSource source = opener.open(seq, "a.geojsons", SourceOptions.DETECT)) {
            assertThat(source.describe().format()).isEqualTo(SourceFormat.GEOJSON_SEQ);
            assertThat(all(source)).extracting(r -> r.values().get("a")).containsExactly(1L, 2L);
        }
    }

    @Test
    void mixedGeometryTypesAreReportedNotRefused() {
        try (FeatureSource source =
                opener.open(Corpus.file("mixed_geometry.geojson"), "m.geojson", SourceOptions.DETECT)) {
            assertThat(source.describe().geometryTypes()).containsExactlyInAnyOrder("Point", "Polygon");
            assertThat(all(source))
                    .extracting(r -> r.geometry().getGeometryType())
                    .containsExactly("Point", "Polygon");
        }
    }

    @Test
    void selfIntersectingPolygonPassesThrough() {
        try (FeatureSource source = opener.open(Corpus.file("bowtie.geojson"), "b.geojson", SourceOptions.DETECT)) {
            SourceRecord record = source.records().next();
            assertThat(record.problem()).isNull();
            assertThat(record.values()).containsExactly(entry("地块编号", "DK-001"));
            assertThat(record.geometry().isValid())
                    .as("validation is the engine's")
                    .isFalse();
        }
    }

    @Test
    void swappedAxesAreReadAsTheyAreAndInferredAsCgcs2000() {
        try (FeatureSource source =
                opener.open(Corpus.file("swapped_axes.geojson"), "s.geojson", SourceOptions.DETECT)) {
            assertThat(source.describe().crs())
                    .as("112.18 cannot be a latitude: not RFC 7946 lon/lat, so inferred")
                    .isEqualTo(new DetectedCrs(Crs.CGCS2000, Detection.INFERRED, null));
            assertThat(source.records().next().geometry().getCoordinate()).isEqualTo(new Coordinate(28.60, 112.18));
        }
    }

    @Test
    void csvWithChineseLonLatColumnsDmsAndABadNumber() {
        try (FeatureSource source = opener.open(Corpus.file("households_lonlat.csv"), "户.csv", SourceOptions.DETECT)) {
            SourceDescription d = source.describe();
            assertThat(d.format()).isEqualTo(SourceFormat.CSV);
            assertThat(d.encoding()).isEqualTo(new DetectedEncoding(StandardCharsets.UTF_8, Detection.DECLARED));
            assertThat(d.crs()).isEqualTo(new DetectedCrs(Crs.CGCS2000, Detection.FORMAT_DEFAULT, null));
            assertThat(d.fields()).extracting(SourceField::name).containsExactly("户主", "经度", "纬度", "人口");
            assertThat(d.fields()).extracting(SourceField::type).containsOnly("text");
            assertThat(d.featureCount()).isEqualTo(3);
            List<SourceRecord> records = all(source);
            assertThat(records.get(0).values())
                    .containsExactly(
                            entry("户主", "张三"), entry("经度", "112.3512"), entry("纬度", "28.5534"), entry("人口", "4"));
            assertThat(records.get(0).geometry().getCoordinate()).isEqualTo(new Coordinate(112.3512, 28.5534));
            assertThat(records.get(1).geometry().getCoordinate().x).isCloseTo(112.36, within(1e-12));
            assertThat(records.get(1).geometry().getCoordinate().y).isCloseTo(28.55, within(1e-12));
            assertThat(records.get(2).geometry()).isNull();
            assertThat(records.get(2).problem())
                    .isEqualTo(ImportIssue.ofRow("户.csv", 3, "经度", IssueCode.WRONG_TYPE, "112.3x", "decimal"));
        }
    }

    @Test
    void gbkCsvWithDuplicateIdsPassesThrough() {
        try (FeatureSource source = opener.open(Corpus.file("duplicate_ids.csv"), "水厂.csv", SourceOptions.DETECT)) {
            SourceDescription d = source.describe();
            assertThat(d.encoding()).isEqualTo(new DetectedEncoding(CorpusGenerator.GBK, Detection.INFERRED));
            assertThat(d.issues())
                    .containsExactly(
                            ImportIssue.ofFile("水厂.csv", IssueCode.ENCODING_DETECTED, "GBK", "not valid UTF-8"));
            assertThat(all(source)).extracting(r -> r.values().get("编号")).containsExactly("WS001", "WS002", "WS001");
        }
    }

    @Test
    void csvWithWktInUnprefixedZone37IsInferredWithinYiyang() {
        try (FeatureSource source = opener.open(Corpus.file("sewage_wkt.csv"), "污水.csv", SourceOptions.DETECT)) {
            SourceDescription d = source.describe();
            assertThat(d.crs()).isEqualTo(new DetectedCrs(Crs.epsg(4546), Detection.INFERRED, null));
            assertThat(d.issues())
                    .containsExactly(
                            ImportIssue.ofFile("污水.csv", IssueCode.ENCODING_DETECTED, "UTF-8", "valid UTF-8"),
                            ImportIssue.ofFile(
                                    "污水.csv",
                                    IssueCode.CRS_INFERRED,
                                    "EPSG:4546 (CGCS2000 / 3-degree Gauss-Kruger CM 111E)"));
            assertThat(d.geometryTypes()).containsExactlyInAnyOrder("Point", "LineString");
            SourceRecord first = source.records().next();
            assertThat(first.values())
                    .containsExactly(
                            entry("编号", "PS01"),
                            entry("设施类型", "集中式污水处理站"),
                            entry("WKT", "POINT (632114.89 3160138.85)"));
            assertThat(first.geometry().getCoordinate()).isEqualTo(new Coordinate(632114.89, 3160138.85));
        }
    }

    @Test
    void gcj02PointsAreReadAsTheyAreAndTheUserNamesTheirCrs() {
        try (FeatureSource source =
                opener.open(Corpus.file("gcj02_points.csv"), "高德.csv", new SourceOptions(null, Crs.GCJ02, null))) {
            assertThat(source.describe().crs()).isEqualTo(new DetectedCrs(Crs.GCJ02, Detection.USER, null));
            SourceRecord first = source.records().next();
            assertThat(first.geometry().getCoordinate()).isEqualTo(new Coordinate(112.3561, 28.55187));
            assertThat(first.geometry().getSRID()).isZero();
        }
    }

    @Test
    void emptyAndHeaderOnlyAndGeometrylessFiles(@TempDir Path tmp) throws Exception {
        assertIssue(
                () -> opener.open(Corpus.file("empty.csv"), "empty.csv", SourceOptions.DETECT),
                ImportIssue.ofFile("empty.csv", IssueCode.EMPTY_FILE));
        Path noGeometry = tmp.resolve("a");
        Files.writeString(noGeometry, "编号,名称\n1,甲\n");
        assertIssue(
                () -> opener.open(noGeometry, "a.csv", SourceOptions.DETECT),
                ImportIssue.ofFile("a.csv", IssueCode.CSV_NO_GEOMETRY_COLUMNS, "编号, 名称"));
        Path headerOnly = tmp.resolve("b");
        Files.writeString(headerOnly, "name;lon;lat\n");
        try (FeatureSource source = opener.open(headerOnly, "b.csv", SourceOptions.DETECT)) {
            assertThat(source.describe().featureCount()).isZero();
            assertThat(source.describe().crs().crs()).isEqualTo(Crs.CGCS2000);
        }
        Path notGeoJson = tmp.resolve("c");
        Files.writeString(notGeoJson, "{\"a\": 1}");
        assertIssue(
                () -> opener.open(notGeoJson, "c.json", SourceOptions.DETECT),
                ImportIssue.ofFile("c.json", IssueCode.UNSUPPORTED_FORMAT, "JSON that is not GeoJSON"));
        Path broken = tmp.resolve("d");
        Files.writeString(broken, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",");
        assertThat(Assertions.catchThrowableOfType(
                                ImportException.class, () -> opener.open(broken, "d.geojson", SourceOptions.DETECT))
                        .issue()
                        .code())
                .isEqualTo(IssueCode.CORRUPT_FILE);
    }

    @Test
    void geoJsonInAProjectedCrsWithoutCrsMemberIsInferred(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("e");
        Files.writeString(
                file,
                "{\"type\":\"Feature\",\"properties\":{\"n\":\"x\"},\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[37632114.89,3160138.85]}}");
        try (FeatureSource source = opener.open(file, "e.geojson", SourceOptions.DETECT)) {
            assertThat(source.describe().format()).isEqualTo(SourceFormat.GEOJSON);
            assertThat(source.describe().crs()).isEqualTo(new DetectedCrs(Crs.epsg(4525), Detection.INFERRED, null));
            assertThat(all(source))
                    .singleElement()
                    .satisfies(r -> assertThat(r.values()).containsExactly(entry("n", "x")));
        }
    }

    /** Rows as the app's downloads write them: formula-like text neutralised, numbers and other text as they are. */
    static final String NEUTRALISED = "编号,说明,lon,lat\r\n"
            + "'=1+1,'+86 737 1234,112.1,28.1\r\n"
            + "'-cmd|' /C calc'!A0,'@SUM(A1),112.2,28.2\r\n"
            + "'\t=1,-3,112.3,28.3\r\n"
            + "'abc,'-3,112.4,28.4\r\n"
            + "','=,112.5,28.5\r\n";

    /** The values of {@link #NEUTRALISED}'s 编号 and 说明 columns once read: the apostrophes neutralise wrote gone. */
    static final List<List<String>> RESTORED = List.of(
            List.of("=1+1", "+86 737 1234"),
            List.of("-cmd|' /C calc'!A0", "@SUM(A1)"),
            List.of("\t=1", "-3"),
            List.of("'abc", "'-3"),
            List.of("'", "="));

    static List<List<String>> codesAndNotes(FeatureSource source) {
        return all(source).stream()
                .map(r -> List.of(
                        (String) r.values().get("编号"), (String) r.values().get("说明")))
                .toList();
    }

    @Test
    void csvValuesNeutralisedAsFormulasAreReadAsTheyWereExported(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("f");
        Files.writeString(file, "\uFEFF" + NEUTRALISED + "\"'\r=1\",'-,112.6,28.6\r\n");
        try (FeatureSource source = opener.open(file, "导出.csv", SourceOptions.DETECT)) {
            List<List<String>> expected = new ArrayList<>(RESTORED);
            expected.add(List.of("\r=1", "-"));
            assertThat(codesAndNotes(source)).isEqualTo(expected);
        }
    }

    @Test
    void geoJsonValuesAreNeverNeutralisedSoAnApostropheStays(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("g");
        Files.writeString(
                file,
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        + "\"properties\":{\"编号\":\"'=1+1\"},"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.1,28.1]}}]}");
        try (FeatureSource source = opener.open(file, "g.geojson", SourceOptions.DETECT)) {
            assertThat(all(source).get(0).values()).containsExactly(entry("编号", "'=1+1"));
        }
    }
}
