package cn.yiyang.planning.app.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 冷链物流 in headless Chromium on the embedded store holding the small (synthetic) demo city: the logistics user opens
 * the page from the menu, runs the analysis and follows its progress bar to the cards with their targets, opens the
 * suggested sites, picks the first and sees the map zoom to it. Screenshots: logistics.png, logistics-sites.png.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.db.url=",
            "planning.tianditu.key=",
            "planning.analyses.run-on-start=false"
        })
@ExtendWith(BrowserExtension.class)
class LogisticsPageIT {

    static final Path RUN_DIR =
            Path.of("target", "it-logistics", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add(
                "planning.data-dir",
                () -> RUN_DIR.resolve("data").toAbsolutePath().toString());
    }

    @Test
    void theLogisticsUserRunsTheAnalysisAndFindsASuggestedSiteOnTheMap(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1440, 1200));
        browser.openMap("logistics");
        browser.driver().findElement(By.id("nav-logistics")).click();
        browser.waitFor(Duration.ofSeconds(30), "the page", () -> present(browser, "logistics-view"));
        assertThat(browser.driver().getTitle()).isEqualTo("冷链物流");
        assertThat(browser.text("logistics-run-info")).isEqualTo("尚未运行过分析。");

        browser.driver().findElement(By.id("logistics-run")).click();
        browser.waitFor(
                Duration.ofSeconds(180),
                "the run's results",
                () -> present(browser, "logistics-card-village_courier_service_rate")
                        && browser.text("logistics-progress-text").startsWith("已完成"));
        assertThat(browser.text("logistics-card-village_courier_service_rate"))
                .contains("建制村通物流快递比例", "%", "目标 100.0%");
        assertThat(browser.text("logistics-summary")).startsWith("最近一次分析：冷链节点");
        browser.screenshot("logistics");

        browser.driver().findElement(By.id("logistics-open-sites")).click();
        browser.waitFor(Duration.ofSeconds(30), "the suggested sites", () -> present(browser, "findings-view"));
        assertThat(browser.driver().getTitle()).contains("冷链物流建议选址");
        assertThat(browser.text("findings-count")).startsWith("共 ");
        By cells = By.cssSelector("#findings-grid vaadin-grid-cell-content");
        browser.waitFor(
                Duration.ofSeconds(20),
                "the rows",
                () -> browser.driver().findElements(cells).stream()
                        .anyMatch(c -> c.getText().strip().startsWith("township_centre-")
                                || c.getText().strip().startsWith("village_outlet-")
                                || c.getText().strip().startsWith("courier_point-")));
        browser.driver().findElements(cells).stream()
                .filter(c -> c.getText().strip().matches("(township_centre|village_outlet|courier_point)-.*"))
                .findFirst()
                .orElseThrow()
                .click();
        WebElement map = browser.driver().findElement(By.id("findings-map"));
        browser.waitFor(
                Duration.ofSeconds(20),
                "the map to zoom to the site",
                () -> ((Number) browser.js("return arguments[0].olMap.getView().getZoom();", map)).doubleValue() >= 14);
        assertThat(browser.driver().findElement(By.id("findings-xlsx")).getDomAttribute("href"))
                .contains("api/v1/analyses/cold-chain/findings/logistics_site.xlsx");
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        browser.screenshot("logistics-sites");
    }

    private static boolean present(Browser browser, String id) {
        return !browser.driver().findElements(By.id(id)).isEmpty();
    }
}
