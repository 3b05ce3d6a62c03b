package cn.yiyang.planning.importer.source;

import static cn.yiyang.planning.importer.source.ShapefileSourceTest.all;
import static cn.yiyang.planning.importer.source.ShapefileSourceTest.assertIssue;
import static cn.yiyang.planning.importer.source.ShapefileSourceTest.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/** Format recognition, upload safety, GeoPackages, zips of several datasets and the GDAL path. */
class SourceOpenerTest {

    private final SourceOpener opener = new SourceOpener(UploadLimits.DEFAULT, null);

    @Test
    void zipSlipIsRefusedBeforeAnythingIsWritten() {
        assertIssue(
                () -> opener.open(Corpus.file("zip_slip.zip"), "slip.zip", SourceOptions.DETECT),
                ImportIssue.ofFile("slip.zip", IssueCode.ZIP_SLIP, "../../evil.shp"));
        assertThat(Corpus.DIR.toAbsolutePath().getParent().getParent().resolve("evil.shp"))
                .doesNotExist();
    }

    @Test
    void zipBombIsStoppedByTheUnpackedLimitWhileUnpacking() {
        SourceOpener small = new SourceOpener(new UploadLimits(1L << 20, 8L << 20, 100, 10_000), null);
        ImportException e = catchThrowableOfType(
                ImportException.class, () -> small.open(Corpus.file("zip_bomb.zip"), "bomb.zip", SourceOptions.DETECT));
        assertThat(e.issue().code()).isEqualTo(IssueCode.ZIP_BOMB);
        assertThat(e.issue().args().get(1)).isEqualTo("8.0");
        assertThat(Double.parseDouble(e.issue().args().get(0))).isBetween(8.0, 8.2);
    }

    @Test
    void zipBombIsStoppedByItsCompressionRatioWithTheDefaultLimits(@TempDir Path tmp) throws IOException {
        Path bomb = tmp.resolve("upload");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("a.dbf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        ImportException e =
                catchThrowableOfType(ImportException.class, () -> opener.open(bomb, "b.zip", SourceOptions.DETECT));
        assertThat(e.issue().code()).isEqualTo(IssueCode.ZIP_BOMB);
        assertThat(e.issue().args().get(1)).isEqualTo("2048.0");
        assertThat(Double.parseDouble(e.issue().args().get(0))).isBetween(16.0, 17.0);
    }

    @Test
    void tooLargeUploadsAndTooManyEntries(@TempDir Path tmp) throws IOException {
        SourceOpener tiny = new SourceOpener(new UploadLimits(100, 1L << 20, 2, 500), null);
        assertIssue(
                () -> tiny.open(Corpus.file("villages.geojson"), "v.geojson", SourceOptions.DETECT),
                ImportIssue.ofFile("v.geojson", IssueCode.TOO_LARGE, "0.0", "0.0"));
        SourceOpener fewEntries = new SourceOpener(new UploadLimits(1L << 20, 1L << 20, 2, 500), null);
        ImportIssue tooMany = catchThrowableOfType(
                        ImportException.class,
                        () -> fewEntries.open(Corpus.file("roads_gk37_gbk.zip"), "r.zip", SourceOptions.DETECT))
                .issue();
        assertThat(tooMany.code()).isEqualTo(IssueCode.ZIP_TOO_MANY_ENTRIES);
        assertThat(tooMany.args().get(1)).isEqualTo("2");
    }

    @Test
    void formatIsRecognisedByContentNotByName(@TempDir Path tmp) throws IOException {
        Path renamed = tmp.resolve("data.csv");
        Files.copy(Corpus.file("villages.geojson"), renamed);
        try (FeatureSource source = opener.open(renamed, "data.csv", SourceOptions.DETECT)) {
            assertThat(source.describe().format()).isEqualTo(SourceFormat.GEOJSON);
        }
        Path binary = tmp.resolve("x.shp");
        Files.write(binary, new byte[] {1, 2, 3, 0, 5, 6, 7, 8});
        assertIssue(
                () -> opener.open(binary, "x.shp", SourceOptions.DETECT),
                ImportIssue.ofFile("x.shp", IssueCode.UNSUPPORTED_FORMAT, "binary data"));
        Path prj = tmp.resolve("p");
        Files.writeString(prj, CorpusGenerator.PRJ_4525);
        assertIssue(
                () -> opener.open(prj, "a.prj", SourceOptions.DETECT),
                ImportIssue.ofFile("a.prj", IssueCode.UNSUPPORTED_FORMAT, "coordinate system text (.prj)"));
    }

    @Test
    void geoPackageWithTwoTablesNeedsAChoice() {
        Path gpkg = Corpus.file("two_tables.gpkg");
        assertIssue(
                () -> opener.open(gpkg, "供水.gpkg", SourceOptions.DETECT),
                ImportIssue.ofFile("供水.gpkg", IssueCode.CHOOSE_TABLE, "水厂, 管网"));
        assertIssue(
                () -> opener.open(gpkg, "供水.gpkg", new SourceOptions(null, null, "泵站")),
                ImportIssue.ofFile("供水.gpkg", IssueCode.NO_SUCH_TABLE, "泵站"));
        try (FeatureSource source = opener.open(gpkg, "供水.gpkg", new SourceOptions(null, null, "水厂"))) {
            SourceDescription d = source.describe();
            assertThat(d.format()).isEqualTo(SourceFormat.GEOPACKAGE);
            assertThat(d.tables()).containsExactly("水厂", "管网");
            assertThat(d.table()).isEqualTo("水厂");
            assertThat(d.crs()).isEqualTo(new DetectedCrs(Crs.CGCS2000, Detection.DECLARED, "EPSG:4490"));
            assertThat(d.fields())
                    .containsExactly(
                            new SourceField("名称", "text"),
                            new SourceField("规模", "integer"),
                            new SourceField("投产日期", "date"));
            assertThat(d.featureCount()).isEqualTo(2);
            assertThat(d.geometryTypes()).containsExactly("Point");
            SourceRecord first = source.records().next();
            assertThat(first.values())
                    .containsExactly(entry("名称", "资江水厂"), entry("规模", 50000L), entry("投产日期", LocalDate.of(2012, 5, 1)));
            assertThat(first.geometry().getCoordinate()).isEqualTo(new Coordinate(112.35, 28.55));
            assertThat(first.geometry().getSRID()).isEqualTo(4490);
        }
    }

    @Test
    void geoPackageLinesAreReadPastTheEnvelopeOfTheirGeometryHeader() {
        // GDAL writes an envelope into the header of every geometry but a point: the WKB starts after it.
        try (FeatureSource source =
                opener.open(Corpus.file("two_tables.gpkg"), "供水.gpkg", new SourceOptions(null, null, "管网"))) {
            assertThat(source.describe().geometryTypes()).containsExactly("LineString");
            assertThat(source.describe().extent()).isEqualTo(new Envelope(112.33, 112.35, 28.55, 28.57));
            Iterator<SourceRecord> records = source.records();
            SourceRecord only = records.next();
            assertThat(only.row()).isEqualTo(1);
            assertThat(only.problem()).isNull();
            assertThat(only.values()).containsExactly(entry("管径", 300L));
            assertThat(only.geometry().getCoordinates())
                    .containsExactly(new Coordinate(112.35, 28.55), new Coordinate(112.33, 28.57));
            assertThat(only.geometry().getSRID()).isEqualTo(4490);
            assertThat(records.hasNext()).isFalse();
        }
    }

    @Test
    void zipWithSeveralDatasetsNeedsAChoice(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("upload");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("villages.geojson", "gcj02_points.csv")) {
                out.putNextEntry(new ZipEntry("数据/" + name));
                out.write(Files.readAllBytes(Corpus.file(name)));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("数据/说明.txt"));
            out.write("readme, not data".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("__MACOSX/数据/._villages.geojson"));
            out.write(new byte[] {0, 5, 22, 7});
            out.closeEntry();
        }
        assertIssue(
                () -> opener.open(zip, "多个.zip", SourceOptions.DETECT),
                ImportIssue.ofFile("多个.zip", IssueCode.CHOOSE_TABLE, "数据/gcj02_points.csv, 数据/villages.geojson"));
        try (FeatureSource source = opener.open(zip, "多个.zip", new SourceOptions(null, null, "villages"))) {
            assertThat(source.describe().fileName()).isEqualTo("数据/villages.geojson");
            assertThat(source.describe().featureCount()).isEqualTo(2);
        }
    }

    @Test
    void shapefilePartsUploadedSeparatelyAndTheFolderIsDeletedOnClose() {
        List<Path> parts = Corpus.parts("villages_4490_no_cpg");
        var before = new HashSet<>(tempFolders()); // other tests (and builds) may use /tmp too
        List<Path> ours;
        try (FeatureSource source = opener.open(parts, Corpus.names(parts), SourceOptions.DETECT)) {
            assertThat(all(source)).hasSize(2);
            ours = tempFolders().stream().filter(f -> !before.contains(f)).toList();
        }
        assertThat(ours).isNotEmpty();
        assertThat(tempFolders()).doesNotContainAnyElementsOf(ours);
    }

    @Test
    void otherFormatsGoThroughGdalWhenInstalled(@TempDir Path tmp) throws IOException {
        Path geojson = tmp.resolve("in.geojson");
        Files.writeString(geojson, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
                "geometry":{"type":"LineString","coordinates":[[112.30,28.50],[112.35,28.55]]}}]}""");
        Path dxf = tmp.resolve("roads.dxf");
        CorpusGenerator.run(Corpus.ogr2ogr().toString(), "-f", "DXF", dxf.toString(), geojson.toString());
        Path upload = tmp.resolve("upload-1");
        Files.copy(dxf, upload);
        assertIssue(
                () -> opener.open(upload, "roads.dxf", SourceOptions.DETECT),
                ImportIssue.ofFile("roads.dxf", IssueCode.UNSUPPORTED_FORMAT, "text without a delimited header row"));
        try (FeatureSource source = new SourceOpener(UploadLimits.DEFAULT, Corpus.ogr2ogr())
                .open(upload, "roads.dxf", SourceOptions.DETECT)) {
            SourceDescription d = source.describe();
            assertThat(d.format()).isEqualTo(SourceFormat.GDAL);
            assertThat(d.table()).isEqualTo("entities");
            assertThat(d.featureCount()).isEqualTo(1);
            assertThat(d.geometryTypes()).containsExactly("LineString");
            assertThat(d.crs()).isEqualTo(new DetectedCrs(Crs.CGCS2000, Detection.INFERRED, null));
            assertThat(source.records().next().geometry().getCoordinates())
                    .containsExactly(new Coordinate(112.30, 28.50, 0), new Coordinate(112.35, 28.55, 0));
        }
    }

    private static List<Path> tempFolders() {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("planning-import-"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
