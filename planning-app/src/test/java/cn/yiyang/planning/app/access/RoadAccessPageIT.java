package cn.yiyang.planning.app.access;

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
 * The road-access pages in headless Chromium on the embedded store holding the small (synthetic) demo city: the
 * transport user opens 道路通达, runs the analysis and follows its progress bar to the indicator cards with their
 * targets, opens a county's townships, then the gap list, picks the first gap and sees the map zoom to it.
 * Screenshots: road-access.png, road-access-townships.png, road-access-gaps.png.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.db.url=",
            "planning.tianditu.key=",
            "planning.road-access.run-on-start=false"
        })
@ExtendWith(BrowserExtension.class)
class RoadAccessPageIT {

    static final Path RUN_DIR =
            Path.of("target", "it-road-access", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add(
                "planning.data-dir",
                () -> RUN_DIR.resolve("data").toAbsolutePath().toString());
    }

    @Test
    void theTransportUserRunsTheAnalysisReadsTheDashboardAndFindsTheFirstGapOnTheMap(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1440, 1200));
        browser.openMap("transport");
        browser.driver().findElement(By.id("nav-road-access")).click();
        browser.waitFor(Duration.ofSeconds(30), "the dashboard", () -> present(browser, "road-access-view"));
        assertThat(browser.driver().getTitle()).isEqualTo("道路通达");
        assertThat(browser.driver().findElement(By.id("synthetic-banner")).getText())
                .contains("合成数据");
        assertThat(browser.text("access-run-info")).isEqualTo("尚未运行过分析。");

        browser.driver().findElement(By.id("access-run")).click();
        browser.waitFor(
                Duration.ofSeconds(10),
                "the progress bar",
                () -> browser.driver().findElement(By.id("access-progress")).isDisplayed()
                        || present(browser, "access-card-household_road_access_rate"));
        browser.waitFor(
                Duration.ofSeconds(120),
                "the run's results",
                () -> present(browser, "access-card-township_class3_road_rate"));
        assertThat(browser.text("access-progress-text")).startsWith("已完成");
        assertThat(browser.text("access-card-township_class3_road_rate")).contains("乡镇通三级公路比例", "%", "目标 85.0%");
        assertThat(browser.text("access-run-info")).startsWith("最近一次分析：").contains("transport");
        assertThat(browser.text("access-summary")).contains("孤立硬化路段", "通返不通未销号道路");
        browser.screenshot("road-access");

        cell(browser, "access-counties", "安化县").click();
        browser.waitFor(
                Duration.ofSeconds(10),
                "the townships of 安化县",
                () ->
                        browser
                                .driver()
                                .findElements(By.cssSelector("#access-townships vaadin-grid-cell-content"))
                                .stream()
                                .anyMatch(c -> c.getText().strip().endsWith("镇")
                                        || c.getText().strip().endsWith("乡")));
        browser.js("arguments[0].scrollIntoView()", browser.driver().findElement(By.id("access-townships")));
        browser.screenshot("road-access-townships");

        browser.driver().findElement(By.id("nav-road-gaps")).click();
        browser.waitFor(Duration.ofSeconds(30), "the gap list", () -> present(browser, "access-gap-view"));
        assertThat(browser.driver().getTitle()).isEqualTo("通达缺口清单");
        assertThat(browser.text("gaps-count")).startsWith("共 ").contains("处缺口");
        cell(browser, "gaps-grid", "1").click();
        WebElement map = browser.driver().findElement(By.id("gaps-map"));
        browser.waitFor(
                Duration.ofSeconds(20),
                "the map to zoom to the first gap",
                () -> ((Number) browser.js("return arguments[0].olMap.getView().getZoom();", map)).doubleValue() >= 14);
        browser.waitFor(
                Duration.ofSeconds(30),
                "the map to draw",
                () -> !browser.driver()
                        .findElements(By.cssSelector("#gaps-map[data-rendered='true']"))
                        .isEmpty());
        assertThat(browser.drawnPixels(browser.driver().findElement(By.id("gaps-map"))))
                .isPositive();
        assertThat(browser.driver().findElement(By.id("gaps-csv")).getDomAttribute("href"))
                .endsWith("gaps.csv");
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        browser.screenshot("road-access-gaps");
    }

    private static boolean present(Browser browser, String id) {
        return !browser.driver().findElements(By.id(id)).isEmpty();
    }

    private static WebElement cell(Browser browser, String grid, String content) {
        By cells = By.cssSelector("#" + grid + " vaadin-grid-cell-content");
        browser.waitFor(
                Duration.ofSeconds(20),
                "the grid cell " + content,
                () -> browser.driver().findElements(cells).stream()
                        .anyMatch(c -> c.getText().strip().equals(content)));
        return browser.driver().findElements(cells).stream()
                .filter(c -> c.getText().strip().equals(content))
                .findFirst()
                .orElseThrow();
    }
}
