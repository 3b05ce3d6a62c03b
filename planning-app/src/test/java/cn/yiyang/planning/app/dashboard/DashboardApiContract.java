package cn.yiyang.planning.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.layers.analysis.AnalysisRunRepository;
import cn.yiyang.planning.layers.analysis.IndicatorEntryRepository;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard over REST against two stored road-access runs of known values (no analysis runs here): its values
 * equal {@code GET /api/v1/indicators} for the same run, its targets are the catalogue's for the group, the change is
 * since the previous run, the units below carry the drill-down, an entry shows at its level, and the XLSX reopens with
 * the same numbers. Subclasses pick the store; it starts with {@link DashboardTestData}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.road-access.run-on-start=false"})
abstract class DashboardApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    FeatureRepository features;

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    AnalysisRunRepository runs;

    @Autowired
    IndicatorEntryRepository entries;

    private ApiClient api;

    @BeforeEach
    void load() {
        api = new ApiClient(port);
        DashboardTestData.load(features, catalogue, runs);
        DashboardTestData.entries(entries);
    }

    @Test
    void theDashboardShowsTheValuesOfTheIndicatorApiForTheSameRun() throws Exception {
        JsonNode dashboard = get("/api/v1/dashboard?code=" + DashboardTestData.NANXIAN);
        JsonNode api1 =
                get("/api/v1/indicators?level=county&kind=road-access&group=all&code=" + DashboardTestData.NANXIAN);
        assertThat(api1.get("runId").asString()).isEqualTo(DashboardTestData.RUN_2);
        Map<String, JsonNode> byId = new HashMap<>();
        dashboard.get("values").forEach(v -> byId.put(v.get("indicator").asString(), v));
        int compared = 0;
        for (JsonNode v : api1.get("indicators")) {
            JsonNode d = byId.get(v.get("indicator").asString());
            assertThat(d).as(v.get("indicator").asString()).isNotNull();
            assertThat(d.get("value").asDouble()).isEqualTo(v.get("value").asDouble());
            assertThat(d.get("target").isNull()).isEqualTo(v.get("target").isNull());
            if (!v.get("target").isNull()) {
                assertThat(d.get("target").asDouble()).isEqualTo(v.get("target").asDouble());
                assertThat(d.get("met").asBoolean())
                        .isEqualTo(v.get("meetsTarget").asBoolean());
            }
            assertThat(d.get("runId").asString()).isEqualTo(DashboardTestData.RUN_2);
            compared++;
        }
        assertThat(compared).isEqualTo(2);
        JsonNode class3 = byId.get("township_class3_road_rate");
        assertThat(class3.get("value").asDouble()).isEqualTo(0.5);
        assertThat(class3.get("target").asDouble()).as("the catalogue's").isEqualTo(0.85);
        assertThat(class3.get("met").asBoolean()).isFalse();
        assertThat(class3.get("previous").asDouble()).as("the first run").isEqualTo(0.0);
        JsonNode doctors = byId.get("doctors_per_thousand");
        assertThat(doctors.get("value").asDouble()).isEqualTo(3.1);
        assertThat(doctors.get("target").asDouble()).isEqualTo(2.9);
        assertThat(doctors.get("met").asBoolean()).isTrue();
        assertThat(doctors.get("year").asInt()).isEqualTo(2025);
        assertThat(doctors.get("previous").asDouble()).isEqualTo(2.7);
    }

    @Test
    void groupTargetsAreTheCataloguesAndTheUnitsBelowCarryTheDrillDown() throws Exception {
        JsonNode key = get("/api/v1/dashboard?code=" + DashboardTestData.NANXIAN + "&group=key_support");
        Map<String, JsonNode> byId = new HashMap<>();
        key.get("values").forEach(v -> byId.put(v.get("indicator").asString(), v));
        JsonNode hh = byId.get("household_road_access_rate");
        assertThat(hh.get("value").asDouble()).isEqualTo(0.75);
        assertThat(hh.get("target").isNull()).isTrue();

        JsonNode below =
                get("/api/v1/dashboard/below?indicator=township_class3_road_rate&code=" + DashboardTestData.NANXIAN);
        List<String> rows = new ArrayList<>();
        below.get("values").forEach(v -> rows.add(v.get("code").asString() + "=" + v.get("value")));
        assertThat(rows).containsExactly(DashboardTestData.NANZHOU + "=1.0", DashboardTestData.MAOCAOJIE + "=0.0");
        JsonNode counties = get("/api/v1/dashboard/below?indicator=township_class3_road_rate");
        assertThat(counties.get("values").size()).isEqualTo(2);
        assertThat(counties.get("values").get(0).get("value").asDouble()).isEqualTo(0.5);
        assertThat(counties.get("values").get(1).get("value").asDouble()).isEqualTo(1.0);
        assertThat(counties.get("values").get(1).get("met").asBoolean()).isTrue();
    }

    @Test
    void theFinalEvaluationGivesTheValuesAsOfThePeriodsEnd() throws Exception {
        JsonNode evaluation = get("/api/v1/dashboard/evaluation?code=" + DashboardTestData.NANXIAN);
        Map<String, JsonNode> byId = new HashMap<>();
        evaluation.get("values").forEach(v -> byId.put(v.get("indicator").asString(), v));
        assertThat(byId.get("doctors_per_thousand").get("value").asDouble()).isEqualTo(3.1);
        assertThat(byId.get("doctors_per_thousand").get("year").asInt()).isEqualTo(2025);
        assertThat(byId.get("township_class3_road_rate").get("runId").asString())
                .isEqualTo(DashboardTestData.RUN_2);
        assertThat(byId.get("village_plan_coverage_rate").get("value").isNull())
                .as("the live coverage keeps no value of the period's end")
                .isTrue();
        assertThat(byId.get("village_plan_coverage_rate").get("target").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void theWorkbookReopensWithTheSameNumbersOneSheetPerLevel() throws Exception {
        HttpResponse<byte[]> r = api.bytes(
                api.request("/api/v1/dashboard/report.xlsx", "leader").GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(5);
            Sheet evaluation = book.getSheet("终期评估");
            Map<String, String> sources = new HashMap<>();
            for (int i = 1; i <= evaluation.getLastRowNum(); i++) {
                Row row = evaluation.getRow(i);
                sources.put(row.getCell(2).getStringCellValue(), row.getCell(7).getStringCellValue());
            }
            assertThat(sources)
                    .containsEntry("乡镇通三级公路比例", DashboardTestData.RUN_2)
                    .containsEntry("实用性村庄规划覆盖率", "截至 2025-12-31 无数据");
            assertThat(book.getSheetName(0)).isEqualTo("市");
            assertThat(book.getSheetName(1)).isEqualTo("县（市、区）");
            Sheet counties = book.getSheetAt(1);
            assertThat(counties.getRow(0).getCell(2).getStringCellValue()).isEqualTo("指标");
            Map<String, Double> values = new HashMap<>();
            for (int i = 1; i <= counties.getLastRowNum(); i++) {
                Row row = counties.getRow(i);
                if (row.getCell(4) != null) {
                    values.put(
                            row.getCell(0).getStringCellValue() + "/"
                                    + row.getCell(2).getStringCellValue(),
                            row.getCell(4).getNumericCellValue());
                }
            }
            assertThat(values)
                    .containsEntry(DashboardTestData.NANXIAN + "/乡镇通三级公路比例", 0.5)
                    .containsEntry(DashboardTestData.TAOJIANG + "/乡镇通三级公路比例", 1.0)
                    .containsEntry(DashboardTestData.NANXIAN + "/脱贫地区每千人口拥有执业(助理)医师数", 3.1);
            Sheet townships = book.getSheetAt(2);
            assertThat(townships.getRow(1).getCell(0).getStringCellValue()).isEqualTo(DashboardTestData.NANZHOU);
            assertThat(townships.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    @Test
    void thePdfReportHoldsTheTitleTheNamesAndTheValues() throws Exception {
        HttpResponse<byte[]> r = api.bytes(
                api.request("/api/v1/dashboard/report.pdf?indicator=township_class3_road_rate&a3=true", "leader")
                        .GET()
                        .build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(r.body())) {
            assertThat(reader.getNumberOfPages()).isEqualTo(2);
            assertThat(reader.getPageSizeWithRotation(1).getWidth())
                    .as("A3 landscape")
                    .isEqualTo(1191f);
            PdfTextExtractor text = new PdfTextExtractor(reader);
            String first = text.getTextFromPage(1);
            assertThat(first)
                    .contains("益阳市乡村建设规划指标评估报告", "乡镇通三级公路比例", "66.7%", "85.0%", "未达标", DashboardTestData.RUN_2);
            String second = text.getTextFromPage(2);
            assertThat(second).contains("乡镇通三级公路比例", "南县", "桃江县", "50.0%", "100.0%");
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = api.send("GET", path, "leader", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
