package cn.yiyang.planning.importer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** The shapefiles of the corpus, each with its exact outcome (corpus/README.md). */
class ShapefileSourceTest {

    private final SourceOpener opener = new SourceOpener(UploadLimits.DEFAULT, null);

    @Test
    void gbkRoadsInNestedZipFolderWithCpgAndEsriPrj() {
        try (FeatureSource source = opener.open(Corpus.file("roads_gk37_gbk.zip"), "道路.zip", SourceOptions.DETECT)) {
            SourceDescription d = source.describe();
            assertThat(d.format()).isEqualTo(SourceFormat.SHAPEFILE);
            assertThat(d.fileName()).isEqualTo("益阳道路/赫山区/roads_gk37_gbk.shp");
            assertThat(d.table()).isEqualTo("roads_gk37_gbk");
            assertThat(d.encoding()).isEqualTo(new DetectedEncoding(CorpusGenerator.GBK, Detection.DECLARED));
            assertThat(d.crs())
                    .isEqualTo(new DetectedCrs(Crs.epsg(4525), Detection.DECLARED, "CGCS2000_3_Degree_GK_Zone_37"));
            assertThat(d.fields())
                    .containsExactly(
                            new SourceField("道路名称", "text"),
                            new SourceField("路面类型", "text"),
                            new SourceField("路段编码", "text"),
                            new SourceField("长度", "decimal"),
                            new SourceField("建成日期", "date"));
            assertThat(d.featureCount()).isEqualTo(3);
            assertThat(d.geometryTypes()).containsExactly("MultiLineString");
            assertThat(d.issues()).isEmpty();
            assertThat(d.extent().getMinX()).isBetween(37_600_000.0, 37_700_000.0);

            List<SourceRecord> records = all(source);
            SourceRecord first = records.get(0);
            assertThat(first.row()).isEqualTo(1);
            assertThat(first.problem()).isNull();
            assertThat(first.values())
                    .containsExactly(
                            entry("道路名称", "益阳大道"),
                            entry("路面类型", "沥青"),
                            entry("路段编码", "X001"),
                            entry("长度", 4210.5),
                            entry("建成日期", LocalDate.of(2015, 9, 30)));
            assertThat(first.geometry().getGeometryType()).isEqualTo("MultiLineString");
            assertThat(first.geometry().getSRID()).isEqualTo(4525);
            Coordinate start = first.geometry().getCoordinates()[0];
            Coordinate lonLat = CrsTransform.of(Crs.epsg(4525), Crs.CGCS2000).transform(start);
            assertThat(lonLat.x).isCloseTo(112.330, within(1e-9));
            assertThat(lonLat.y).isCloseTo(28.560, within(1e-9));
            assertThat(records.get(2).values().get("建成日期")).isNull();
            assertThat(all(source)).as("records() reads again from the start").hasSize(3);
        }
    }

    @Test
    void gbkWithoutCpgIsReadByTheLanguageDriverByte() {
        List<Path> parts = Corpus.parts("villages_4490_no_cpg");
        try (FeatureSource source = opener.open(parts, Corpus.names(parts), SourceOptions.DETECT)) {
            SourceDescription d = source.describe();
            assertThat(d.fileName()).isEqualTo("villages_4490_no_cpg.shp");
            assertThat(d.encoding()).isEqualTo(new DetectedEncoding(CorpusGenerator.GBK, Detection.HEADER));
            assertThat(d.crs())
                    .isEqualTo(new DetectedCrs(
                            Crs.CGCS2000, Detection.DECLARED, "GCS_China_Geodetic_Coordinate_System_2000"));
            assertThat(d.fields()).extracting(SourceField::name).containsExactly("村名", "村代码", "户数", "面积");
            assertThat(d.fields()).extracting(SourceField::type).containsExactly("text", "text", "integer", "decimal");
            assertThat(d.geometryTypes()).containsExactly("MultiPolygon");
            SourceRecord first = source.records().next();
            assertThat(first.values())
                    .containsExactly(
                            entry("村名", "新月村"), entry("村代码", "430903100201"), entry("户数", 412), entry("面积", 356.75));
            assertThat(first.geometry().getEnvelopeInternal().getMinX()).isEqualTo(112.30);
        }
    }

    @Test
    void gbkWithoutCpgOrLanguageDriverIsDetectedAsGbk() {
        List<Path> parts = Corpus.parts("points_no_cpg_no_ldid_gbk");
        try (FeatureSource source = opener.open(parts, Corpus.names(parts), SourceOptions.DETECT)) {
            SourceDescription d = source.describe();
            assertThat(d.encoding()).isEqualTo(new DetectedEncoding(CorpusGenerator.GBK, Detection.INFERRED));
            assertThat(d.issues())
                    .containsExactly(ImportIssue.ofFile(
                            "points_no_cpg_no_ldid_gbk.shp", IssueCode.ENCODING_DETECTED, "GBK", "not valid UTF-8"));
            assertThat(d.crs().crs()).isEqualTo(Crs.epsg(4546));
            assertThat(d.fields()).extracting(SourceField::name).containsExactly("名称", "类型", "人口");
            SourceRecord first = source.records().next();
            assertThat(first.values())
                    .containsExactly(entry("名称", "资江水厂"), entry("类型", "千人以上供水工程"), entry("人口", 12000));
            assertThat(first.geometry().getCoordinate().x).isCloseTo(632114.8912, within(1e-3));
            assertThat(first.geometry().getCoordinate().y).isCloseTo(3160138.8465, within(1e-3));
        }
    }

    @Test
    void userEncodingWins() {
        List<Path> parts = Corpus.parts("points_no_cpg_no_ldid_gbk");
        try (FeatureSource source =
                opener.open(parts, Corpus.names(parts), new SourceOptions(StandardCharsets.UTF_8, null, null))) {
            assertThat(source.describe().encoding())
                    .isEqualTo(new DetectedEncoding(StandardCharsets.UTF_8, Detection.USER));
            assertThat(source.describe().issues()).isEmpty();
        }
    }

    @Test
    void utf8WithoutCpgIsDetectedAsUtf8() {
        List<Path> parts = Corpus.parts("utf8_no_cpg");
        try (FeatureSource source = opener.open(parts, Corpus.names(parts), SourceOptions.DETECT)) {
            SourceDescription d = source.describe();
            assertThat(d.encoding()).isEqualTo(new DetectedEncoding(StandardCharsets.UTF_8, Detection.INFERRED));
            assertThat(d.issues())
                    .containsExactly(
                            ImportIssue.ofFile("utf8_no_cpg.shp", IssueCode.ENCODING_DETECTED, "UTF-8", "valid UTF-8"));
            assertThat(d.crs())
                    .isEqualTo(
                            new DetectedCrs(Crs.CGCS2000, Detection.DECLARED, "China Geodetic Coordinate System 2000"));
            assertThat(d.fields()).extracting(SourceField::name).containsExactly("名称", "类型", "人口");
            List<SourceRecord> records = all(source);
            assertThat(records.get(1).values())
                    .containsExactly(entry("名称", "泉交河镇卫生院"), entry("类型", "卫生院"), entry("人口", null));
            assertThat(records.get(1).geometry().getCoordinate()).isEqualTo(new Coordinate(112.18, 28.60));
        }
    }

    @Test
    void prefixedEastingsWithoutPrjAreInferredAsZone37() {
        List<Path> parts = Corpus.parts("no_prj_gk37");
        try (FeatureSource source = opener.open(parts, Corpus.names(parts), SourceOptions.DETECT)) {
            SourceDescription d = source.describe();
            assertThat(d.crs()).isEqualTo(new DetectedCrs(Crs.epsg(4525), Detection.INFERRED, null));
            assertThat(d.issues())
                    .containsExactly(ImportIssue.ofFile(
                            "no_prj_gk37.shp",
                            IssueCode.CRS_INFERRED,
                            "EPSG:4525 (CGCS2000 / 3-degree Gauss-Kruger zone 37)"));
            assertThat(d.encoding()).isEqualTo(new DetectedEncoding(StandardCharsets.UTF_8, Detection.DECLARED));
            assertThat(source.records().next().values()).containsExactly(entry("CODE", "P1"));
        }
    }

    @Test
    void lonLatWithoutPrjIsInferredAsCgcs2000() {
        List<Path> parts = Corpus.parts("no_prj_lonlat");
        try (FeatureSource source = opener.open(parts, Corpus.names(parts), SourceOptions.DETECT)) {
            assertThat(source.describe().crs()).isEqualTo(new DetectedCrs(Crs.CGCS2000, Detection.INFERRED, null));
            assertThat(source.describe().issues())
                    .extracting(ImportIssue::code)
                    .containsExactly(IssueCode.CRS_INFERRED);
        }
    }

    @Test
    void unprefixedEastingsAcrossBothZonesLeaveTheCrsUnknown() {
        List<Path> parts = Corpus.parts("no_prj_ambiguous");
        try (FeatureSource source = opener.open(parts, Corpus.names(parts), SourceOptions.DETECT)) {
            assertThat(source.describe().crs()).isEqualTo(new DetectedCrs(null, Detection.UNKNOWN, null));
            assertThat(source.describe().issues())
                    .containsExactly(ImportIssue.ofFile("no_prj_ambiguous.shp", IssueCode.NO_CRS));
        }
        try (FeatureSource source =
                opener.open(parts, Corpus.names(parts), new SourceOptions(null, Crs.epsg(4546), null))) {
            assertThat(source.describe().crs()).isEqualTo(new DetectedCrs(Crs.epsg(4546), Detection.USER, null));
            assertThat(source.describe().issues()).isEmpty();
            assertThat(source.records().next().geometry().getSRID()).isEqualTo(4546);
        }
    }

    @Test
    void legacyDatumsAreRefusedUnlessTheUserGivesTheCrs() {
        assertIssue(
                () -> opener.open(Corpus.file("beijing54.zip"), "beijing54.zip", SourceOptions.DETECT),
                ImportIssue.ofFile("beijing54.shp", IssueCode.CRS_LEGACY_DATUM, "Beijing_1954_3_Degree_GK_CM_111E"));
        assertIssue(
                () -> opener.open(Corpus.file("xian80.zip"), "xian80.zip", SourceOptions.DETECT),
                ImportIssue.ofFile("xian80.shp", IssueCode.CRS_LEGACY_DATUM, "Xian_1980_3_Degree_GK_Zone_37"));
        try (FeatureSource source =
                opener.open(Corpus.file("xian80.zip"), "xian80.zip", new SourceOptions(null, Crs.epsg(4525), null))) {
            assertThat(source.describe().crs().how()).isEqualTo(Detection.USER);
        }
    }

    @Test
    void truncatedShpKeepsTheRecordsBeforeTheCut() {
        List<Path> parts = Corpus.parts("truncated_shp");
        try (FeatureSource source = opener.open(parts, Corpus.names(parts), SourceOptions.DETECT)) {
            assertThat(source.describe().featureCount()).isEqualTo(5);
            List<SourceRecord> records = all(source);
            assertThat(records).extracting(SourceRecord::row).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(records.subList(0, 3)).allSatisfy(r -> {
                assertThat(r.problem()).isNull();
                assertThat(r.geometry()).isNotNull();
            });
            assertThat(records.get(3).problem())
                    .isEqualTo(ImportIssue.ofRow("truncated_shp.shp", 4, null, IssueCode.UNREADABLE_RECORD));
            assertThat(records.get(3).values()).containsExactly(entry("CODE", "T4"));
            assertThat(records.get(4).problem().code()).isEqualTo(IssueCode.UNREADABLE_RECORD);
        }
    }

    @Test
    void missingPartsAreNamed(@TempDir Path tmp) throws Exception {
        List<Path> parts = Corpus.parts("missing_dbf");
        assertIssue(
                () -> opener.open(parts, Corpus.names(parts), SourceOptions.DETECT),
                ImportIssue.ofFile("missing_dbf.shp", IssueCode.MISSING_PART, ".dbf"));
        Path shp = Corpus.file("missing_dbf/missing_dbf.shp");
        assertIssue(
                () -> opener.open(shp, "missing_dbf.shp", SourceOptions.DETECT),
                ImportIssue.ofFile("missing_dbf.shp", IssueCode.MISSING_PART, ".shx, .dbf"));
        Path dbf = Corpus.parts("villages_4490_no_cpg").stream()
                .filter(p -> p.toString().endsWith(".dbf"))
                .findFirst()
                .orElseThrow();
        assertIssue(
                () -> opener.open(dbf, "村.dbf", SourceOptions.DETECT),
                ImportIssue.ofFile("村.dbf", IssueCode.MISSING_PART, ".shp"));
        Path bad = tmp.resolve("bad.shp");
        Files.write(bad, new byte[] {0, 0, 39, 10, 0, 0});
        Path shx = Corpus.file("missing_dbf/missing_dbf.shx");
        assertIssue(
                () -> opener.open(List.of(bad, shx, dbf), List.of("x.shp", "x.shx", "x.dbf"), SourceOptions.DETECT),
                ImportIssue.ofFile("x.shp", IssueCode.CORRUPT_FILE, ".shp: 6 bytes, shorter than its 100-byte header"));
    }

    static List<SourceRecord> all(FeatureSource source) {
        List<SourceRecord> records = new ArrayList<>();
        source.records().forEachRemaining(records::add);
        return records;
    }

    static Map.Entry<String, Object> entry(String key, Object value) {
        return new AbstractMap.SimpleEntry<>(key, value);
    }

    static void assertIssue(ThrowableAssert.ThrowingCallable call, ImportIssue expected) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ImportException.class, e -> assertThat(e.issue()).isEqualTo(expected));
    }
}
