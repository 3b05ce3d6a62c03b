package cn.yiyang.planning.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import cn.yiyang.planning.layers.analysis.AnalysisRunRepository;
import cn.yiyang.planning.layers.analysis.IndicatorEntryRepository;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The leaders' dashboard in headless Chromium on an embedded store holding {@link DashboardTestData}: the leader signs
 * in and lands on {@code /dashboard} (a planner lands on the map), switches the indicator, drills down city → 南县 →
 * 南洲镇 by clicking the choropleth, and downloads the XLSX and the PDF of the township through the page's session,
 * which reopen with its numbers and names. Screenshots: dashboard.png, dashboard-indicator.png, dashboard-county.png,
 * dashboard-township.png, dashboard-pdf.png.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=false",
            "planning.db.url=",
            "planning.tianditu.key=",
            "planning.road-access.run-on-start=false"
        })
@ExtendWith(BrowserExtension.class)
class DashboardJourneyIT {

    static final Path RUN_DIR =
            Path.of("target", "it-dashboard", UUID.randomUUID().toString());
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DOCTORS = "脱贫地区每千人口拥有执业(助理)医师数";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add(
                "planning.data-dir",
                () -> RUN_DIR.resolve("data").toAbsolutePath().toString());
    }

    @Autowired
    FeatureRepository features;

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    LayerVersions versions;

    @Autowired
    AnalysisRunRepository runs;

    @Autowired
    IndicatorEntryRepository entries;

    @Test
    void theLeaderLandsOnTheDashboardDrillsDownOnTheMapAndExportsBothReports(Browser browser) throws Exception {
        DashboardTestData.load(features, catalogue, runs);
        DashboardTestData.entries(entries);
        versions.changed();

        try (Browser planner = browser.another("zh-CN")) {
            planner.get("/");
            planner.signIn("planner", Browser.DEMO_PASSWORD);
            planner.waitFor(
                    WAIT,
                    "the map",
                    () -> !planner.driver()
                            .findElements(By.tagName("planning-map"))
                            .isEmpty());
            assertThat(planner.driver().getCurrentUrl())
                    .as("a planner starts on the map")
                    .doesNotContain("dashboard");
        }

        browser.driver().manage().window().setSize(new Dimension(1440, 1100));
        browser.forgetConsole();
        browser.get("/");
        browser.signIn("leader", Browser.DEMO_PASSWORD);
        browser.waitFor(WAIT, "the dashboard", () -> present(browser, "dashboard-view"));
        assertThat(browser.driver().getCurrentUrl())
                .as("the leader's start page (kept ?continue of the sign-in)")
                .contains("/dashboard");
        assertThat(browser.driver().getTitle()).isEqualTo("领导驾驶舱");
        browser.waitFor(
                WAIT,
                "the city's cards",
                () -> browser.text("dashboard-card-township_class3_road_rate").contains("66.7%"));
        drawn(browser, "2");
        browser.screenshot("dashboard");

        browser.driver().findElement(By.id("dashboard-indicator")).click();
        pick(browser, DOCTORS);
        browser.waitFor(
                WAIT,
                "the doctors by county",
                () -> browser.text("dashboard-units").contains("3.10 人/千人"));
        assertThat(browser.text("dashboard-indicator")).contains(DOCTORS);
        drawn(browser, "2");
        browser.screenshot("dashboard-indicator");

        clickUnit(browser, DashboardTestData.NANXIAN);
        browser.waitFor(WAIT, "南县", () -> browser.text("dashboard-unit").equals("南县"));
        drawn(browser, "2");
        browser.screenshot("dashboard-county");
        clickUnit(browser, DashboardTestData.NANZHOU);
        browser.waitFor(WAIT, "南洲镇", () -> browser.text("dashboard-unit").equals("南洲镇"));
        assertThat(browser.text("dashboard-path")).contains("益阳市", "南县", "南洲镇");
        assertThat(browser.text("dashboard-card-township_class3_road_rate")).contains("100.0%");
        browser.screenshot("dashboard-township");

        WebElement xlsx = browser.driver().findElement(By.id("dashboard-xlsx"));
        assertThat(xlsx.getDomAttribute("href")).contains("code=" + DashboardTestData.NANZHOU);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(browser, xlsx)))) {
            Sheet township = book.getSheetAt(0);
            assertThat(township.getRow(0).getCell(2).getStringCellValue()).isEqualTo("指标");
            Optional<Row> road = rows(township).stream()
                    .filter(r -> r.getCell(2).getStringCellValue().equals("乡镇通三级公路比例"))
                    .findFirst();
            assertThat(road).isPresent();
            assertThat(road.get().getCell(1).getStringCellValue()).isEqualTo("南洲镇");
            assertThat(road.get().getCell(4).getNumericCellValue()).isEqualTo(1.0);
        }

        WebElement build = browser.driver().findElement(By.id("dashboard-pdf"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", build);
        build.click();
        browser.waitFor(WAIT, "the PDF to be offered", () -> present(browser, "dashboard-pdf-download"));
        byte[] pdf = download(browser, browser.driver().findElement(By.id("dashboard-pdf-download")));
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("南洲镇乡村建设规划指标评估报告", "乡镇通三级公路比例", "100.0%");
        reader.close();
        browser.screenshot("dashboard-pdf");
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }

    /** Waits until the choropleth has drawn {@code units} units. */
    private static void drawn(Browser browser, String units) {
        browser.waitFor(WAIT, "the choropleth of " + units + " units", () -> {
            try {
                return units.equals(browser.driver()
                        .findElement(By.id("dashboard-choropleth"))
                        .getDomAttribute("drawn"));
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /** Clicks the choropleth where it draws the unit (an interior point of its outline), as a user would. */
    private static void clickUnit(Browser browser, String code) {
        WebElement map = browser.driver().findElement(By.id("dashboard-choropleth"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", map);
        browser.waitFor(WAIT, "the unit " + code + " on the map", () -> browser.js(PIXEL, map, code) != null);
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.js(PIXEL, map, code);
        WebElement viewport = map.findElement(By.cssSelector(".ol-viewport"));
        int dx = (int) Math.round(at.get(0).doubleValue() - viewport.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(at.get(1).doubleValue() - viewport.getSize().getHeight() / 2.0);
        new Actions(browser.driver()).moveToElement(viewport, dx, dy).click().perform();
    }

    /** The pixel of an interior point of the unit's outline in the element's map, or null while it is not drawn. */
    private static final String PIXEL = """
            const map = arguments[0]._map;
            const f = map && map.getLayers().item(0).getSource().getFeatures()
                .find((x) => x.get('code') === arguments[1]);
            if (!f) { return null; }
            const g = f.getGeometry();
            const p = g.getType() === 'MultiPolygon'
                ? g.getInteriorPoints().getCoordinates()[0] : g.getInteriorPoint().getCoordinates();
            // from the view's state, set at once by fit(), rather than from the last rendered frame
            const view = map.getView();
            const c = view.getCenter();
            const r = view.getResolution();
            const size = map.getSize();
            if (!c || !r || !size) { return null; }
            return [(p[0] - c[0]) / r + size[0] / 2, (c[1] - p[1]) / r + size[1] / 2];""";

    /** The body of a link's target fetched with the page's session, as the browser downloads it. */
    private static byte[] download(Browser browser, WebElement link) {
        Object body = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0].href, { credentials: 'same-origin' })
                    .then((r) => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
                    .then((b) => {
                        let s = '';
                        new Uint8Array(b).forEach((x) => { s += String.fromCharCode(x); });
                        done(btoa(s));
                    })
                    .catch((e) => done('failed ' + e));""", link);
        assertThat(String.valueOf(body)).doesNotStartWith("failed");
        return Base64.getDecoder().decode(String.valueOf(body));
    }

    private static List<Row> rows(Sheet sheet) {
        List<Row> out = new ArrayList<>();
        sheet.forEach(out::add);
        return out.subList(1, out.size());
    }

    /** Clicks the open select's item showing exactly {@code text}, reading the list again when it is re-rendered. */
    private static void pick(Browser b, String text) {
        b.waitFor(WAIT, "the item " + text, () -> {
            try {
                Optional<WebElement> item = b.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                        .filter(i -> i.isDisplayed()
                                && !String.valueOf(i.getDomAttribute("id")).startsWith("value-")
                                && i.getText().strip().equals(text))
                        .findFirst();
                item.ifPresent(i -> {
                    b.js("arguments[0].scrollIntoView({block: 'center'})", i);
                    i.click();
                });
                return item.isPresent();
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private static boolean present(Browser browser, String id) {
        try {
            return !browser.driver().findElements(By.id(id)).isEmpty()
                    && browser.driver().findElement(By.id(id)).isDisplayed();
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }
}
