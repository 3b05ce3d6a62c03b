package cn.yiyang.planning.app.importing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerService;
import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The import page in headless Chromium against the app on an embedded store: an administrator opens
 * 数据导入 from the navigation, chooses 农村公路, drops a GBK road shapefile (zip) on the upload, clicks
 * 分析 and sees GBK and EPSG:4525 (declared by the file), the field mapping and the one problem row;
 * clicks 导入 and sees the three roads loaded and the link to the map. Screenshots:
 * import-analysed.png, import-done.png.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.db.url=", "planning.tianditu.key="})
@ExtendWith(BrowserExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first journey begins with an empty road layer
class ImportPageIT {

    static final Path RUN_DIR =
            Path.of("target", "it-import-page", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add(
                "planning.data-dir",
                () -> RUN_DIR.resolve("data").toAbsolutePath().toString());
    }

    @Autowired
    LayerService layers;

    @Test
    @Order(1)
    void anAdministratorAnalysesThenImportsARoadShapefile(Browser browser) {
        Path zip = ImportTestFiles.roadsZip(RUN_DIR.resolve("files")).toAbsolutePath();
        openImportPage(browser);
        assertThat(browser.driver().getTitle()).isEqualTo("数据导入");
        chooseRoadsAndUpload(browser, zip);

        browser.driver().findElement(By.id("import-analyse")).click();
        browser.waitFor(
                Duration.ofSeconds(60),
                "the analysis",
                () -> browser.text("import-status").equals("成功"));
        browser.waitFor(Duration.ofSeconds(10), "the mapping grid", () -> present(browser, "import-mapping-grid"));
        String facts = browser.text("import-facts");
        assertThat(facts).contains("GBK", "文件声明", "EPSG:4525", "Shapefile");
        assertThat(browser.text("import-notice")).contains("3 行可以导入，1 行有错误");
        assertThat(browser.driver().findElement(By.id("import-mapping-grid")).getText())
                .contains("道路名称", "行政等级");
        assertThat(browser.driver().findElement(By.id("import-issues")).getText())
                .contains("UNKNOWN_CODE");
        assertThat(layers.layer("road").featureCount())
                .as("a dry run loads nothing")
                .isZero();
        browser.waitFor(
                Duration.ofSeconds(20),
                "the preview map",
                () -> "4"
                        .equals(browser.driver()
                                .findElement(By.id("import-preview-map"))
                                .getDomAttribute("data-overlay-features")));
        browser.waitFor(
                Duration.ofSeconds(20),
                "the preview map to draw",
                () -> !browser.driver()
                        .findElements(By.cssSelector("#import-preview-map[data-rendered='true']"))
                        .isEmpty());
        assertThat(browser.drawnPixels(browser.driver().findElement(By.id("import-preview-map"))))
                .as("the preview's features drawn")
                .isPositive();
        browser.screenshot("import-analysed");

        browser.driver().findElement(By.id("import-load")).click();
        browser.waitFor(
                Duration.ofSeconds(60),
                "the load",
                () -> browser.text("import-notice").contains("已导入"));
        assertThat(browser.text("import-notice")).contains("已导入 3 个要素到“农村公路”", "在地图上查看");
        assertThat(browser.driver().findElement(By.id("import-view-on-map")).getDomAttribute("href"))
                .startsWith("./?extent=112.")
                .endsWith("&layer=road");
        assertThat(layers.layer("road").featureCount()).isEqualTo(3);
        browser.waitFor(
                Duration.ofSeconds(10),
                "the import in the recent list",
                () -> browser.driver()
                        .findElement(By.id("import-recent"))
                        .getText()
                        .contains("益阳道路_赫山区.zip"));
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        browser.screenshot("import-done");
    }

    @Test
    @Order(2)
    void aColumnProposedByItsValuesIsAcceptedWithOneClickThenLoads(Browser browser) throws Exception {
        // two columns of road classes named the department's way: which is the administrative class, the user says
        Path csv = RUN_DIR.resolve("files").resolve("道路_乡镇上报.csv").toAbsolutePath();
        Files.createDirectories(csv.getParent());
        Files.writeString(
                csv,
                "路段编码,DJ1,DJ2,WKT\n"
                        + "XZ001,村道,县道,\"LINESTRING (112.30 28.50, 112.31 28.51)\"\n"
                        + "XZ002,乡道,村道,\"LINESTRING (112.31 28.51, 112.32 28.52)\"\n");
        long before = layers.layer("road").featureCount();
        openImportPage(browser);
        chooseRoadsAndUpload(browser, csv);

        browser.driver().findElement(By.id("import-analyse")).click();
        browser.waitFor(
                Duration.ofSeconds(60),
                "the analysis",
                () -> browser.text("import-status").equals("需要补充信息"));
        browser.waitFor(Duration.ofSeconds(10), "the proposals", () -> present(browser, "import-mapping-proposals"));
        assertThat(browser.text("import-mapping-proposals")).contains("可作为“行政等级”的列（按可信度排序）：", "采用“DJ1”", "采用“DJ2”");
        WebElement accept = browser.driver().findElement(By.id("import-accept-admin_class-0"));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", accept);
        accept.click();
        browser.waitFor(
                Duration.ofSeconds(10),
                "DJ1 to go to the administrative class",
                () -> browser.driver()
                        .findElement(By.id("import-mapping-grid"))
                        .getText()
                        .contains("行政等级 (admin_class)"));
        browser.screenshot("import-proposals");

        browser.driver().findElement(By.id("import-load")).click();
        browser.waitFor(
                Duration.ofSeconds(60),
                "the load",
                () -> browser.text("import-notice").contains("已导入"));
        assertThat(browser.text("import-notice")).contains("已导入 2 个要素到“农村公路”");
        assertThat(layers.layer("road").featureCount()).isEqualTo(before + 2);
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }

    /** Signs in as the administrator and opens 数据导入 from the navigation. */
    private static void openImportPage(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1440, 1100));
        browser.openMap("admin");
        browser.driver().findElement(By.id("nav-import")).click();
        browser.waitFor(Duration.ofSeconds(30), "the import page", () -> present(browser, "import-view"));
    }

    /** Chooses 农村公路 and drops one file on the upload, waiting until it is received. */
    private static void chooseRoadsAndUpload(Browser browser, Path file) {
        WebElement layerInput = browser.driver().findElement(By.cssSelector("#import-layer input"));
        layerInput.click();
        layerInput.sendKeys("农村公路");
        browser.waitFor(
                Duration.ofSeconds(10),
                "the road layer in the list",
                () -> browser.driver().findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                        .anyMatch(i -> i.getText().contains("农村公路")));
        browser.driver().findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(i -> i.getText().contains("农村公路"))
                .findFirst()
                .orElseThrow()
                .click();
        browser.driver()
                .findElement(By.id("import-upload"))
                .getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(file.toString());
        browser.waitFor(
                Duration.ofSeconds(30),
                "the upload to complete",
                () -> Boolean.TRUE.equals(browser.js("const f = document.querySelector('#import-upload').files;"
                        + "return f.length === 1 && f[0].complete === true;")));
    }

    private static boolean present(Browser browser, String id) {
        return !browser.driver().findElements(By.id(id)).isEmpty()
                && browser.driver().findElement(By.id(id)).isDisplayed();
    }
}
