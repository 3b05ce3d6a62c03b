package cn.yiyang.planning.importer.job;

import static cn.yiyang.planning.importer.testsupport.MemorySource.point;
import static cn.yiyang.planning.importer.testsupport.MemorySource.roadLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.importer.issue.ImportException;
import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.source.Detection;
import cn.yiyang.planning.importer.source.SourceRecord;
import cn.yiyang.planning.importer.testsupport.MemorySource;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.HistoryEntry;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.load.ImportRecord;
import cn.yiyang.planning.layers.store.JdbcFeatureHistoryRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcFeatureWriteRepository;
import cn.yiyang.planning.layers.store.JdbcImportRecordRepository;
import cn.yiyang.planning.layers.store.JdbcLayerLoadRepository;
import cn.yiyang.planning.layers.store.StoreKind;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports through {@link ImportService} end to end, on both stores: the in-memory source stands in
 * for the file readers. Subclasses name the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportContract {

    static final String[] ROAD_FIELDS = {"路段编码", "道路名称", "行政等级", "路面类型", "路面宽度", "修建年份"};
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef road = catalogue.get("road");
    private final Map<String, MemorySource> sources = new ConcurrentHashMap<>();
    private TestStore test;
    private FeatureRepository repo;
    private JdbcImportRecordRepository records;
    private ImportService service;

    @TempDir
    Path uploads;

    abstract StoreKind kind();

    @BeforeAll
    void open() {
        test = TestStores.create(kind());
        repo = new JdbcFeatureRepository(test.store());
        records = new JdbcImportRecordRepository(test.store());
        service = new ImportService(
                catalogue,
                repo,
                new JdbcLayerLoadRepository(test.store()),
                records,
                (files, names, options) -> {
                    if (names.getFirst().equals("多表.gpkg") && options.table() == null) {
                        throw new ImportException(ImportIssue.ofFile("多表.gpkg", IssueCode.CHOOSE_TABLE, "道路, 桥梁"));
                    }
                    return sources.get(names.getFirst()).factory().open(files, names, options);
                },
                ImportSettings.DEFAULT);
    }

    @AfterAll
    void close() throws Exception {
        service.close();
        test.close();
    }

    @BeforeEach
    void emptyRoads() {
        repo.load(road, LoadMode.REPLACE, List.<Feature>of().iterator());
    }

    private ImportRequest.Builder request(String layer, MemorySource source, String name) throws Exception {
        sources.put(name, source);
        Path file = uploads.resolve(Math.abs(name.hashCode()) + ".bin");
        Files.writeString(file, "content of " + name, StandardCharsets.UTF_8);
        return ImportRequest.builder(layer, "张三").file(file, name);
    }

    private ImportJob run(ImportRequest request) throws Exception {
        ImportJob queued = service.submit(request);
        assertThat(queued.status())
                .isIn(
                        ImportStatus.QUEUED,
                        ImportStatus.RUNNING,
                        ImportStatus.SUCCEEDED,
                        ImportStatus.FAILED,
                        ImportStatus.NEEDS_INPUT);
        return service.await(queued.id(), WAIT);
    }

    private static MemorySource.Builder roads(String file) {
        return MemorySource.builder(file).fields(ROAD_FIELDS);
    }

    private Set<String> roadCodes() {
        Set<String> codes = new TreeSet<>();
        repo.forEach(road, f -> codes.add(f.getString("code")));
        return codes;
    }

    @Test
    void replaceAppendAndUpsertReportTheirCountsAndRecordEverything() throws Exception {
        MemorySource five = roads("道路.shp")
                .row(roadLine(1), "R1", "一号路", "村道", "水泥", "4.5", 2019.0)
                .row(roadLine(2), "R2", "二号路", "乡道", "沥青", "6")
                .row(roadLine(3), "R3", "三号路", "村道", "泥巴路")
                .row(roadLine(4), "R4", "四号路", "C", "砂石")
                .row(roadLine(5), "R5", "五号路", "组道", "土路")
                .build();
        ImportJob replaced =
                run(request("road", five, "道路.zip").mode(LoadMode.REPLACE).build());

        assertThat(replaced.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(replaced.progress()).isEqualTo(1.0);
        assertThat(replaced.read()).isEqualTo(5);
        assertThat(replaced.imported()).isEqualTo(4);
        assertThat(replaced.rejected()).isEqualTo(1);
        assertThat(replaced.issues())
                .containsExactly(
                        ImportIssue.ofRow(
                                "道路.shp",
                                3,
                                "路面类型",
                                IssueCode.UNKNOWN_CODE,
                                "泥巴路",
                                "asphalt 沥青, cement 水泥, gravel 砂石, earth 土路"),
                        // the file says neither: both follow from the surface of the four rows that have one
                        ImportIssue.ofRow(
                                "道路.shp",
                                0,
                                "hardened",
                                IssueCode.VALUES_DERIVED,
                                "hardened",
                                "是否硬化",
                                "Hardened",
                                4,
                                "surface"),
                        ImportIssue.ofRow(
                                "道路.shp",
                                0,
                                "all_season",
                                IssueCode.VALUES_DERIVED,
                                "all_season",
                                "全天候通行",
                                "All-season",
                                4,
                                "surface"));
        assertThat(replaced.encoding()).isEqualTo("GBK");
        assertThat(replaced.crs()).isEqualTo("EPSG:4490");
        assertThat(replaced.crsDetection()).isEqualTo(Detection.DECLARED);
        assertThat(replaced.mapping().asMap()).containsEntry("道路名称", "name").containsEntry("修建年份", "EXTRA");
        assertThat(replaced.fileSha256()).isEqualTo(sha256("content of 道路.zip"));
        assertThat(roadCodes()).containsExactly("R1", "R2", "R4", "R5");
        Feature r1 = repo.findByKey(road, "R1").orElseThrow();
        assertThat(r1.attributes())
                .containsEntry("surface", "cement")
                .containsEntry("hardened", true)
                .containsEntry("width", 4.5);
        assertThat(r1.extra()).containsEntry("修建年份", 2019);
        assertThat(repo.findByKey(road, "R5").orElseThrow().attributes()).containsEntry("hardened", false);

        ImportRecord record = records.find(replaced.id()).orElseThrow();
        assertThat(record)
                .extracting(
                        ImportRecord::status,
                        ImportRecord::mode,
                        ImportRecord::fileName,
                        ImportRecord::readCount,
                        ImportRecord::importedCount,
                        ImportRecord::rejectedCount,
                        ImportRecord::issueCount,
                        ImportRecord::dryRun,
                        ImportRecord::requestedBy,
                        ImportRecord::encoding,
                        ImportRecord::crs,
                        ImportRecord::fileSha256)
                .containsExactly(
                        "SUCCEEDED",
                        "REPLACE",
                        "道路.zip",
                        5L,
                        4L,
                        1L,
                        3L,
                        false,
                        "张三",
                        "GBK",
                        "EPSG:4490",
                        sha256("content of 道路.zip"));
        assertThat(record.finishedAt()).isNotNull();
        assertThat(records.issues(replaced.id(), 0, 10))
                .extracting(i -> i.code())
                .containsExactly("VALUES_DERIVED", "VALUES_DERIVED", "UNKNOWN_CODE"); // in row order, the file first
        var load = new JdbcLayerLoadRepository(test.store()).latest("road").orElseThrow();
        assertThat(load)
                .extracting(
                        l -> l.source(), l -> l.synthetic(), l -> l.mode(), l -> l.featureCount(), l -> l.loadedBy())
                .containsExactly("道路.zip", false, "REPLACE", 4L, "张三");

        MemorySource more = roads("新增.shp")
                .row(roadLine(6), "R6", "六号路", "村道")
                .row(roadLine(7), "R1", "一号路", "村道")
                .row(roadLine(8), "R8", "八号路", "村道")
                .build();
        ImportJob appended =
                run(request("road", more, "新增.zip").mode(LoadMode.APPEND).build());
        assertThat(appended.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(appended.imported()).isEqualTo(2);
        assertThat(appended.issues())
                .containsExactly(ImportIssue.ofRow("新增.shp", 2, "路段编码", IssueCode.KEY_EXISTS, "R1"));
        assertThat(roadCodes()).containsExactly("R1", "R2", "R4", "R5", "R6", "R8");

        MemorySource changes = roads("更新.shp")
                .row(roadLine(1), "R1", "一号路（改）", "村道", "沥青")
                .row(roadLine(9), "R9", "九号路", "村道")
                .build();
        ImportJob upserted =
                run(request("road", changes, "更新.zip").mode(LoadMode.UPSERT).build());
        assertThat(upserted.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(upserted.imported()).isEqualTo(2);
        assertThat(upserted.rejected()).isZero();
        assertThat(roadCodes()).containsExactly("R1", "R2", "R4", "R5", "R6", "R8", "R9");
        assertThat(repo.findByKey(road, "R1").orElseThrow().attributes())
                .containsEntry("name", "一号路（改）")
                .containsEntry("surface", "asphalt");

        // One IMPORT entry per load, written in the load's transaction, newest first.
        Set<String> jobs = Set.of(replaced.id(), appended.id(), upserted.id());
        List<HistoryEntry> imports = new JdbcFeatureHistoryRepository(test.store())
                .since(road, Instant.EPOCH, 1000).stream()
                        .filter(e -> jobs.contains(e.details().get("jobId")))
                        .toList();
        assertThat(imports)
                .extracting(e -> e.details().get("jobId"))
                .containsExactly(upserted.id(), appended.id(), replaced.id());
        assertThat(imports.getLast().operation()).isEqualTo(HistoryOperation.IMPORT);
        assertThat(imports.getLast().user()).isEqualTo("张三");
        assertThat(imports.getLast().details())
                .containsEntry("file", "道路.zip")
                .containsEntry("mode", "REPLACE")
                .containsEntry("read", 5)
                .containsEntry("rejected", 1)
                .containsEntry("written", 4);
        assertThat(new JdbcFeatureWriteRepository(test.store())
                        .find(road, repo.findByKey(road, "R1").orElseThrow().id())
                        .orElseThrow()
                        .version())
                .as("the upsert raised R1's version")
                .isEqualTo(2);
    }

    @Test
    void allOrNothingLoadsNothingWhenARowHasAnError() throws Exception {
        repo.load(
                road,
                LoadMode.REPLACE,
                List.of(roadFeature("OLD1"), roadFeature("OLD2")).iterator());
        MemorySource.Builder b = roads("道路.shp");
        for (int i = 1; i <= 3000; i++) {
            b.row(roadLine(i), "N" + i, "路" + i, i == 2500 ? "飞机道" : "村道");
        }
        ImportJob job = run(request("road", b.build(), "道路.zip")
                .mode(LoadMode.REPLACE)
                .rejectPolicy(RejectPolicy.ALL_OR_NOTHING)
                .build());

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.outcome()).isEqualTo(IssueCode.ROWS_REJECTED);
        assertThat(job.imported()).isZero();
        assertThat(job.read()).isEqualTo(3000);
        assertThat(job.rejected()).isEqualTo(1);
        assertThat(job.issues())
                .extracting(ImportIssue::code)
                .containsExactly(IssueCode.UNKNOWN_CODE, IssueCode.ROWS_REJECTED);
        assertThat(job.issues().getLast().message(Locale.ENGLISH))
                .startsWith("1 rows have errors, so nothing was loaded");
        assertThat(roadCodes()).containsExactly("OLD1", "OLD2");
        assertThat(new JdbcFeatureHistoryRepository(test.store()).since(road, Instant.EPOCH, 1000))
                .as("a load rolled back records no IMPORT entry")
                .noneMatch(e -> job.id().equals(e.details().get("jobId")));
    }

    @Test
    void aFileThatBreaksHalfWayLeavesTheLayerAsItWas() throws Exception {
        repo.load(road, LoadMode.REPLACE, List.of(roadFeature("OLD1")).iterator());
        MemorySource breaking = roads("坏.shp")
                .generate(20_000, row -> {
                    if (row == 15_000) {
                        throw new ImportException(
                                ImportIssue.ofFile("坏.shp", IssueCode.CORRUPT_FILE, "unexpected end of file"));
                    }
                    return new SourceRecord(row, Map.of("路段编码", "B" + row, "行政等级", "村道"), roadLine(row), null);
                })
                .build();

        ImportJob job =
                run(request("road", breaking, "坏.zip").mode(LoadMode.REPLACE).build());

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.outcome()).isEqualTo(IssueCode.CORRUPT_FILE);
        assertThat(job.read()).isEqualTo(14_999);
        assertThat(job.imported()).isZero();
        assertThat(roadCodes()).containsExactly("OLD1");
    }

    @Test
    void whenEveryRowIsRejectedNothingIsReplaced() throws Exception {
        repo.load(road, LoadMode.REPLACE, List.of(roadFeature("OLD1")).iterator());
        MemorySource bad = roads("坏.shp")
                .row(null, "X1", "无", "村道")
                .row(point(112.3, 28.5), "X2", "无", "村道")
                .build();

        ImportJob job = run(request("road", bad, "坏.zip").mode(LoadMode.REPLACE).build());

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.outcome()).isEqualTo(IssueCode.ROWS_REJECTED);
        assertThat(job.issues())
                .extracting(ImportIssue::code)
                .containsExactly(IssueCode.EMPTY_GEOMETRY, IssueCode.WRONG_GEOMETRY_TYPE, IssueCode.ROWS_REJECTED);
        assertThat(roadCodes()).containsExactly("OLD1");
    }

    @Test
    void aDryRunAnalysesEverythingAndChangesNothing() throws Exception {
        repo.load(road, LoadMode.REPLACE, List.of(roadFeature("OLD1")).iterator());
        MemorySource many = roads("道路.shp")
                .generate(
                        2_000,
                        row -> new SourceRecord(
                                row, Map.of("路段编码", "D" + row, "行政等级", row == 7 ? "高铁" : "村道"), roadLine(row), null))
                .build();

        ImportJob job = run(request("road", many, "道路.zip")
                .mode(LoadMode.REPLACE)
                .dryRun(true)
                .build());

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.dryRun()).isTrue();
        assertThat(job.read()).isEqualTo(2_000);
        assertThat(job.rejected()).isEqualTo(1);
        assertThat(job.imported()).isZero();
        assertThat(job.issues()).extracting(ImportIssue::row).containsExactly(7L);
        assertThat(job.preview().features())
                .hasSize(500)
                .isSortedAccordingTo(Comparator.comparingLong(Preview.Feature::row));
        assertThat(job.preview().features()).anySatisfy(f -> assertThat(f.row()).isGreaterThan(1500));
        assertThat(job.preview().extent().getMinX()).isCloseTo(112.35, Offset.offset(1e-9));
        assertThat(job.preview().features().getFirst().geometry().getSRID()).isEqualTo(4490);
        assertThat(roadCodes()).containsExactly("OLD1");
        assertThat(records.find(job.id()).orElseThrow().dryRun()).isTrue();
        assertThat(job.confirmable()).isTrue();

        ImportJob loaded = service.confirm(job.id(), ImportChanges.load());
        assertThat(loaded.id()).isEqualTo(job.id());
        loaded = service.await(job.id(), WAIT);
        assertThat(loaded.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(loaded.dryRun()).isFalse();
        assertThat(loaded.imported()).isEqualTo(1_999);
        assertThat(loaded.issueCount())
                .as("the problems are found again, not added twice")
                .isEqualTo(1);
        assertThat(records.issues(job.id(), 0, 100)).hasSize(1);
        assertThat(repo.summary(road).featureCount()).isEqualTo(1_999);
        assertThat(loaded.confirmable()).isFalse();
        assertThatThrownBy(() -> service.confirm(job.id(), ImportChanges.load()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unknownVillageCodesAreCheckedAgainstTheLoadedVillages() throws Exception {
        LayerDef village = catalogue.get("village");
        repo.load(
                village,
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        Map.of("code", "430921100201", "name", "村一", "township_code", "430921100"),
                                        null),
                                Feature.of(
                                        Map.of("code", "430921100202", "name", "村二", "township_code", "430921100"),
                                        null))
                        .iterator());
        MemorySource households = MemorySource.builder("农户.csv")
                .fields("户编号", "行政区代码", "家庭人口")
                .row(point(112.4, 29.3), "H1", "430921100201", "3")
                .row(point(112.4, 29.3), "H2", 430921100299L, "4")
                .row(point(112.4, 29.3), "H3", "430921100202", "三")
                .row(point(112.4, 29.3), "H4", "430921100202", 5L)
                .build();

        ImportJob job = run(request("household", households, "农户.csv")
                .mode(LoadMode.REPLACE)
                .build());

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.imported()).isEqualTo(2);
        assertThat(job.issues())
                .containsExactly(
                        ImportIssue.ofRow("农户.csv", 2, "行政区代码", IssueCode.UNKNOWN_REFERENCE, "430921100299", "village"),
                        ImportIssue.ofRow("农户.csv", 3, "家庭人口", IssueCode.WRONG_TYPE, "三", "12"));
        assertThat(repo.keys(catalogue.get("household"))).containsExactlyInAnyOrder("H1", "H4");
    }

    @Test
    void anUnmappedRequiredFieldWaitsForInputThenTheConfirmedMappingLoads() throws Exception {
        // two columns of road classes: which one is the administrative class, only the user can tell
        MemorySource file = MemorySource.builder("道路.shp")
                .fields("路段编码", "等级X", "备注", "等级Y")
                .row(roadLine(1), "M1", "村道", "无", "乡道")
                .build();
        ImportJob job =
                run(request("road", file, "道路.zip").mode(LoadMode.APPEND).build());

        assertThat(job.status()).isEqualTo(ImportStatus.NEEDS_INPUT);
        assertThat(job.outcome()).isEqualTo(IssueCode.REQUIRED_FIELD_UNMAPPED);
        assertThat(job.issues())
                .containsExactly(
                        ImportIssue.ofRow(
                                "道路.shp",
                                0,
                                "admin_class",
                                IssueCode.REQUIRED_FIELD_UNMAPPED,
                                "admin_class",
                                "行政等级",
                                "Administrative class"),
                        ImportIssue.ofRow(
                                "道路.shp",
                                0,
                                "admin_class",
                                IssueCode.FIELD_CANDIDATES,
                                "admin_class",
                                "行政等级",
                                "Administrative class",
                                "`等级X` 的值中 100 % 属于“行政等级”代码表；`等级Y` 的值中 100 % 属于“行政等级”代码表",
                                "100 % of the values of `等级X` are codes of the list of Administrative class; 100 % of"
                                        + " the values of `等级Y` are codes of the list of Administrative class"));
        assertThat(job.read()).isZero();
        assertThat(job.mapping().asMap()).containsEntry("等级X", "EXTRA");
        assertThat(job.confirmable()).isTrue();

        Map<String, String> edited = new LinkedHashMap<>(job.mapping().asMap());
        edited.put("等级X", "admin_class");
        edited.put("备注", "IGNORE");
        edited.put("等级Y", "IGNORE");
        service.confirm(job.id(), ImportChanges.none().withFieldMap(edited));
        ImportJob done = service.await(job.id(), WAIT);

        assertThat(done.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(done.issues()).isEmpty();
        assertThat(done.imported()).isEqualTo(1);
        Feature m1 = repo.findByKey(road, "M1").orElseThrow();
        assertThat(m1.attributes()).containsEntry("admin_class", "village");
        assertThat(m1.extra()).isEmpty();
        assertThat(records.find(job.id()).orElseThrow().status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void anInferredCrsIsShownInADryRunAndMustBeConfirmedBeforeLoading() throws Exception {
        MemorySource gk = roads("道路.shp")
                .crs(Crs.epsg(4546), Detection.INFERRED)
                .issue(ImportIssue.ofFile("道路.shp", IssueCode.CRS_INFERRED, "EPSG:4546"))
                .row(
                        MemorySource.wkt("LINESTRING (632114.8912 3160138.8465, 632214.8912 3160238.8465)"),
                        "G1",
                        "x",
                        "村道")
                .build();

        ImportJob load = run(request("road", gk, "道路.zip").build());
        assertThat(load.status()).isEqualTo(ImportStatus.NEEDS_INPUT);
        assertThat(load.outcome()).isEqualTo(IssueCode.CRS_INFERRED);
        assertThat(load.crs()).isEqualTo("EPSG:4546");
        assertThat(load.crsDetection()).isEqualTo(Detection.INFERRED);

        ImportJob dry = run(request("road", gk, "道路.zip").dryRun(true).build());
        assertThat(dry.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(dry.issues()).extracting(ImportIssue::code).containsExactly(IssueCode.CRS_INFERRED);
        assertThat(dry.preview().extent().getMinX()).isCloseTo(112.35, Offset.offset(1e-6));

        service.confirm(load.id(), ImportChanges.load());
        ImportJob confirmed = service.await(load.id(), WAIT);
        assertThat(confirmed.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(confirmed.crs()).isEqualTo("EPSG:4546");
        assertThat(confirmed.crsDetection()).isEqualTo(Detection.USER);
        assertThat(repo.findByKey(road, "G1").orElseThrow().geometry().getCoordinates()[0].x)
                .isCloseTo(112.35, Offset.offset(1e-7));
    }

    @Test
    void noCrsAndSeveralTablesWaitForTheUsersChoice() throws Exception {
        MemorySource noCrs = roads("无坐标.shp")
                .crs(null, Detection.UNKNOWN)
                .row(roadLine(1), "N1", "x", "村道")
                .build();
        ImportJob job = run(request("road", noCrs, "无坐标.zip").build());
        assertThat(job.status()).isEqualTo(ImportStatus.NEEDS_INPUT);
        assertThat(job.issues()).containsExactly(ImportIssue.ofFile("无坐标.shp", IssueCode.NO_CRS));
        service.confirm(job.id(), ImportChanges.none().withCrs(Crs.CGCS2000));
        assertThat(service.await(job.id(), WAIT).status()).isEqualTo(ImportStatus.SUCCEEDED);

        MemorySource tables = roads("多表.gpkg").row(roadLine(2), "T1", "x", "村道").build();
        ImportJob choose = run(request("road", tables, "多表.gpkg").build());
        assertThat(choose.status()).isEqualTo(ImportStatus.NEEDS_INPUT);
        assertThat(choose.issues()).containsExactly(ImportIssue.ofFile("多表.gpkg", IssueCode.CHOOSE_TABLE, "道路, 桥梁"));
        // the upload is hashed while the source opens: its hash is recorded although the source did not open
        assertThat(choose.fileSha256()).isEqualTo(sha256("content of 多表.gpkg"));
        assertThat(records.find(choose.id()).orElseThrow().fileSha256()).isEqualTo(sha256("content of 多表.gpkg"));
        service.confirm(choose.id(), ImportChanges.none().withTable("道路"));
        ImportJob chosen = service.await(choose.id(), WAIT);
        assertThat(chosen.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(chosen.request().options().table()).isEqualTo("道路");
        assertThat(roadCodes()).containsExactly("N1", "T1");
    }

    @Test
    void requestsThatCannotRunAreRefusedAtOnce() throws Exception {
        MemorySource any = roads("a.shp").row(roadLine(1), "A1", "x", "村道").build();
        assertThatThrownBy(() -> service.submit(request("water_pipe", any, "a.zip")
                        .mode(LoadMode.UPSERT)
                        .build()))
                .isInstanceOf(ImportException.class)
                .satisfies(
                        e -> assertThat(((ImportException) e).issue().code()).isEqualTo(IssueCode.UPSERT_WITHOUT_KEY));
        assertThatThrownBy(() ->
                        service.submit(request("no_such_layer", any, "a.zip").build()))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).issue().code()).isEqualTo(IssueCode.UNKNOWN_LAYER));
        // the road-access results are written by the analysis, never imported
        assertThatThrownBy(() ->
                        service.submit(request("access_road", any, "a.zip").build()))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> {
                    ImportIssue issue = ((ImportException) e).issue();
                    assertThat(issue.code()).isEqualTo(IssueCode.DERIVED_LAYER);
                    assertThat(issue.message(Locale.SIMPLIFIED_CHINESE)).contains("access_road", "分析结果");
                    assertThat(issue.message(Locale.ENGLISH)).contains("access_road", "analysis results");
                });
        assertThat(records.recent("access_road", 10))
                .as("nothing recorded for a refused request")
                .isEmpty();
    }

    @Test
    void recordsAreReadableLaterAndDownloadableAsCsv() throws Exception {
        MemorySource file = roads("道路.shp")
                .row(roadLine(1), "C1", "x", "村道", "泥巴路")
                .row(roadLine(2), "C2", "=HYPERLINK(\"x\")", "村道")
                .row(roadLine(3), "C3", "y", "村道")
                .build();
        ImportJob job = run(request("road", file, "道路.zip").build());
        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);

        try (ImportService later = ImportService.over(
                test.store(),
                (f, n, o) -> {
                    throw new AssertionError("not opened");
                },
                ImportSettings.DEFAULT)) {
            ImportJob back = later.find(job.id()).orElseThrow();
            assertThat(back)
                    .extracting(
                            ImportJob::status,
                            ImportJob::read,
                            ImportJob::imported,
                            ImportJob::rejected,
                            ImportJob::encoding,
                            ImportJob::crs,
                            ImportJob::fileName)
                    .containsExactly(ImportStatus.SUCCEEDED, 3L, 2L, 1L, "GBK", "EPSG:4490", "道路.zip");
            assertThat(back.issues()).isEqualTo(job.issues());
            assertThat(back.confirmable()).isFalse();
            assertThat(later.recent("road", 50)).extracting(ImportRecord::id).contains(job.id());

            ByteArrayOutputStream zh = new ByteArrayOutputStream();
            later.writeIssuesCsv(job.id(), Locale.SIMPLIFIED_CHINESE, zh);
            String csv = zh.toString(StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFFfile,row,field,code,severity,message\r\n");
            assertThat(csv)
                    .contains(
                            "道路.shp,1,路面类型,UNKNOWN_CODE,ERROR,\"值“泥巴路”不在允许的取值范围内（asphalt 沥青, cement 水泥, gravel 砂石, earth 土路）：请改为其中之一（代码或名称）。\"");
            ByteArrayOutputStream en = new ByteArrayOutputStream();
            later.writeIssuesCsv(job.id(), Locale.ENGLISH, en);
            assertThat(en.toString(StandardCharsets.UTF_8))
                    .contains("The value \"\"泥巴路\"\" is not one of the allowed values");

            ByteArrayOutputStream rec = new ByteArrayOutputStream();
            later.writeRecordCsv(job.id(), Locale.ENGLISH, rec);
            List<String> lines = rec.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.getFirst()).isEqualTo("\uFEFF" + String.join(",", ImportReport.RECORD_COLUMNS));
            assertThat(lines.get(1))
                    .startsWith(job.id() + ",road,SUCCEEDED,APPEND,道路.zip," + sha256("content of 道路.zip"));
        }
    }

    @Test
    void importsRunOnTheCallersExecutorWhichClosingTheServiceLeavesToTheCaller() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        ExecutorService workers = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "callers-import");
            t.setDaemon(true);
            return t;
        });
        MemorySource file =
                roads("道路.shp").row(roadLine(1), "C1", "x", "村道", "水泥").build();
        sources.put("道路.zip", file);
        try (ImportService own = ImportService.over(
                test.store(),
                (f, n, o) -> {
                    threads.add(Thread.currentThread().getName());
                    return sources.get(n.getFirst()).factory().open(f, n, o);
                },
                ImportSettings.DEFAULT,
                workers)) {
            ImportJob job = own.await(
                    own.submit(request("road", file, "道路.zip").build()).id(), WAIT);
            assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        }
        assertThat(threads).containsOnly("callers-import");
        assertThat(workers.isShutdown())
                .as("closing the service leaves the caller's executor")
                .isFalse();
        workers.shutdown();
    }

    @Test
    void importsLeftRunningByAStoppedProcessAreMarkedFailed() {
        OffsetDateTime t = OffsetDateTime.now();
        records.save(new ImportRecord(
                "stale-1", "road", "RUNNING", "REPLACE", "x.zip", null, 1, null, null, 10, 0, 0, 0, false, "李四", t,
                null, null));
        int marked = service.recoverInterrupted();

        assertThat(marked).isGreaterThanOrEqualTo(1);
        ImportJob stale = service.find("stale-1").orElseThrow();
        assertThat(stale.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(stale.outcome()).isEqualTo(IssueCode.LOAD_FAILED);
        assertThat(stale.issues()).extracting(ImportIssue::code).containsExactly(IssueCode.LOAD_FAILED);
    }

    @Test
    void aLargeFileStreamsIntoTheLayer() throws Exception {
        int n = 60_000;
        MemorySource big = roads("大.shp")
                .generate(
                        n,
                        row -> new SourceRecord(
                                row,
                                Map.of(
                                        "路段编码",
                                        "L" + row,
                                        "行政等级",
                                        "村道",
                                        "路面类型",
                                        row % 2 == 0 ? "水泥" : "砂石",
                                        "修建年份",
                                        2000 + row % 20),
                                roadLine(row),
                                null))
                .build();

        ImportJob job = run(request("road", big, "大.zip").mode(LoadMode.REPLACE).build());

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.imported()).isEqualTo(n);
        assertThat(big.passes()).as("one pass over the file").isEqualTo(1);
        assertThat(repo.summary(road).featureCount()).isEqualTo(n);
        assertThat(repo.findByKey(road, "L60000").orElseThrow().attributes()).containsEntry("hardened", true);
    }

    static Feature roadFeature(String code) {
        return Feature.of(Map.of("code", code, "admin_class", "village"), roadLine(code.hashCode() & 0xffff));
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
