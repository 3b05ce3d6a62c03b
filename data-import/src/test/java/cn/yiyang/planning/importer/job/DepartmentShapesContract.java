package cn.yiyang.planning.importer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.mapping.FieldCandidate;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.mapping.FieldMapping.Decision;
import cn.yiyang.planning.importer.mapping.FieldProposal;
import cn.yiyang.planning.importer.source.SourceOpener;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.StoreKind;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Department files made the way departments keep them, written by the test (the road shapefile by GDAL's ogr2ogr, in
 * GBK): columns named as the department names them ({@code BH}, {@code RQ}, {@code JL}), a works column whose values
 * are mostly works codes, road routes (路线编码) shared by several segments without a segment code, an
 * administrative class or an all-season column, and tables without geometry with the dates Chinese offices write.
 * Each file imports without a field map, or stops with a ranked proposal that the test accepts; every count equals
 * the source's. On both stores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DepartmentShapesContract {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Charset GBK = Charset.forName("GBK");

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStore test;
    private FeatureRepository repo;
    private ImportService service;

    @TempDir
    Path dir;

    abstract StoreKind kind();

    @BeforeAll
    void open() {
        test = TestStores.create(kind());
        repo = new JdbcFeatureRepository(test.store());
        SourceOpener opener = new SourceOpener();
        service = ImportService.over(test.store(), opener::open, ImportSettings.DEFAULT);
    }

    @AfterAll
    void close() throws Exception {
        service.close();
        test.close();
    }

    private ImportJob importInto(String layer, LoadMode mode, Path... files) throws InterruptedException {
        ImportRequest.Builder request = ImportRequest.builder(layer, "水利局").mode(mode);
        for (Path f : files) {
            request.file(f, f.getFileName().toString());
        }
        return service.await(service.submit(request.build()).id(), WAIT);
    }

    private Path csv(String name, Charset charset, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n", charset);
        return f;
    }

    private List<String> rows(String layerId, String... fields) {
        LayerDef layer = catalogue.get(layerId);
        List<String> out = new ArrayList<>();
        repo.forEach(layer, f -> {
            List<String> values = new ArrayList<>();
            for (String field : fields) {
                Object v = f.get(field);
                values.add(v == null ? "" : v.toString());
            }
            out.add(String.join("|", values));
        });
        return out.stream().sorted().toList();
    }

    private void works() throws Exception {
        Path works = csv(
                "供水工程.csv",
                StandardCharsets.UTF_8,
                "工程编号,工程名称,工程类型,经度,纬度",
                "SG001,城区水厂,城乡一体化,112.35,28.55",
                "SG002,泉交河水厂,千人以上,112.24,28.60",
                "SG003,沧水铺水厂,千人以上,112.40,28.45");
        assertThat(importInto("water_work", LoadMode.REPLACE, works).imported()).isEqualTo(3);
    }

    @Test
    @Order(1)
    void aTestTableWithColumnsNamedByTheDepartmentLoadsByItsValuesWithTheDatesOfficesWrite() throws Exception {
        works();
        Path tests = csv(
                "水质检测_乡镇上报.csv",
                StandardCharsets.UTF_8,
                "BH,RQ,JL",
                "SG001,2024/9/28,合格",
                "SG002,2024-09-28,不合格",
                "SG003,2024年9月28日,合格",
                "SG001,45563,合格");

        ImportJob job = importInto("water_quality_test", LoadMode.REPLACE, tests);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.read()).isEqualTo(4);
        assertThat(job.imported()).isEqualTo(4);
        assertThat(job.mapping().entries())
                .containsExactly(
                        new FieldMapping.Entry("BH", "water_work_code", Decision.CONTENT),
                        new FieldMapping.Entry("RQ", "tested_on", Decision.CONTENT),
                        new FieldMapping.Entry("JL", "result", Decision.CONTENT));
        assertThat(job.issues())
                .extracting(ImportIssue::code, ImportIssue::field)
                .containsExactly(
                        tuple(IssueCode.ENCODING_DETECTED, null),
                        tuple(IssueCode.FIELD_INFERRED, "water_work_code"),
                        tuple(IssueCode.FIELD_INFERRED, "tested_on"),
                        tuple(IssueCode.FIELD_INFERRED, "result"));
        assertThat(job.issues().get(1).message(Locale.ENGLISH))
                .isEqualTo("No column is called \"Works code\" (water_work_code); column \"BH\" was taken for it by its"
                        + " values: 100 % of the values of `BH` are codes of Water supply works in the store."
                        + " Inferred: please confirm, or map another column.");
        assertThat(rows("water_quality_test", "water_work_code", "tested_on", "result"))
                .containsExactly(
                        "SG001|2024-09-28|pass",
                        "SG001|2024-09-28|pass",
                        "SG002|2024-09-28|fail",
                        "SG003|2024-09-28|pass");
    }

    @Test
    @Order(2)
    void aWorksColumnWithOneUnknownCodeIsProposedAt98PercentAndLoadsOnceAccepted() throws Exception {
        List<String> lines = new ArrayList<>(List.of("code,检测日期,检测结果"));
        for (int i = 0; i < 49; i++) {
            lines.add("SG00" + (1 + i % 3) + ",2024-10-" + String.format(Locale.ROOT, "%02d", 1 + i % 28) + ",合格");
        }
        lines.add("SG009,2024-10-30,合格");
        Path tests = csv("检测_2024Q4.csv", StandardCharsets.UTF_8, lines.toArray(String[]::new));

        ImportJob job = importInto("water_quality_test", LoadMode.APPEND, tests);

        assertThat(job.status()).isEqualTo(ImportStatus.NEEDS_INPUT);
        assertThat(job.outcome()).isEqualTo(IssueCode.REQUIRED_FIELD_UNMAPPED);
        FieldProposal proposal = job.mapping().proposalFor("water_work_code").orElseThrow();
        assertThat(proposal.applied()).isFalse();
        assertThat(proposal.candidates())
                .extracting(FieldCandidate::source, FieldCandidate::matching, FieldCandidate::nonEmpty)
                .containsExactly(tuple("code", 49, 50));
        assertThat(proposal.best().describe(Locale.ENGLISH))
                .isEqualTo("98 % of the values of `code` are codes of Water supply works in the store");
        assertThat(proposal.best().describe(Locale.SIMPLIFIED_CHINESE)).isEqualTo("`code` 的值中 98 % 是库中供水工程的编码");

        ImportJob accepted = service.await(
                service.confirm(
                                job.id(),
                                ImportChanges.load()
                                        .withFieldMap(Map.of(proposal.best().source(), proposal.field())))
                        .id(),
                WAIT);

        assertThat(accepted.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(accepted.read()).isEqualTo(50);
        assertThat(accepted.imported()).isEqualTo(49);
        assertThat(accepted.rejected()).isEqualTo(1);
        assertThat(rows("water_quality_test", "water_work_code")).hasSize(4 + 49);
    }

    @Test
    @Order(3)
    void newWorksKeyedByAColumnOfUniqueValuesShapedLikeTheStoredCodes() throws Exception {
        Path added = csv(
                "新增工程.csv", GBK, "BH,工程名称,工程类型,经度,纬度", "SG101,新河水厂,千人以下,112.30,28.52", "SG102,石门水厂,千人以下,112.31,28.53");

        ImportJob job = importInto("water_work", LoadMode.APPEND, added);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.imported()).isEqualTo(2);
        assertThat(job.mapping().entry("BH").orElseThrow().decision()).isEqualTo(Decision.CONTENT);
        assertThat(job.mapping().proposalFor("code").orElseThrow().best().evidence())
                .isEqualTo(FieldCandidate.Evidence.KEY_PATTERN);
        assertThat(rows("water_work", "code")).containsExactly("SG001", "SG002", "SG003", "SG101", "SG102");
    }

    @Test
    @Order(4)
    void aGbkRoadShapefileWithRoutesSharedBySegmentsLoadsEverySegmentWithDerivedClassAndAllSeason() throws Exception {
        Path shp = roads(
                "农村公路_交通局",
                "LXBM,LXMC,LMLX,WKT",
                "X001430923,兰溪至泉交河,沥青,\"LINESTRING (112.30 28.50, 112.31 28.51)\"",
                "X001430923,兰溪至泉交河,水泥,\"LINESTRING (112.31 28.51, 112.32 28.52)\"",
                "X001430923,兰溪至泉交河,砂石,\"LINESTRING (112.32 28.52, 112.33 28.53)\"",
                "Y002430923,新河至石门,土,\"LINESTRING (112.33 28.53, 112.34 28.53)\"",
                "Y002430923,新河至石门,水泥,\"LINESTRING (112.34 28.53, 112.35 28.54)\"",
                "C003430923,新月村道,土,\"LINESTRING (112.35 28.54, 112.36 28.54)\"");

        for (int run = 0; run < 2; run++) { // stable keys when the same file comes again
            ImportJob job = importInto("road", LoadMode.REPLACE, shpParts(shp));

            assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
            assertThat(job.read()).isEqualTo(6);
            assertThat(job.imported()).isEqualTo(6);
            assertThat(job.mapping().asMap())
                    .containsEntry("LXBM", "route_code")
                    .containsEntry("LXMC", "name")
                    .containsEntry("LMLX", "surface");
            assertThat(job.issues())
                    .extracting(
                            ImportIssue::code, ImportIssue::field, i -> i.args().get(3))
                    .containsExactly(
                            tuple(IssueCode.VALUES_DERIVED, "hardened", "6"),
                            tuple(IssueCode.VALUES_DERIVED, "all_season", "6"),
                            tuple(IssueCode.VALUES_DERIVED, "admin_class", "6"),
                            tuple(IssueCode.VALUES_DERIVED, "code", "6"));
            assertThat(job.issues().get(1).message(Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("文件中有 6 行未给出“全天候通行”（all_season）：已由 surface 推断。请核对，或在文件中补充该列。");
            assertThat(rows(
                            "road",
                            "code",
                            "route_code",
                            "segment_seq",
                            "admin_class",
                            "surface",
                            "all_season",
                            "name"))
                    .containsExactly(
                            "C003430923-1|C003430923|1|village|earth|false|新月村道",
                            "X001430923-1|X001430923|1|county|asphalt|true|兰溪至泉交河",
                            "X001430923-2|X001430923|2|county|cement|true|兰溪至泉交河",
                            "X001430923-3|X001430923|3|county|gravel|true|兰溪至泉交河",
                            "Y002430923-1|Y002430923|1|township|earth|false|新河至石门",
                            "Y002430923-2|Y002430923|2|township|cement|true|新河至石门");
        }
    }

    @Test
    @Order(5)
    void segmentsKeyedByStakeKeepAGivenClassAndReportADisagreementWithTheRouteCode() throws Exception {
        Path shp = roads(
                "公路_桩号",
                "LXBM,QDZH,XZDJ,LMLX,WKT",
                "X001430923,K0+000,县道,沥青,\"LINESTRING (112.30 28.50, 112.31 28.51)\"",
                "X001430923,K1+200,乡道,沥青,\"LINESTRING (112.31 28.51, 112.32 28.52)\"");

        ImportJob job = importInto("road", LoadMode.REPLACE, shpParts(shp));

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.imported()).isEqualTo(2);
        assertThat(job.issues())
                .extracting(ImportIssue::code, ImportIssue::row, ImportIssue::field)
                .contains(tuple(IssueCode.DERIVED_VALUE_DIFFERS, 2L, "XZDJ"));
        assertThat(rows("road", "code", "start_stake", "admin_class"))
                .containsExactly("X001430923-K0+000|K0+000|county", "X001430923-K1+200|K1+200|township");
    }

    @Test
    @Order(6)
    void anInspectionTableWithoutCoordinatesReadsTheDatesOfficesWrite() throws Exception {
        Path inspections = csv(
                "通返不通巡查_2024.csv",
                GBK,
                "路段编码,巡查日期,通行状态,不通原因",
                "X001430923-K0+000,2024/9/28,不通,塌方",
                "X001430923-K1+200,2024年10月3日,通,",
                "X001430923-K0+000,45600,通,");

        ImportJob job = importInto("road_inspection", LoadMode.REPLACE, inspections);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.imported()).isEqualTo(3);
        assertThat(rows("road_inspection", "road_code", "inspected_on", "status"))
                .containsExactly(
                        "X001430923-K0+000|2024-09-28|blocked",
                        "X001430923-K0+000|2024-11-04|open",
                        "X001430923-K1+200|2024-10-03|open");
    }

    @Test
    @Order(7)
    void aWaterLedgerGeoPackageWithPinyinInitialsLoadsByAliasesAndItsKeyByShape() throws Exception {
        Path source = csv(
                "供水工程台账.csv",
                StandardCharsets.UTF_8,
                "BH,GCMC,GCLX,SYRK,WKT",
                "SG201,谢林港水厂,千人以上,3200,POINT (112.29 28.51)",
                "SG202,鱼形山水厂,千人以下,800,POINT (112.33 28.49)");
        Path gpkg = dir.resolve("供水工程台账.gpkg");
        ogr2ogr("-f", "GPKG", "-a_srs", "EPSG:4490", "-nln", "供水工程", gpkg.toString(), source.toString());

        ImportJob job = importInto("water_work", LoadMode.APPEND, gpkg);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.read()).isEqualTo(2);
        assertThat(job.imported()).isEqualTo(2);
        assertThat(job.mapping().entries())
                .extracting(FieldMapping.Entry::source, FieldMapping.Entry::target, FieldMapping.Entry::decision)
                .containsExactly(
                        tuple("BH", "code", Decision.CONTENT),
                        tuple("GCMC", "name", Decision.ALIAS),
                        tuple("GCLX", "kind", Decision.ALIAS),
                        tuple("SYRK", "served_population", Decision.ALIAS));
        assertThat(rows("water_work", "code", "name", "kind", "served_population"))
                .contains("SG201|谢林港水厂|large|3200", "SG202|鱼形山水厂|small|800");
    }

    @Test
    @Order(8)
    void anInspectionNamingOnlyARouteCodeLoadsAndAnUnknownRouteIsRefusedNamingFileRowAndField() throws Exception {
        // the road layer holds X001430923-K0+000 and X001430923-K1+200 (order 5)
        Path inspections = csv(
                "巡查_按路线.csv",
                GBK,
                "路线编码,桩号,巡查日期,通行状态,不通原因",
                "X001430923,,2024/10/5,不通,水毁",
                "X001430923,K1+500,2024/10/6,通,",
                "X001430923-K0+000,,2024/10/7,通,",
                "X009999999,,2024/10/8,不通,塌方");

        ImportJob job = importInto("road_inspection", LoadMode.REPLACE, inspections);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.mapping().asMap()).containsEntry("路线编码", "road_code").containsEntry("桩号", "stake_from");
        assertThat(job.imported()).isEqualTo(3);
        assertThat(job.issues())
                .extracting(ImportIssue::code, ImportIssue::row, ImportIssue::field)
                .containsExactly(
                        tuple(IssueCode.ENCODING_DETECTED, 0L, null),
                        tuple(IssueCode.UNKNOWN_GROUP_REFERENCE, 4L, "路线编码"));
        ImportIssue refused = job.issues().get(1);
        assertThat(refused.message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("编码“X009999999”在图层 road 中不存在：既不是要素编码，也不是其字段 route_code 的值（道路：既不是路段编码，也不是路线编码）。");
        assertThat(refused.message(Locale.ENGLISH))
                .isEqualTo(
                        "The code \"X009999999\" does not exist in layer road: it is neither the code of a feature nor"
                                + " a value of its field route_code (for a road: neither a segment code nor a route code).");
        assertThat(refused.file()).isEqualTo("巡查_按路线.csv");
        assertThat(rows("road_inspection", "road_code", "stake_from", "inspected_on", "status"))
                .containsExactly(
                        "X001430923-K0+000||2024-10-07|open",
                        "X001430923|K1+500|2024-10-06|open",
                        "X001430923||2024-10-05|blocked");
    }

    /** A GBK shapefile in EPSG:4490 written by ogr2ogr from a CSV with a WKT column. */
    private Path roads(String name, String... csvLines) throws Exception {
        Path source = csv(name + ".csv", StandardCharsets.UTF_8, csvLines);
        Path shp = dir.resolve(name + ".shp");
        ogr2ogr(
                "-f",
                "ESRI Shapefile",
                "-a_srs",
                "EPSG:4490",
                "-lco",
                "ENCODING=GBK",
                "-nlt",
                "LINESTRING",
                shp.toString(),
                source.toString());
        return shp;
    }

    /** Runs GDAL's ogr2ogr (a CSV's column WKT is its geometry; the column itself is not kept). */
    private static void ogr2ogr(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-oo", "KEEP_GEOM_COLUMNS=NO"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private Path[] shpParts(Path shp) throws IOException {
        String base = shp.getFileName().toString().replace(".shp", "");
        try (Stream<Path> files = Files.list(shp.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(base + ".")
                            && !f.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toArray(Path[]::new);
        }
    }

    /** The feature of a layer with a key (a helper for failures: prints what is there). */
    Feature feature(String layer, String key) {
        return repo.findByKey(catalogue.get(layer), key).orElseThrow();
    }
}
