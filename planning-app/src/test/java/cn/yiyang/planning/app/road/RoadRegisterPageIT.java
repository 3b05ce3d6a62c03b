package cn.yiyang.planning.app.road;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The register page in headless Chromium against the app on an embedded store holding
 * {@link RegisterTestData}, recorded as synthetic like the demo city: the transport user opens 通返不通台账
 * from the navigation, sees the synthetic-data notice, the five entries, their roads on the map and the
 * trend, selects the open entry of 南茅乡道, clicks 销号, gives a note, confirms, and sees the entry closed
 * by transport. Screenshots: road-register.png, road-register-closed.png, road-register-trend.png.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.db.url=", "planning.tianditu.key="})
@ExtendWith(BrowserExtension.class)
class RoadRegisterPageIT {

    static final Path RUN_DIR =
            Path.of("target", "it-road-register", UUID.randomUUID().toString());

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
    LayerLoadRepository loads;

    @Autowired
    LayerVersions versions;

    @Autowired
    RoadRegisterService register;

    @Test
    void theTransportUserClosesAnEntryAndSeesItClosed(Browser browser) {
        RegisterTestData.load(features, catalogue);
        for (String layer : List.of("county", "township", "road", "road_inspection")) {
            loads.record(new LayerLoad(layer, "register test data", true, "REPLACE", 0, "test", null));
        }
        versions.changed();
        browser.driver().manage().window().setSize(new Dimension(1440, 1200));
        browser.openMap("transport");
        browser.driver().findElement(By.id("nav-road-register")).click();
        browser.waitFor(Duration.ofSeconds(30), "the register page", () -> present(browser, "road-register-view"));
        assertThat(browser.driver().getTitle()).isEqualTo("通返不通台账");
        assertThat(browser.driver().findElement(By.id("synthetic-banner")).getText())
                .contains("演示数据为合成数据");
        assertThat(browser.text("road-register-summary")).isEqualTo("未销号 4 条，已销号 1 条；当前不通道路 4 条");
        browser.waitFor(
                Duration.ofSeconds(20),
                "the roads on the map",
                () -> "5"
                        .equals(browser.driver()
                                .findElement(By.id("road-register-map"))
                                .getDomAttribute("data-overlay-features")));
        browser.waitFor(
                Duration.ofSeconds(30),
                "the map to draw",
                () -> !browser.driver()
                        .findElements(By.cssSelector("#road-register-map[data-rendered='true']"))
                        .isEmpty());
        assertThat(browser.drawnPixels(browser.driver().findElement(By.id("road-register-map"))))
                .isPositive();
        assertThat(browser.driver().findElements(By.cssSelector("#road-register-trend svg g.trend-month")))
                .hasSize(7);
        browser.screenshot("road-register");

        cell(browser, "南茅乡道 · Y003").click();
        browser.waitFor(
                Duration.ofSeconds(10),
                "the 销号 button",
                () -> browser.driver().findElement(By.id("road-register-close")).isEnabled());
        browser.driver().findElement(By.id("road-register-close")).click();
        browser.waitFor(Duration.ofSeconds(10), "the dialog", () -> present(browser, "road-register-close-confirm"));
        browser.driver()
                .findElement(By.cssSelector("#road-register-close-note textarea"))
                .sendKeys("路面已修复，恢复通行");
        browser.driver().findElement(By.id("road-register-close-confirm")).click();

        browser.waitFor(
                Duration.ofSeconds(20),
                "the entry closed",
                () -> browser.text("road-register-summary").equals("未销号 3 条，已销号 2 条；当前不通道路 3 条"));
        browser.waitFor(
                Duration.ofSeconds(10),
                "the grid to show the closing",
                () -> rowText(browser, "Y003").contains("已销号"));
        assertThat(rowText(browser, "Y003"))
                .contains("已销号", "transport", register.today().toString());
        assertThat(register.entry("Y003", RegisterTestData.Y003_BLOCKED)
                        .orElseThrow()
                        .note())
                .isEqualTo("路面已修复，恢复通行");
        assertThat(register.impassableRoadCodes()).containsExactly("C001", "C002", "X004");
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        browser.screenshot("road-register-closed");
        browser.js("arguments[0].scrollIntoView()", browser.driver().findElement(By.id("road-register-trend")));
        browser.screenshot("road-register-trend");
    }

    /** The grid cell whose text is exactly {@code content}. */
    private static WebElement cell(Browser browser, String content) {
        browser.waitFor(
                Duration.ofSeconds(20),
                "the grid row " + content,
                () ->
                        browser
                                .driver()
                                .findElements(By.cssSelector("#road-register-grid vaadin-grid-cell-content"))
                                .stream()
                                .anyMatch(c -> c.getText().strip().equals(content)));
        return browser.driver().findElements(By.cssSelector("#road-register-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().strip().equals(content))
                .findFirst()
                .orElseThrow();
    }

    /** The text of the grid row showing this road code, cells joined by " | ". */
    private static String rowText(Browser browser, String roadCode) {
        Object text = browser.js("""
                const grid = document.getElementById('road-register-grid');
                for (const row of grid.shadowRoot.querySelectorAll('tbody tr')) {
                  const cells = [...row.querySelectorAll('td slot')].map(s => s.assignedNodes()
                      .map(n => n.textContent).join('').trim());
                  if (cells.some(c => c.endsWith(arguments[0]))) return cells.join(' | ');
                }
                return '';""", roadCode);
        return text == null ? "" : text.toString();
    }

    private static boolean present(Browser browser, String id) {
        return !browser.driver().findElements(By.id(id)).isEmpty()
                && browser.driver().findElement(By.id(id)).isDisplayed();
    }
}
