package cn.yiyang.planning.importer.cli;

import static cn.yiyang.planning.importer.testsupport.MemorySource.roadLine;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.importer.job.SourceFactory;
import cn.yiyang.planning.importer.testsupport.MemorySource;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    private static final String[] FIELDS = {"路段编码", "道路名称", "行政等级", "路面类型"};

    @TempDir
    Path dir;

    private Path file;
    private String db;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        file = dir.resolve("道路.zip");
        Files.writeString(file, "roads");
        db = "jdbc:h2:mem:cli" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }

    private int run(SourceFactory sources, String... args) {
        return new ImportCommand(
                        sources,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static SourceFactory roads(boolean withBadRow) {
        MemorySource.Builder b = MemorySource.builder("道路.shp")
                .fields(FIELDS)
                .row(roadLine(1), "R1", "一号路", "村道", "水泥")
                .row(roadLine(2), "R2", "二号路", "乡道", "沥青");
        if (withBadRow) {
            b.row(roadLine(3), "R3", "三号路", "村道", "泥巴路");
        }
        return b.build().factory();
    }

    private String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("--db", db, "--layer", "road", "--file", file.toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private long roadsInStore() {
        try (SpatialStore store = SpatialStore.open(new StoreSettings(db, null, null))) {
            return new JdbcFeatureRepository(store)
                    .summary(LayerCatalogue.standard().get("road"))
                    .featureCount();
        }
    }

    @Test
    void aCleanLoadExitsWithZeroAndSaysWhatItDidInChinese() {
        int code = run(roads(false), args("--mode", "replace", "--encoding", "GBK", "--crs", "EPSG:4490"));

        assertThat(code).as(err()).isEqualTo(ImportCommand.OK);
        assertThat(out())
                .contains(
                        "状态: 成功",
                        "图层: road",
                        "文件: 道路.zip",
                        "模式: replace",
                        "文字编码: GBK",
                        "坐标系: EPSG:4490",
                        "读取行数: 2",
                        "入库要素数: 2",
                        "拒绝行数: 0",
                        "字段对应：",
                        "道路名称 → name (title)");
        assertThat(roadsInStore()).isEqualTo(2);
    }

    @Test
    void rejectedRowsExitWithOneAndAreListedInEnglishAndInTheReport() throws IOException {
        Path report = dir.resolve("out/problems.csv");
        int code = run(roads(true), args("--lang", "en", "--report", report.toString()));

        assertThat(code).isEqualTo(ImportCommand.REJECTED_OR_FAILED);
        assertThat(out())
                .contains(
                        "Status: succeeded",
                        "Features loaded: 2",
                        "Rows rejected: 1",
                        "ERROR 道路.shp row 3 [路面类型] UNKNOWN_CODE: The value \"泥巴路\" is not one of the allowed values",
                        "Problem list written to");
        byte[] csv = Files.readAllBytes(report);
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .startsWith("\uFEFFfile,row,field,code,severity,message")
                .contains("道路.shp,3,路面类型,UNKNOWN_CODE,ERROR,");
        assertThat(roadsInStore()).isEqualTo(2);
    }

    @Test
    void allOrNothingFailsWithOneAndLoadsNothing() {
        int code = run(roads(true), args("--reject-policy", "all"));
        assertThat(code).isEqualTo(ImportCommand.REJECTED_OR_FAILED);
        assertThat(out()).contains("状态: 失败", "ROWS_REJECTED");
        assertThat(roadsInStore()).isZero();
    }

    @Test
    void aDryRunLoadsNothing() {
        int code = run(roads(false), args("--dry-run", "--mode", "replace"));
        assertThat(code).isEqualTo(ImportCommand.OK);
        assertThat(out()).contains("试运行（未入库）", "读取行数: 2", "入库要素数: 0");
        assertThat(roadsInStore()).isZero();
    }

    @Test
    void aMissingRequiredFieldExitsWithTwoUntilTheFieldMapGivesIt() {
        SourceFactory odd = MemorySource.builder("道路.shp")
                .fields("路段编码", "等级X", "等级Y") // two columns of classes: only the user can tell which
                .row(roadLine(1), "R1", "村道", "乡道")
                .build()
                .factory();

        assertThat(run(odd, args())).isEqualTo(ImportCommand.NEEDS_INPUT);
        assertThat(out()).contains("需要补充信息", "REQUIRED_FIELD_UNMAPPED", "admin_class", "--field-map");

        assertThat(run(odd, args("--field-map", "{\"等级X\": \"admin_class\"}"))).isEqualTo(ImportCommand.OK);
        assertThat(roadsInStore()).isEqualTo(1);
    }

    @Test
    void usageErrorsExitWith64AndSayWhatIsWrong() {
        assertThat(run(roads(false))).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("参数错误：缺少必需的参数 --db", "用法：");
        err.reset();
        assertThat(run(roads(false), args("--mode", "merge", "--lang", "en"))).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("Usage error: the value \"merge\" of --mode is not valid (replace, append, upsert)");
        err.reset();
        assertThat(run(roads(false), args("--crs", "EPSG:2414"))).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("参数错误：坐标为 EPSG:2414（北京54 / 西安80）");
        err.reset();
        assertThat(run(roads(false), args("--crs", "EPSG:9999", "--lang", "en")))
                .isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("Usage error: The coordinate system \"EPSG:9999\" is not supported.");
        err.reset();
        assertThat(run(roads(false), args("--field-map", "[1,2]"))).isEqualTo(ImportCommand.USAGE);
        assertThat(run(roads(false), args("--encoding", "no-such-charset"))).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("未知的文字编码“no-such-charset”");
        assertThat(run(roads(false), args("--frobnicate"))).isEqualTo(ImportCommand.USAGE);
        assertThat(run(
                        roads(false),
                        "--db",
                        db,
                        "--layer",
                        "road",
                        "--file",
                        dir.resolve("missing.zip").toString()))
                .isEqualTo(ImportCommand.USAGE);
        err.reset();
        assertThat(run(roads(false), "--db", db, "--layer", "no_layer", "--file", file.toString(), "--lang", "en"))
                .isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("There is no layer \"no_layer\"");
        err.reset();
        assertThat(run(
                        roads(false),
                        "--db",
                        db,
                        "--layer",
                        "water_pipe",
                        "--file",
                        file.toString(),
                        "--mode",
                        "upsert"))
                .isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("图层 water_pipe 没有主键字段");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run(roads(false), "--help", "--lang", "en")).isEqualTo(ImportCommand.OK);
        assertThat(out()).startsWith("Usage: ImportCommand --db JDBC_URL").contains("Exit codes: 0");
    }

    @Test
    void anUnusableDatabaseExitsWithOne() {
        assertThat(run(
                        roads(false),
                        "--db",
                        "jdbc:mysql://localhost/planning",
                        "--layer",
                        "road",
                        "--file",
                        file.toString(),
                        "--lang",
                        "en"))
                .isEqualTo(ImportCommand.REJECTED_OR_FAILED);
        assertThat(err()).contains("The database cannot be used");
    }

    @Test
    void theTwoLanguagesHaveTheSameTexts() throws IOException {
        Properties en = load("importer/cli.properties");
        Properties zh = load("importer/cli_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (var in = ImportCommandTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
