package cn.yiyang.planning.importer.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.mapping.FieldMapping;
import cn.yiyang.planning.importer.source.SourceFormat;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Facility files as departments send them (src/test/resources/department, see its README), imported end to end
 * through {@link ImportService} and the real readers, on both stores: labels instead of codes (with spaces,
 * full-width forms, a trailing 类), courier points and a shop mixed into a cold-chain list, dates as text in several
 * forms, a works file with its last test as columns, and a table without geometry. Every row either loads with the
 * exact values below or is refused with its file, row, field and a message that says what to do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DepartmentFilesContract {

    private static final Path DIR = Path.of("src/test/resources/department");
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStore test;
    private FeatureRepository repo;
    private ImportService service;

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

    private ImportJob importInto(String layer, String... files) throws InterruptedException {
        ImportRequest.Builder request = ImportRequest.builder(layer, "商务局").mode(LoadMode.REPLACE);
        for (String name : files) {
            request.file(DIR.resolve(name), Path.of(name).getFileName().toString());
        }
        ImportJob queued = service.submit(request.build());
        return service.await(queued.id(), WAIT);
    }

    /** Each feature as {@code v1|v2|…} of the fields named, sorted (a missing value is empty). */
    private List<String> rows(String layerId, String... fields) {
        LayerDef layer = catalogue.get(layerId);
        List<String> out = new ArrayList<>();
        repo.forEach(layer, f -> out.add(row(f, fields)));
        return out.stream().sorted().toList();
    }

    private static String row(Feature f, String... fields) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            Object v = f.get(field);
            values.add(v == null ? "" : v.toString());
        }
        if (f.geometry() != null) {
            values.add(String.format(
                    Locale.ROOT,
                    "%.4f %.4f",
                    f.geometry().getCoordinate().x,
                    f.geometry().getCoordinate().y));
        }
        return String.join("|", values);
    }

    private static List<String> parts(String folder) {
        try (Stream<Path> files = Files.list(DIR.resolve(folder))) {
            return files.map(p -> folder + "/" + p.getFileName()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCommerceBureausColdChainListLoadsItsSitesAndRefusesCourierPointsAndShopsRowByRow() throws Exception {
        String file = "冷链物流节点_商务局.csv";
        ImportJob job = importInto("cold_chain_site", file);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.read()).isEqualTo(8);
        assertThat(job.imported()).isEqualTo(5);
        assertThat(job.rejected()).isEqualTo(3);
        assertThat(job.issues())
                .containsExactly(
                        ImportIssue.ofRow(
                                file, 4, "节点类型", IssueCode.BELONGS_TO_OTHER_LAYER, "快递服务点", "快递物流网点", "Courier points"),
                        ImportIssue.ofRow(
                                file, 5, "节点类型", IssueCode.BELONGS_TO_OTHER_LAYER, "邮政 网点", "快递物流网点", "Courier points"),
                        ImportIssue.ofRow(
                                file,
                                6,
                                "节点类型",
                                IssueCode.UNKNOWN_CODE,
                                "超市",
                                "county 县级仓储, township 乡镇中心, village 村级网点"));
        assertThat(job.issues().get(0).message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("值“快递服务点”表明此行不属于本图层，而属于图层“快递物流网点”（Courier points）：此行未导入。" + "请将其导入图层“快递物流网点”；文件中其他行不受影响。");
        assertThat(job.issues().get(0).message(Locale.ENGLISH))
                .isEqualTo("The value \"快递服务点\" says this row is not a feature of this layer but of the layer Courier"
                        + " points (快递物流网点): the row was not imported. Import it into Courier points; the other rows"
                        + " of the file are not affected.");
        assertThat(job.issues().get(2).message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("值“超市”不在允许的取值范围内（county 县级仓储, township 乡镇中心, village 村级网点）：请改为其中之一（代码或名称）。");
        assertThat(rows("cold_chain_site", "code", "name", "tier", "operator", "cold_storage_t", "status"))
                .containsExactly(
                        "LL001|赫山区农产品冷链仓储中心|county|coop|1200.0|operating|112.3610 28.5680",
                        "LL002|泉交河镇冷链中心|township|post|300.0|operating|112.2410 28.6120",
                        "LL003|新月村冷链网点|village|enterprise|12.0|building|112.3050 28.5210",
                        "LL004|欧江岔村冷链网点|village|coop|8.0|stopped|112.1810 28.6010",
                        "LL005|沧水铺镇冷链中心|township|enterprise|200.0||112.4020 28.4570");
        Feature first =
                repo.findByKey(catalogue.get("cold_chain_site"), "LL001").orElseThrow();
        assertThat(first.extra()).containsEntry("建成时间", "2021年6月");
    }

    @Test
    void aGbkSewageListFromExcelLoadsLabelsAndRefusesAnUnknownStatus() throws Exception {
        String file = "污水处理设施_GBK.csv";
        ImportJob job = importInto("sewage_facility", file);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.imported()).isEqualTo(4);
        assertThat(job.issues())
                .containsExactly(
                        ImportIssue.ofFile(file, IssueCode.ENCODING_DETECTED, "GBK", "not valid UTF-8"),
                        ImportIssue.ofRow(
                                file,
                                5,
                                "运行状态",
                                IssueCode.UNKNOWN_CODE,
                                "报废",
                                "operating 运行, stopped 停运, building 在建, planned 规划"));
        assertThat(rows("sewage_facility", "code", "name", "kind", "status", "capacity_m3d"))
                .containsExactly(
                        "WS001|泉交河镇污水处理厂|township_plant|operating|1500.0|112.2450 28.6100",
                        "WS002|沧水铺镇污水处理厂|township_plant|building|800.0|112.4030 28.4560",
                        "WS003|新月村污水集中处理站|village_central|stopped|60.0|112.3040 28.5200",
                        "WS004|新月村联户处理设施|multi_household|operating|5.0|112.3070 28.5230");
    }

    @Test
    void aWaterBureausGbkShapefileCarriesItsLastTestAsColumnsWithDatesAsText() throws Exception {
        ImportJob job = importInto("water_work", parts("供水工程_水利局").toArray(String[]::new));
        String file = "供水工程_水利局.shp";

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.imported()).isEqualTo(7);
        assertThat(job.mapping().entries().stream()
                        .filter(FieldMapping.Entry::toField)
                        .map(e -> e.source() + "→" + e.target())
                        .collect(Collectors.joining(", ")))
                .isEqualTo("工程编号→code, 工程名称→name, 工程类型→kind, 供水规模→capacity_m3d, 运行状态→status,"
                        + " 检测日期→last_tested_on, 检测结果→last_test_result, 消毒设施→disinfection,"
                        + " 保护区划定→protection_zone");
        assertThat(job.issues())
                .containsExactly(
                        ImportIssue.ofRow(file, 5, "检测日期", IssueCode.DATE_MONTH_ONLY, "2024-03", "2024-03-01"),
                        ImportIssue.ofRow(file, 6, "检测日期", IssueCode.DATE_MONTH_ONLY, "2024年3月", "2024-03-01"),
                        ImportIssue.ofRow(file, 8, "检测日期", IssueCode.WRONG_TYPE, "2024-3-32", "2023-05-01"));
        assertThat(job.issues().get(0).message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("日期“2024-03”只有年和月，已按该月第一天（2024-03-01）导入；如需准确日期，请在文件中写明日。");
        assertThat(rows(
                        "water_work",
                        "code",
                        "kind",
                        "capacity_m3d",
                        "status",
                        "last_tested_on",
                        "last_test_result",
                        "disinfection",
                        "protection_zone"))
                .containsExactly(
                        "SG001|integrated|50000.0|operating|2024-03-05|pass|true|true|112.3500 28.5500",
                        "SG002|large|3000.0|operating|2024-03-05|pass|true|false|112.2400 28.6000",
                        "SG003|large|2000.0|stopped|2024-03-05|fail|false|true|112.4000 28.4500",
                        "SG004|small|100.0|building|2024-03-05||true|false|112.3000 28.5150",
                        "SG005|small|80.0||2024-03-01|pass|true|false|112.1800 28.6050",
                        "SG006|large|2500.0|operating|2024-03-01|pass|true|true|112.4200 28.6500",
                        "SG007|large|1800.0|operating|2024-03-05|pass|true|true|112.3300 28.6200");

        // the tests of those works: a table without geometry, dates as text, a work the layer does not have
        String tests = "水质检测_2024.csv";
        ImportJob testJob = importInto("water_quality_test", tests);
        assertThat(testJob.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(testJob.imported()).isEqualTo(5);
        assertThat(testJob.issues())
                .containsExactly(
                        ImportIssue.ofFile(tests, IssueCode.ENCODING_DETECTED, "UTF-8", "valid UTF-8"),
                        ImportIssue.ofRow(tests, 5, "采样日期", IssueCode.DATE_MONTH_ONLY, "2024年6月", "2024-06-01"),
                        ImportIssue.ofRow(tests, 6, "工程编号", IssueCode.UNKNOWN_REFERENCE, "SG009", "water_work"),
                        ImportIssue.ofRow(tests, 7, "采样日期", IssueCode.WRONG_TYPE, "2024-13-01", "2023-05-01"));
        assertThat(rows("water_quality_test", "water_work_code", "tested_on", "result"))
                .containsExactly(
                        "SG001|2024-03-05|pass",
                        "SG001|2024-09-12|pass",
                        "SG002|2024-09-01|fail",
                        "SG002|2024-10-08|pass",
                        "SG003|2024-06-01|pass");

        // the next year's tests as an Excel workbook with date cells (read through GDAL), replacing them
        String workbook = "水质检测_2025.xlsx";
        ImportJob xlsx = importInto("water_quality_test", workbook);
        assertThat(xlsx.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(xlsx.source().format()).isEqualTo(SourceFormat.XLSX);
        assertThat(xlsx.source().tables()).containsExactly("2025年检测");
        assertThat(xlsx.issues()).isEmpty();
        assertThat(rows("water_quality_test", "water_work_code", "tested_on", "result"))
                .containsExactly("SG001|2025-03-05|pass", "SG002|2025-04-10|fail", "SG007|2025-05-20|pass");
    }
}
