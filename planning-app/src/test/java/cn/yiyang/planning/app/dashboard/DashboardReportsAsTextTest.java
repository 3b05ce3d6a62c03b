package cn.yiyang.planning.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.indicator.IndicatorTestData;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.testsupport.AsText;
import cn.yiyang.planning.app.testsupport.WorkbookCells;
import cn.yiyang.planning.geo.access.AccessIndicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.store.JdbcIndicatorEntryRepository;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's XLSX and PDF reports when unit names (read from uploaded unit layers) hold markup and text a
 * spreadsheet would run as a formula (issue 17): the workbook's cells hold the literal names, the formula-like ones
 * neutralised by {@code SpreadsheetText.neutralise} and none of them a formula cell; the PDF's extracted text holds the names as
 * they are. {@link DashboardTestData} over an in-memory H2GIS store, with 南县, 桃江县, 南洲镇 and 一村 renamed.
 */
class DashboardReportsAsTextTest {

    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"南县\")";
    static final String CMD = "+cmd|' /C calc'!A0";
    static final String SUM = "@SUM(1+1)*cmd";

    private static final String RUN_3 = "dash-run-3";

    private DashboardFixture fixture;
    private DashboardService service;
    private DashboardExport export;
    private DashboardPdf pdf;

    @BeforeEach
    void setUp() {
        fixture = new DashboardFixture();
        JdbcFeatureRepository features = fixture.features;
        LayerCatalogue catalogue = fixture.catalogue;
        JdbcIndicatorEntryRepository entries = fixture.entries;
        // a later run that read the renamed townships: the names it stored are what the charts label
        fixture.run(
                RUN_3,
                Instant.parse("2025-09-01T00:00:00Z"),
                List.of(
                        township(IndicatorTestData.NANZHOU, CMD, 1),
                        township(IndicatorTestData.MAOCAOJIE, AsText.QUOTES, 0)));
        entries.save(new IndicatorEntry(
                "village_collective_income", 2025, UnitLevel.VILLAGE, IndicatorTestData.YI, 4, null, "planner", null));
        rename(
                features,
                catalogue,
                "county",
                unit(IndicatorTestData.NANXIAN, HYPERLINK, null, null),
                unit(IndicatorTestData.TAOJIANG, AsText.IMG, null, null));
        rename(
                features,
                catalogue,
                "township",
                unit(IndicatorTestData.NANZHOU, CMD, "county_code", IndicatorTestData.NANXIAN),
                unit(IndicatorTestData.MAOCAOJIE, AsText.QUOTES, "county_code", IndicatorTestData.NANXIAN),
                unit("430922100", AsText.SCRIPT, "county_code", IndicatorTestData.TAOJIANG));
        rename(
                features,
                catalogue,
                "village",
                unit(IndicatorTestData.YI, SUM, "township_code", IndicatorTestData.NANZHOU),
                unit(IndicatorTestData.ER, "二村", "township_code", IndicatorTestData.NANZHOU),
                unit(IndicatorTestData.SI, "四村", "township_code", IndicatorTestData.MAOCAOJIE),
                unit(IndicatorTestData.LIU, "六村", "township_code", "430922100"));
        DashboardFixture.Services services = fixture.services();
        Messages messages = new Messages();
        service = services.dashboard();
        export = new DashboardExport(service, messages);
        pdf = new DashboardPdf(
                service,
                services.runner(),
                new UnitShapes(features, catalogue, services.versions()),
                messages,
                "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0");
    }

    private static IndicatorValue township(String code, String name, int reached) {
        return new IndicatorValue(
                RUN_3,
                AccessIndicator.TOWNSHIP_CLASS3_ROAD_RATE,
                UnitLevel.TOWNSHIP,
                code,
                name,
                IndicatorTestData.NANXIAN,
                UnitGroup.ALL,
                reached,
                1,
                0.85);
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    private static void rename(
            JdbcFeatureRepository features, LayerCatalogue catalogue, String layer, Feature... rows) {
        features.load(catalogue.get(layer), LoadMode.REPLACE, List.of(rows).iterator());
    }

    /** A unit with {@code IndicatorTestData}'s square for its code. */
    private static Feature unit(String code, String name, String parentField, String parent) {
        Map<String, Object> a = parentField == null
                ? Map.of("code", code, "name", name)
                : Map.of("code", code, "name", name, parentField, parent);
        return Feature.of(a, IndicatorTestData.box(code));
    }

    private Place city() {
        return service.unit(null).orElseThrow();
    }

    @Test
    void theWorkbookHoldsTheNamesAsTextWithFormulasNeutralised() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.xlsx(city(), UnitGroup.ALL, out);
        WorkbookCells read = WorkbookCells.read(out.toByteArray(), 0);
        List<String> cells = read.texts();
        assertThat(read.formulas()).isEmpty();
        assertThat(cells)
                .contains("'" + HYPERLINK, "'" + CMD, "'" + SUM, AsText.IMG, AsText.SCRIPT, AsText.QUOTES)
                .doesNotContain(HYPERLINK, CMD, SUM);
        assertThat(cells.stream().filter(c -> !c.isEmpty() && "=+@\t\r".indexOf(c.charAt(0)) >= 0))
                .as("cells a spreadsheet would run")
                .isEmpty();
    }

    @Test
    void thePdfHoldsTheNamesAsTheyAre() throws Exception {
        Place nanxian = service.unit(IndicatorTestData.NANXIAN).orElseThrow();
        byte[] report = pdf.report(nanxian, UnitGroup.ALL, List.of("township_class3_road_rate"), true, p -> {});
        try (PdfReader reader = new PdfReader(report)) {
            PdfTextExtractor text = new PdfTextExtractor(reader);
            String first = text.getTextFromPage(1);
            String second = text.getTextFromPage(2);
            assertThat(first).contains(HYPERLINK);
            assertThat(second).contains(CMD, AsText.QUOTES);
        }
    }
}
