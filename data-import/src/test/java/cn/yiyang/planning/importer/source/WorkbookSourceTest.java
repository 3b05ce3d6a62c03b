package cn.yiyang.planning.importer.source;

import static cn.yiyang.planning.importer.source.ShapefileSourceTest.all;
import static cn.yiyang.planning.importer.source.ShapefileSourceTest.assertIssue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Excel workbooks, read through GDAL: {@code department/供水_两表.xlsx} has a sheet 供水工程 with longitude/latitude
 * columns and a sheet 水质检测 without (date cells in 检测日期), both written by {@code ogr2ogr -f XLSX} from CSV.
 */
class WorkbookSourceTest {

    private static final Path WORKBOOK = Path.of("src/test/resources/department/供水_两表.xlsx");
    private static final String NAME = "供水_两表.xlsx";

    private final SourceOpener opener = new SourceOpener(UploadLimits.DEFAULT, Corpus.ogr2ogr());

    @Test
    void severalSheetsWaitForTheUsersChoice() {
        assertIssue(
                () -> opener.open(WORKBOOK, NAME, SourceOptions.DETECT),
                ImportIssue.ofFile(NAME, IssueCode.CHOOSE_TABLE, "供水工程, 水质检测"));
        assertIssue(
                () -> opener.open(WORKBOOK, NAME, new SourceOptions(null, null, "泵站")),
                ImportIssue.ofFile(NAME, IssueCode.NO_SUCH_TABLE, "泵站"));
    }

    @Test
    void aSheetWithLongitudeAndLatitudeIsReadAsACsvIs() {
        try (FeatureSource source = opener.open(WORKBOOK, NAME, new SourceOptions(null, null, "供水工程"))) {
            SourceDescription d = source.describe();
            assertThat(d.format()).isEqualTo(SourceFormat.XLSX);
            assertThat(d.fileName()).isEqualTo(NAME);
            assertThat(d.tables()).containsExactly("供水工程", "水质检测");
            assertThat(d.table()).isEqualTo("供水工程");
            assertThat(d.encoding().how()).isEqualTo(Detection.DECLARED);
            assertThat(d.crs()).isEqualTo(new DetectedCrs(Crs.CGCS2000, Detection.FORMAT_DEFAULT, null));
            assertThat(d.issues()).isEmpty();
            List<SourceRecord> rows = all(source);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).values()).containsEntry("工程编号", "SG001").containsEntry("工程名称", "赫山城乡一体化供水厂");
            assertThat(rows.get(0).geometry().getCoordinate().x).isEqualTo(112.35);
            assertThat(rows.get(1).geometry().getCoordinate().y).isEqualTo(28.6);
        }
    }

    @Test
    void aSheetWithoutCoordinatesIsATableForALayerWithoutGeometryOnly() {
        assertIssue(
                () -> opener.open(WORKBOOK, NAME, new SourceOptions(null, null, "水质检测")),
                ImportIssue.ofFile(NAME, IssueCode.CSV_NO_GEOMETRY_COLUMNS, "工程编号, 检测日期, 检测结果"));
        try (FeatureSource source =
                opener.open(WORKBOOK, NAME, new SourceOptions(null, null, "水质检测").forTableLayer())) {
            SourceDescription d = source.describe();
            assertThat(d.crs()).isNull();
            assertThat(d.geometryTypes()).isEmpty();
            List<SourceRecord> rows = all(source);
            assertThat(rows).extracting(SourceRecord::row).containsExactly(1L, 2L);
            assertThat(rows).allMatch(r -> r.geometry() == null && r.problem() == null);
            assertThat(rows.get(1).values())
                    .containsEntry("工程编号", "SG002")
                    .containsEntry("检测日期", "2024/09/12")
                    .containsEntry("检测结果", "不合格");
        }
    }

    @Test
    void withoutGdalAWorkbookIsRefusedSayingWhy() {
        SourceOpener withoutGdal = new SourceOpener(UploadLimits.DEFAULT, null);
        assertIssue(
                () -> withoutGdal.open(WORKBOOK, NAME, SourceOptions.DETECT),
                ImportIssue.ofFile(
                        NAME, IssueCode.UNSUPPORTED_FORMAT, "Excel workbook (.xlsx) without GDAL's ogr2ogr"));
    }

    /** The workbook is GDAL's of the CSV (whose writer turns a carriage return into a line feed, so none here). */
    @Test
    void sheetValuesNeutralisedAsFormulasAreReadAsTheyWereExported(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("导出.csv");
        Files.writeString(csv, TextSourcesTest.NEUTRALISED);
        Path workbook = tmp.resolve("导出.xlsx");
        Process ogr = new ProcessBuilder(
                        Corpus.ogr2ogr().toString(),
                        "-f",
                        "XLSX",
                        "-oo",
                        "AUTODETECT_TYPE=YES", // numbers in lon and lat, so that GDAL reads the first row as header
                        workbook.toString(),
                        csv.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(ogr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ogr.waitFor()).as(out).isZero();
        try (FeatureSource source = opener.open(workbook, "导出.xlsx", SourceOptions.DETECT)) {
            assertThat(source.describe().format()).isEqualTo(SourceFormat.XLSX);
            assertThat(TextSourcesTest.codesAndNotes(source)).isEqualTo(TextSourcesTest.RESTORED);
        }
    }
}
